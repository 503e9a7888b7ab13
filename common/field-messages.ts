// Messages for one parameter or value in an error's `errors` map, and for formula problems.
import type { Locale } from './access.js';

type Message = Record<Locale, string>;

/** Per-parameter messages in the `errors` map, in kintone's wording. */
export const FIELD_MESSAGES = {
  required: { ja: '必須です。', en: 'Required field.' },
  invalid: { ja: '値が不正です。', en: 'The value is invalid.' },
  tooLong: { ja: '{n}文字より短くなければなりません。', en: 'Enter less than {n} characters.' },
  tooShort: { ja: '{n}文字より長くなければなりません。', en: 'Enter more than {n} characters.' },
  tooMany: { ja: '{n}件以下で指定してください。', en: 'Specify {n} or fewer items.' },
  tooFew: { ja: '{n}件以上指定してください。', en: 'Specify at least {n} items.' },
  max: { ja: '{n}以下である必要があります。', en: 'The value must be {n} or less.' },
  min: { ja: '{n}以上である必要があります。', en: 'The value must be {n} or more.' },
  notNumber: { ja: '数字でなければなりません。', en: 'Only numbers are allowed.' },
  email: { ja: 'メールアドレスの形式が不正です。', en: 'The e-mail address is not valid.' },
  duplicate: {
    ja: '値がほかのレコードと重複しています。',
    en: 'This value already exists in another record.',
  },
  duplicateInRequest: {
    ja: 'リクエスト内で値が重複しています。',
    en: 'The value is duplicated in the request.',
  },
  unknownKey: { ja: '不明なパラメーターです。', en: 'Unknown parameter.' },
  oneOf: { ja: '"{value}"は選択肢にありません。', en: 'The value, "{value}", is not in options.' },
  notFound: { ja: '指定した値が見つかりません。', en: 'The specified value is not found.' },
  guestSpaceOrganizationField: {
    ja: 'ゲストスペース内のアプリには組織選択フィールドを追加できません。',
    en: 'An app in a guest space cannot have a Department selection field.',
  },
  processGuestOrganization: {
    ja: 'ゲストスペース内のアプリでは、組織を作業者に指定できません。',
    en: 'In an app in a guest space, a department cannot be an assignee.',
  },
  guestSpaceTarget: {
    ja: 'ゲストスペースにはアプリを移動できません。',
    en: 'Apps cannot be moved into a guest space.',
  },
  passwordPolicy: {
    ja: 'パスワードは{n}文字以上で指定してください。',
    en: 'The password must be at least {n} characters.',
  },
  passwordIsLogin: {
    ja: 'ログイン名と同じパスワードは使用できません。',
    en: 'The password must differ from the login name.',
  },
  passwordIsEmail: {
    ja: 'メールアドレスの@より前の部分と同じパスワードは使用できません。',
    en: 'The password must differ from the part of the e-mail address before the @.',
  },
  passwordKinds: {
    ja: 'パスワードには、英小文字・英大文字・数字・記号のうち{n}種類以上を含めてください。',
    en: 'The password must mix at least {n} of these: lower-case letters, upper-case letters, digits, symbols.',
  },
  passwordReused: {
    ja: '直近{n}回に使用したパスワードは使用できません。',
    en: 'The password must differ from the last {n} passwords used.',
  },
  loginNameReserved: {
    ja: 'このログイン名は使用できません。',
    en: 'This login name cannot be used.',
  },
  cycle: {
    ja: '組織の親子関係が循環しています。',
    en: 'The organization hierarchy would contain a cycle.',
  },
  hasChildren: {
    ja: '子組織があるため削除できません。先に子組織を削除するか移動してください。',
    en: 'The organization has child organizations. Delete or move them first.',
  },
  primaryNotListed: {
    ja: '優先する組織は所属組織から指定してください。',
    en: 'The primary organization must be one of the organizations the user belongs to.',
  },
  maxRecordsAdd: {
    ja: '一度に追加できるレコードは100件までです。',
    en: 'A maximum of 100 records can be added at one time.',
  },
  maxRecordsUpdate: {
    ja: '一度に更新できるレコードは100件までです。',
    en: 'A maximum of 100 records can be updated at one time.',
  },
  maxRecordsDelete: {
    ja: '一度に削除できるレコードは1件から100件までです。',
    en: 'Between 1 and 100 records can be deleted at one time.',
  },
  appCode: {
    ja: 'アプリコードは英字で始まり、英数字と「_」で64文字以内にしてください。',
    en: 'An app code starts with a letter and has at most 64 letters, digits and underscores.',
  },
  systemField: {
    ja: 'このフィールドは削除できません。',
    en: 'This field cannot be deleted.',
  },
  lastAdmin: {
    ja: '最後の管理者は停止・削除できません。',
    en: 'The last administrator cannot be suspended or deleted.',
  },
  // `errors.query` messages for CB_VA01 answers to a query.
  querySyntax: { ja: 'クエリ記法が間違っています。', en: 'The query syntax is invalid.' },
  queryTooLong: {
    ja: 'クエリが長すぎます。{n}文字以下で指定してください。',
    en: 'The query is too long. Use {n} characters or fewer.',
  },
  queryTooComplex: {
    ja: 'クエリが複雑すぎます。条件、値、括弧の数を減らしてください。',
    en: 'The query is too complex. Use fewer conditions, values or parentheses.',
  },
  queryCursorOptions: {
    ja: 'カーソルのクエリにはlimitとoffsetを指定できません。',
    en: 'limit and offset cannot be used in a cursor query.',
  },
  // Record values (spec/ui-glossary.md §2.4). A record field left empty says "Required.",
  // unlike a missing request parameter ("Required field.").
  requiredValue: { ja: '必須です。', en: 'Required.' },
  dateFormat: { ja: '日付の形式が不正です。', en: 'Format is not valid.' },
  timeFormat: { ja: '時刻の形式が不正です。', en: 'Format is not valid.' },
  datetimeFormat: { ja: '日時の形式が不正です。', en: 'Format is not valid.' },
  // Field settings. kintone's parameter validator answers an enum mismatch in this raw form.
  enumValue: { ja: 'Enum値のいずれかでなければなりません。', en: 'must be one of the enum value' },
  fieldCodeInvalid: {
    ja: '先頭に数字が使用されているか、使用できない記号、またはスペースが含まれているため保存できません。',
    en: 'The field code cannot start with a number or contain spaces or symbols other than "_".',
  },
  fieldCodeTooLong: {
    ja: 'フィールドコードは128文字以内で指定してください。',
    en: 'The field code must be 128 characters or less.',
  },
  fieldCodeReserved: { ja: 'このフィールドコードは使用できません。', en: 'This field code cannot be used.' },
  fieldCodeDuplicate: {
    ja: 'フィールドコード「{code}」はほかのフィールドで使用されています。',
    en: 'The field code "{code}" is already used by another field.',
  },
  fieldCodeFixed: {
    ja: 'このフィールドのフィールドコードは変更できません。',
    en: 'The field code of this field cannot be changed.',
  },
  fieldNotFound: {
    ja: '指定したフィールド（code: {code}）が見つかりません。',
    en: 'The specified field (code: {code}) is not found.',
  },
  // Graphs (app/reports.json): Engawa's wording.
  reportGroupField: {
    ja: 'フィールド（code: {code}）は分類する項目に指定できません。',
    en: 'The field (code: {code}) cannot be used to group a graph.',
  },
  reportAggregationField: {
    ja: 'フィールド（code: {code}）はこの集計方法に指定できません。',
    en: 'The field (code: {code}) cannot be aggregated this way.',
  },
  typeNotCreatable: { ja: 'このフィールドタイプは追加できません。', en: 'Fields of this type cannot be added.' },
  typeChange: { ja: 'フィールドタイプは変更できません。', en: 'The field type cannot be changed.' },
  typeNotInSubtable: {
    ja: 'このフィールドタイプはテーブルに配置できません。',
    en: 'Fields of this type cannot be placed in a table.',
  },
  minOverMax: {
    ja: '最小値には最大値以下の値を指定してください。',
    en: 'The minimum must not be greater than the maximum.',
  },
  layoutDuplicate: {
    ja: 'フィールド「{code}」が複数回配置されています。',
    en: 'The field "{code}" is placed more than once.',
  },
  layoutMisplaced: {
    ja: 'フィールド「{code}」はここに配置できません。',
    en: 'The field "{code}" cannot be placed here.',
  },
  aclNeedsView: {
    ja: '編集、削除、ファイル書き出しの権限には、レコード閲覧の権限も必要です。',
    en: 'Editing, deleting and exporting records also need the right to view records.',
  },
  aclNeedsAdd: {
    ja: 'ファイル読み込みの権限には、レコード追加の権限も必要です。',
    en: 'Importing from a file also needs the right to add records.',
  },
  aclEntityNotFound: {
    ja: '指定したユーザー、組織またはグループが見つかりません。',
    en: 'The specified user, department or group is not found.',
  },
  aclFieldEntity: {
    ja: 'ユーザー、組織またはグループを選ぶフィールド、作成者、作業者のフィールドコードを指定してください。',
    en: 'Specify the code of a user, department or group selection field, of the creator, or of the assignee.',
  },
  aclFieldNotFound: {
    ja: '指定したフィールドが見つかりません。',
    en: 'The specified field is not found.',
  },
  aclConditionField: {
    ja: '文字列（複数行）、リッチエディター、添付ファイル、関連レコード一覧のフィールドは条件に使用できません。',
    en: 'Multi-line text, rich text, attachment and related-records fields cannot be used in conditions.',
  },
  // Process management (app/status.json, record/status.json): Engawa's wording.
  processStateName: {
    ja: '新しいステータスの名前には、キーと同じ値を指定してください。',
    en: 'A new status must have the same name as its key.',
  },
  processFirstStateNew: {
    ja: '先頭のステータスは新しく追加できません。既存の先頭のステータスの名前を変更してください。',
    en: 'The first status cannot be a new one. Rename the current first status instead.',
  },
  processFirstAssignee: {
    ja: '最初のステータスの作業者は、「作業者を設定しない」か「作成者」（ONE）だけを指定できます。',
    en: 'The first status can have no assignee or the record creator (type ONE) only.',
  },
  processNoStates: { ja: 'ステータスを1つ以上指定してください。', en: 'Specify at least one status.' },
  processStateNotFound: { ja: '指定したステータスが見つかりません。', en: 'The specified status is not found.' },
  processStateInUse: {
    ja: 'ステータス「{name}」のレコードがあるため、削除できません。',
    en: 'Records are in the status "{name}": it cannot be deleted.',
  },
  processAssigneeField: {
    ja: 'ユーザー選択、組織選択、グループ選択、作成者、更新者のいずれかのフィールドコードを指定してください。',
    en: 'Specify the code of a user, department or group selection field, of the creator or of the modifier.',
  },
  processCustomField: { ja: 'カスタマイズ項目は使用できません。', en: 'Custom profile items are not available.' },
  processActionAmbiguous: {
    ja: '現在のステータスに同じ名前のアクションが複数あります。',
    en: 'The current status has more than one action of this name.',
  },
  processNotCandidate: {
    ja: '指定したユーザーは、次のステータスの作業者の候補ではありません。',
    en: 'The specified user is not an assignee candidate of the next status.',
  },
  processOneAssignee: {
    ja: 'このステータスの作業者は1人だけ指定できます。',
    en: 'This status takes one assignee only.',
  },
  // Notification settings (app/notifications/*.json): Engawa's wording.
  notificationTimingField: {
    ja: '日付、日時、作成日時、更新日時のいずれかのフィールドコードを指定してください。',
    en: 'Specify the code of a date, date and time, created datetime or updated datetime field.',
  },
  notificationTiming: {
    ja: 'hoursLaterとtimeのどちらか一方を指定してください。',
    en: 'Specify either hoursLater or time, not both.',
  },
  notificationTime: {
    ja: '時刻は10分単位で「HH:mm」の形式で指定してください。',
    en: 'Specify the time as HH:mm in steps of 10 minutes.',
  },
  // Guest accounts and one's own profile (guests.json, /v1/me/*.json): Engawa's wording.
  guestExists: {
    ja: 'このメールアドレスのゲストユーザーはすでに存在します。',
    en: 'A guest user with this e-mail address already exists.',
  },
  guestNotFound: {
    ja: '指定したゲストユーザーが見つからないか、使用停止中です。',
    en: 'The specified guest user is not found or is suspended.',
  },
  imageRequired: {
    ja: 'PNG、JPEG、GIF、WebPなどの画像ファイルを指定してください。',
    en: 'Specify an image file (PNG, JPEG, GIF, WebP).',
  },
  invitationClosed: {
    ja: 'この招待はすでに登録済みか、取り消されています。',
    en: 'This invitation has already been accepted or cancelled.',
  },
  ownAddressOutside: {
    ja: '現在アクセスしているIPアドレス（{ip}）が含まれていません。自分自身を締め出さないよう、追加してください。',
    en: 'Your current address ({ip}) is not in the list. Add it so that you do not lock yourself out.',
  },
  guestOnlyField: {
    ja: 'この項目はゲストユーザーのプロフィールにだけあります。',
    en: 'Only a guest user’s profile has this item.',
  },
  wrongCode: {
    ja: 'コードが正しくありません。',
    en: 'The code is not correct.',
  },
  totpNotStarted: {
    ja: '2要素認証の設定が開始されていません。',
    en: 'Two-factor authentication setup has not been started.',
  },
  wrongPassword: {
    ja: '現在のパスワードが正しくありません。',
    en: 'The current password is incorrect.',
  },
  // Threads (space/thread.json): Engawa's wording.
  singleThreadSpace: {
    ja: 'このスペースではスレッドを1つだけ使います。複数のスレッドを使うにはスペースの設定を変更してください。',
    en: 'This space has a single thread. Turn on multiple threads in the space settings first.',
  },
  defaultThread: {
    ja: 'スペースの最初のスレッドは削除できません。',
    en: 'The first thread of a space cannot be deleted.',
  },
  // Spaces (space.json, space/members.json, space/leave.json): Engawa's wording.
  spaceMemberNotFound: {
    ja: '指定したユーザー、組織またはグループが見つからないか、ユーザーが使用停止中です。',
    en: 'The specified user, department or group is not found, or the user is suspended.',
  },
  spaceAdminRequired: {
    ja: 'スペースの管理者を1人以上指定してください。',
    en: 'Specify at least one space administrator.',
  },
  lastSpaceAdmin: {
    ja: 'スペースの最後の管理者はスペースから退出できません。',
    en: 'The last administrator of a space cannot leave it.',
  },
  // Space templates, related links and search (space-extras): Engawa's wording.
  templateNotFound: {
    ja: '指定したスペーステンプレートが見つかりません。',
    en: 'The specified space template is not found.',
  },
  templateHasOrganizationSelect: {
    ja: 'テンプレートのアプリに組織選択フィールドがあるため、このテンプレートからゲストスペースは作成できません。',
    en: 'A guest space cannot be made from this template: one of its apps has a Department selection field.',
  },
  templateRefersOutside: {
    ja: 'テンプレートのアプリがテンプレート外のアプリをルックアップまたは関連レコード一覧で参照しているため、ゲストスペースは作成できません。',
    en: 'A guest space cannot be made from this template: one of its apps looks up or relates to an app outside the template.',
  },
  linkNotAllowed: {
    ja: 'リンク先が見つからないか、このスペースからはリンクできません。',
    en: 'The link target is not found, or it cannot be linked from this space.',
  },
  httpUrl: {
    ja: 'http:// または https:// で始まるURLを指定してください。',
    en: 'Specify a URL that starts with http:// or https://.',
  },
} as const satisfies Record<string, Message>;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

/**
 * The {detail} of a GAIA_IL01 answer: what is wrong with a formula (spec/calc-formulas.md §6.2).
 * Japanese is kintone's; the English of fullWidth, mistyped* and unknownField is kintone's help
 * wording, the rest is unconfirmed. tooLong, tooDeep and tooComplex are Engawa's own limits.
 */
export const FORMULA_MESSAGES = {
  syntax: { ja: '計算式の文法が正しくありません。', en: 'The formula syntax is invalid.' },
  unknownField: {
    ja: '計算式に含まれるフィールドコード（{code}）が存在しません。',
    en: 'The field code ({code}) in the formula does not exist.',
  },
  fieldType: {
    ja: '計算式で利用できないフィールドタイプ({type})が指定されています。',
    en: 'A field of a type that cannot be used in formulas ({type}) is specified.',
  },
  cycle: { ja: 'フィールドの参照が循環しています。', en: 'The field references are circular.' },
  unknownFunction: { ja: '{name}関数は使用できません。', en: 'The {name} function cannot be used.' },
  argsExactly: {
    ja: '{name}関数には{n}個の引数が必要です。',
    en: 'The {name} function requires {n} arguments.',
  },
  argsAtLeast: {
    ja: '{name}関数には{n}個以上の引数が必要です。',
    en: 'The {name} function requires at least {n} arguments.',
  },
  argsOneOrTwo: {
    ja: '{name}関数には1個または2個の引数が必要です。',
    en: 'The {name} function requires 1 or 2 arguments.',
  },
  argsAtMost: {
    ja: '{name}関数に指定できる引数は{n}個までです。',
    en: 'Up to {n} arguments can be specified for the {name} function.',
  },
  fullWidth: {
    ja: '全角記号「{symbol}」が入力されています。半角記号「{halfWidth}」を入力してください。',
    en: 'You have entered a full-width symbol "{symbol}". Use a half-width symbol "{halfWidth}".',
  },
  mistypedCompare: {
    ja: '「{typed}」が入力されています。「{meant}」を判定するには「{meant}」を入力してください。',
    en: '"{typed}" needs correction. If the "{meant}" operator is what you want to use, enter "{meant}" instead.',
  },
  mistypedArithmetic: {
    ja: '「{typed}」が入力されています。「{meant}」を計算するには「{meant}」を入力してください。',
    en: '"{typed}" needs correction. If the {meant} is what you want to use, enter "{meant}" instead.',
  },
  arrayMisuse: {
    ja: '配列型の値に対して適切な関数が利用されていません。',
    en: 'An invalid function is used for a value of an array type.',
  },
  operatorType: {
    ja: '演算子「{op}」とデータ型の組み合わせが正しくありません。',
    en: 'The operator "{op}" cannot be used with this data type.',
  },
  functionType: {
    ja: '{name}関数と引数のデータ型の組み合わせが正しくありません。',
    en: 'The data type of an argument cannot be used with the {name} function.',
  },
  tooLong: {
    ja: '計算式が長すぎます。{n}文字以下で入力してください。',
    en: 'The formula is too long. Use {n} characters or fewer.',
  },
  tooDeep: {
    ja: '計算式の入れ子が深すぎます。{n}階層以下にしてください。',
    en: 'The formula is nested too deeply. Use {n} levels or fewer.',
  },
  tooComplex: {
    ja: '計算式が複雑すぎます。要素を{n}個以下にしてください。',
    en: 'The formula is too complex. Use {n} elements or fewer.',
  },
} as const satisfies Record<string, Message>;

export type FormulaMessageKey = keyof typeof FORMULA_MESSAGES;
