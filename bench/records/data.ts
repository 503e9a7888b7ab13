// The benchmark app's form and its records: ~20 fields of mixed types, and values drawn from a
// seeded generator so that every run stores the same records (record i depends only on i).

/** A small, fast, seeded generator (mulberry32): uniform numbers in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SEED = 20_261_130;

export const CATEGORIES = ['a', 'b', 'c', 'd', 'e'] as const;
export const TAGS = ['営業', '開発', '総務', '経理', '人事'] as const;
/** USER_SELECT values name these users; the benchmark creates them before loading. */
export const USER_CODES = Array.from({ length: 8 }, (_, i) => `staff${i + 1}`);

/** The word the `like` scenario searches for: in about 1% of titles and nowhere else. */
export const LIKE_WORD = 'ひまわり';
const LIKE_SHARE = 0.01;

const options = (names: readonly string[]) => Object.fromEntries(names.map((n, i) => [n, { label: n, index: String(i) }]));

export const FIELDS: Record<string, Record<string, unknown>> = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名', required: true },
  customer: { type: 'SINGLE_LINE_TEXT', code: 'customer', label: '顧客名' },
  code: { type: 'SINGLE_LINE_TEXT', code: 'code', label: '管理番号' },
  contact: { type: 'SINGLE_LINE_TEXT', code: 'contact', label: '担当者名' },
  num: { type: 'NUMBER', code: 'num', label: '番号' },
  price: { type: 'NUMBER', code: 'price', label: '単価', displayScale: '2' },
  qty: { type: 'NUMBER', code: 'qty', label: '数量', defaultValue: '1' },
  score: { type: 'NUMBER', code: 'score', label: '評価' },
  amount: { type: 'CALC', code: 'amount', label: '金額', expression: 'price * qty', format: 'NUMBER_DIGIT' },
  category: { type: 'DROP_DOWN', code: 'category', label: '分類', options: options(CATEGORIES) },
  start_date: { type: 'DATE', code: 'start_date', label: '開始日' },
  due_date: { type: 'DATE', code: 'due_date', label: '期限' },
  logged_at: { type: 'DATETIME', code: 'logged_at', label: '記録日時' },
  notes: { type: 'MULTI_LINE_TEXT', code: 'notes', label: '備考' },
  tags: { type: 'CHECK_BOX', code: 'tags', label: 'タグ', options: options(TAGS) },
  site: { type: 'LINK', code: 'site', label: 'サイト', protocol: 'WEB' },
  owner: { type: 'USER_SELECT', code: 'owner', label: '担当' },
  lines: {
    type: 'SUBTABLE',
    code: 'lines',
    label: '明細',
    fields: {
      item: { type: 'SINGLE_LINE_TEXT', code: 'item', label: '品目' },
      line_amount: { type: 'NUMBER', code: 'line_amount', label: '明細金額' },
    },
  },
};

const SUBJECTS = ['見積', '請求', '発注', '納品', '問い合わせ', '契約更新', '保守点検', '打ち合わせ', '出張精算', '採用面接'];
const OBJECTS = ['複合機', 'ノートパソコン', '会議室', '年間保守', '業務委託', '研修', '倉庫', 'サーバー', '名刺', '社用車'];
const PLACES = ['東京本社', '大阪支店', '名古屋営業所', '福岡支店', '札幌営業所', '仙台支店', '横浜工場', '京都研究所'];
const SURNAMES = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'];
const SUFFIXES = ['商事', '工業', '製作所', 'システムズ', '物産', '電機', '建設', '食品'];
const ROMAJI = ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Ito', 'Watanabe', 'Yamamoto', 'Nakamura'];
const GIVEN = ['Hanako', 'Taro', 'Yui', 'Ren', 'Aoi', 'Haruto', 'Sakura', 'Minato'];
const SENTENCES = [
  '先方から追加の資料を依頼された。',
  '次回の訪問日は調整中。',
  '価格改定について説明済み。',
  '担当者が交代したため引き継ぎを行う。',
  '納期は来月末の予定。',
  '見積書を再発行して送付した。',
  'Follow up by e-mail next week.',
  '社内稟議の承認待ち。',
];

const DAY_MS = 86_400_000;
const DATE_BASE = Date.UTC(2020, 0, 1);
const TIME_BASE = Date.UTC(2024, 0, 1);

/** The input of record `i` (0-based), as a kintone client sends it to `POST records.json`. */
export function makeRecord(i: number): Record<string, { value: unknown }> {
  const r = prng(SEED ^ Math.imul(i + 1, 0x9e3779b1));
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const marked = r() < LIKE_SHARE;
  const title = `${pick(PLACES)}の${pick(OBJECTS)}${marked ? `（${LIKE_WORD}案件）` : ''}に関する${pick(SUBJECTS)}`;
  const start = DATE_BASE + int(2000) * DAY_MS;
  const lines = Array.from({ length: int(4) }, () => ({
    value: { item: { value: pick(OBJECTS) }, line_amount: { value: String(int(100_000)) } },
  }));
  return {
    title: { value: title },
    customer: { value: `株式会社${pick(SURNAMES)}${pick(SUFFIXES)}` },
    code: { value: `R-${String(i + 1).padStart(7, '0')}` },
    contact: { value: `${pick(ROMAJI)} ${pick(GIVEN)}` },
    num: { value: String(int(1000)) },
    price: { value: `${100 + int(99_900)}.${String(int(100)).padStart(2, '0')}` },
    qty: { value: String(1 + int(20)) },
    score: { value: (int(2001) / 10 - 100).toFixed(1) },
    category: { value: pick(CATEGORIES) },
    start_date: { value: new Date(start).toISOString().slice(0, 10) },
    due_date: { value: new Date(start + int(91) * DAY_MS).toISOString().slice(0, 10) },
    logged_at: { value: `${new Date(TIME_BASE + int(1_051_200) * 60_000).toISOString().slice(0, 16)}:00Z` },
    notes: { value: Array.from({ length: 1 + int(3) }, () => pick(SENTENCES)).join('\n') },
    tags: { value: TAGS.filter(() => r() < 0.3) },
    site: { value: `https://example.com/customers/${1 + int(50_000)}` },
    owner: { value: [{ code: pick(USER_CODES) }] },
    lines: { value: lines },
  };
}
