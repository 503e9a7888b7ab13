// 一般設定 and その他の設定: name, description, icon, color theme, the record title, and the
// features kintone switches per app (thumbnails, comments, history, bulk deletion, duplicate,
// inline editing), the app code and number precision (preview/app/settings.json).
import { useQuery } from '@tanstack/react-query';
import { type AppSettingsJson, getFields, getSettings, putSettings } from '../../../api/app-settings';
import { defineStrings, useStrings } from '../../../i18n/area-strings';
import { Field, SelectField } from '../../../ui/form';
import { SettingsForm } from '../acl/acl-page';
import { Check, TextArea } from '../form/inputs';
import { useSettingsTarget } from '../settings-data';
import { strings } from '../strings';

const THEMES = ['WHITE', 'RED', 'BLUE', 'GREEN', 'YELLOW', 'BLACK', 'CLIPBOARD', 'BINDER', 'PENCIL', 'CLIPS'] as const;
const ICONS = ['APP72', 'APP39', 'APP60', 'APP100', 'APP101', 'APP102', 'APP103', 'APP104'] as const;
const TITLE_TYPES = new Set(['SINGLE_LINE_TEXT', 'NUMBER', 'CALC', 'RECORD_NUMBER', 'LINK', 'DATE', 'DATETIME', 'TIME', 'DROP_DOWN', 'RADIO_BUTTON']);

const words = defineStrings(
  {
    hint: 'These apply to the live app when it is updated.',
    name: 'App name',
    description: 'Description',
    icon: 'Icon',
    theme: 'Color theme',
    themes: { WHITE: 'White', RED: 'Red', BLUE: 'Blue', GREEN: 'Green', YELLOW: 'Yellow', BLACK: 'Black', CLIPBOARD: 'Clipboard', BINDER: 'Binder', PENCIL: 'Pencil', CLIPS: 'Clips' } as Record<string, string>,
    titleField: 'Record title',
    titleAuto: '(automatic: the first text field)',
    features: 'Features',
    thumbnails: 'Show thumbnails of image attachments',
    comments: 'Enable comments on records',
    history: 'Keep change history',
    bulkDeletion: 'Enable Bulk Deletion',
    duplicate: 'Enable Duplicate record',
    inline: 'Enable Inline editing',
    advanced: 'Advanced Settings',
    code: 'App Code',
    codeHint: 'Short code before record numbers (CODE-12): a letter, then letters, digits and _.',
    decimalPlaces: 'Decimal places for calculations',
    digits: 'Total digits',
    rounding: 'Rounding',
    roundings: { HALF_EVEN: 'Round half to even', UP: 'Round up', DOWN: 'Round down' } as Record<string, string>,
    fiscal: 'First month of the fiscal year',
  },
  {
    hint: '変更はアプリを更新すると反映されます。',
    name: 'アプリ名',
    description: 'アプリの説明',
    icon: 'アイコン',
    theme: 'デザインテーマ',
    themes: { WHITE: 'ホワイト', RED: 'レッド', BLUE: 'ブルー', GREEN: 'グリーン', YELLOW: 'イエロー', BLACK: 'ブラック', CLIPBOARD: 'クリップボード', BINDER: 'バインダー', PENCIL: 'ペンシル', CLIPS: 'クリップ' },
    titleField: 'レコードのタイトル',
    titleAuto: '（自動: 最初の文字列フィールド）',
    features: '機能',
    thumbnails: '添付ファイルの画像をサムネイルで表示する',
    comments: 'レコードのコメント機能を有効にする',
    history: 'レコードの変更履歴を記録する',
    bulkDeletion: '一括削除を有効にする',
    duplicate: 'レコードの再利用を有効にする',
    inline: 'インライン編集を有効にする',
    advanced: 'その他の設定',
    code: 'アプリコード',
    codeHint: 'レコード番号の前に付く短いコード（CODE-12）。英字で始め、英字・数字・_ が使えます。',
    decimalPlaces: '計算の小数部の桁数',
    digits: '全体の桁数',
    rounding: '丸めかた',
    roundings: { HALF_EVEN: '最近接偶数への丸め', UP: '切り上げ', DOWN: '切り捨て' },
    fiscal: '年度の開始月',
  },
);

export function GeneralSettingsPage() {
  const s = useStrings(strings);
  const w = useStrings(words);
  const { place, appId, key } = useSettingsTarget();
  const query = useQuery({ queryKey: key('settings'), queryFn: () => getSettings(place, appId) });
  const fieldsQ = useQuery({ queryKey: key('fields'), queryFn: () => getFields(place, appId) });
  const titles = Object.values(fieldsQ.data?.properties ?? {}).filter((p) => TITLE_TYPES.has(p.type));
  return (
    <SettingsForm<AppSettingsJson>
      title={s.sections.general}
      hint={w.hint}
      query={query}
      part="settings"
      save={({ revision: _revision, ...rest }) => putSettings(place, appId, rest.icon.type === 'FILE' ? { ...rest, icon: undefined } : rest)}
    >
      {(d, set) => {
        const patch = (p: Partial<AppSettingsJson>) => set({ ...d, ...p });
        return (
          <>
            <Field label={w.name} name="name" value={d.name} maxLength={64} onChange={(e) => patch({ name: e.target.value })} />
            <TextArea label={w.description} value={d.description} onChange={(v) => patch({ description: v })} />
            <div className="as-pair">
              <SelectField
                label={w.icon}
                name="icon"
                value={d.icon.type === 'PRESET' ? d.icon.key : ''}
                onChange={(e) => patch({ icon: { type: 'PRESET', key: e.target.value } })}
                options={[...(d.icon.type === 'FILE' ? [{ value: '', label: '—' }] : []), ...ICONS.map((k) => ({ value: k, label: k }))]}
              />
              <SelectField label={w.theme} name="theme" value={d.theme} onChange={(e) => patch({ theme: e.target.value })} options={THEMES.map((t) => ({ value: t, label: w.themes[t] ?? t }))} />
            </div>
            <SelectField
              label={w.titleField}
              name="titleField"
              value={d.titleField.selectionMode === 'MANUAL' ? d.titleField.code : ''}
              onChange={(e) => patch({ titleField: e.target.value ? { selectionMode: 'MANUAL', code: e.target.value } : { selectionMode: 'AUTO', code: '' } })}
              options={[{ value: '', label: w.titleAuto }, ...titles.map((p) => ({ value: p.code, label: p.label }))]}
            />
            <fieldset className="as-fieldset">
              <legend>{w.features}</legend>
              <Check label={w.thumbnails} checked={d.enableThumbnails} onChange={(v) => patch({ enableThumbnails: v })} />
              <Check label={w.comments} checked={d.enableComments} onChange={(v) => patch({ enableComments: v })} />
              <Check label={w.history} checked={d.enableHistory} onChange={(v) => patch({ enableHistory: v })} />
              <Check label={w.bulkDeletion} checked={d.enableBulkDeletion} onChange={(v) => patch({ enableBulkDeletion: v })} />
              <Check label={w.duplicate} checked={d.enableDuplicateRecord} onChange={(v) => patch({ enableDuplicateRecord: v })} />
              <Check label={w.inline} checked={d.enableInlineRecordEditing} onChange={(v) => patch({ enableInlineRecordEditing: v })} />
            </fieldset>
            <fieldset className="as-fieldset">
              <legend>{w.advanced}</legend>
              <Field label={w.code} name="code" value={d.code} hint={w.codeHint} onChange={(e) => patch({ code: e.target.value })} />
              <div className="as-pair">
                <Field label={w.digits} name="digits" inputMode="numeric" value={d.numberPrecision.digits} onChange={(e) => patch({ numberPrecision: { ...d.numberPrecision, digits: e.target.value } })} />
                <Field label={w.decimalPlaces} name="decimalPlaces" inputMode="numeric" value={d.numberPrecision.decimalPlaces} onChange={(e) => patch({ numberPrecision: { ...d.numberPrecision, decimalPlaces: e.target.value } })} />
                <SelectField
                  label={w.rounding}
                  name="roundingMode"
                  value={d.numberPrecision.roundingMode}
                  onChange={(e) => patch({ numberPrecision: { ...d.numberPrecision, roundingMode: e.target.value as AppSettingsJson['numberPrecision']['roundingMode'] } })}
                  options={['HALF_EVEN', 'UP', 'DOWN'].map((v) => ({ value: v, label: w.roundings[v] ?? v }))}
                />
              </div>
              <SelectField
                label={w.fiscal}
                name="fiscal"
                value={d.firstMonthOfFiscalYear}
                onChange={(e) => patch({ firstMonthOfFiscalYear: e.target.value })}
                options={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
              />
            </fieldset>
          </>
        );
      }}
    </SettingsForm>
  );
}
