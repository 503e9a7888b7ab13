// The estimate as a spreadsheet: one row per line per period, then that period's total, with
// headers and labels in the reader's language (the `locale` query, else the caller's own).
// Encoding, line ends and the formula defence are those of every export (common/csv.ts).
import type { Locale } from '../../../common/access.js';
import type { EstimateItem, EstimateJson, EstimatePeriod } from '../../../common/api/licences.js';
import { csvText } from '../../../common/csv.js';
import type { Course, Term } from '../../../common/licences/courses.js';

interface Words {
  headers: readonly string[];
  periods: Record<EstimatePeriod['label'], string>;
  courses: Record<Course, string>;
  terms: Record<Term, string>;
  items: Record<EstimateItem, string>;
  total: string;
}

const WORDS: Record<Locale, Words> = {
  en: {
    headers: ['Period', 'From', 'To', 'Course', 'Term', 'Item', 'Licences', 'In use', 'Quantity', 'Months', 'Unit price (JPY)', 'Amount (JPY)'],
    periods: { currentMonth: 'Current month', nextMonth: 'Next month', currentTerm: 'Current term', nextTerm: 'Next term' },
    courses: { light: 'Light', standard: 'Standard', wide: 'Wide' },
    terms: { monthly: 'Monthly', annual: 'Annual' },
    items: { users: 'Users', guests: 'Guest users', guestsProRata: 'Guest users added mid-term (guest-months)', viewPlan: 'Public-view plan' },
    total: 'Total',
  },
  ja: {
    headers: ['期間', '開始日', '終了日', 'コース', '契約期間', '項目', 'ライセンス数', '利用数', '数量', '月数', '単価（円）', '金額（円）'],
    periods: { currentMonth: '当月', nextMonth: '翌月', currentTerm: '当期', nextTerm: '次期' },
    courses: { light: 'ライトコース', standard: 'スタンダードコース', wide: 'ワイドコース' },
    terms: { monthly: '月額', annual: '年額' },
    items: { users: 'ユーザー', guests: 'ゲストユーザー', guestsProRata: '期中追加のゲストユーザー（月割・人月）', viewPlan: '公開ビュープラン' },
    total: '合計',
  },
};

/** Amounts are yen, tax excluded, as in the JSON estimate. */
export function estimateCsv(estimate: EstimateJson, locale: Locale): string {
  const w = WORDS[locale];
  const rows: Array<Array<string | number | null>> = [[...w.headers]];
  for (const p of estimate.periods) {
    const head = [w.periods[p.label], p.from, p.to, w.courses[p.course], w.terms[p.term]];
    for (const l of p.lines) rows.push([...head, w.items[l.item], l.licences, l.inUse, l.quantity, l.months, l.unitPrice, l.amount]);
    rows.push([...head, w.total, null, null, null, null, null, p.total]);
  }
  return csvText(rows);
}
