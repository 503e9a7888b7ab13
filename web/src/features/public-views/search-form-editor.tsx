// A list view's search form (plan feature searchForms, Standard): items visitors fill — free text
// over chosen text fields, a choice over an option field, a date range, a number range — each on
// fields the list shows (the server refuses others, CB_PV34, shown beneath the editor).
import { MAX_SEARCH_ITEMS, type SearchItem } from '../../../../common/api/public-search-forms.js';
import type { Property } from '../../../../common/fields/index.js';
import { planFor } from '../../../../common/licences/view-plans.js';
import { defineStrings, useStrings } from '../../i18n/area-strings';
import { FieldSelect } from './field-select';
import { RowListEditor } from './row-list-editor';
import { strings } from './strings';

// The server's rule (server/domain/public-views/visitors/search-form.ts).
const TYPES: Record<SearchItem['kind'], ReadonlySet<string>> = {
  text: new Set(['SINGLE_LINE_TEXT', 'LINK', 'MULTI_LINE_TEXT', 'RICH_TEXT']),
  choice: new Set(['DROP_DOWN', 'RADIO_BUTTON', 'CHECK_BOX', 'MULTI_SELECT']),
  dateRange: new Set(['DATE', 'DATETIME', 'CREATED_TIME', 'UPDATED_TIME']),
  numberRange: new Set(['NUMBER', 'CALC']),
};
const KINDS = ['text', 'choice', 'dateRange', 'numberRange'] as const;

export const searchFormStrings = defineStrings(
  {
    legend: 'Search form',
    hint: 'Items visitors fill to narrow the list, on fields the list shows.',
    add: 'Add search item',
    item: (n: number) => `Search item ${n}`,
    kind: 'Kind',
    kinds: { text: 'Free text', choice: 'Choice', dateRange: 'Date range', numberRange: 'Number range' },
    label: 'Label',
    field: 'Field',
    textFields: 'Text fields searched',
    noFields: 'The list shows no field of this kind.',
    remove: (n: number) => `Remove search item ${n}`,
  },
  {
    legend: '検索フォーム',
    hint: '閲覧者がリストを絞り込むための項目です。リストに表示するフィールドから選びます。',
    add: '検索項目を追加',
    item: (n) => `検索項目 ${n}`,
    kind: '種類',
    kinds: { text: 'キーワード', choice: '選択肢', dateRange: '日付の範囲', numberRange: '数値の範囲' },
    label: 'ラベル',
    field: 'フィールド',
    textFields: '検索するテキストフィールド',
    noFields: 'リストにこの種類のフィールドがありません。',
    remove: (n) => `検索項目 ${n} を削除する`,
  },
);

/** A key no other item has: `item1`, `item2`… */
function freshKey(items: SearchItem[]): string {
  const taken = new Set(items.map((i) => i.key.toLowerCase()));
  let n = items.length + 1;
  while (taken.has(`item${n}`)) n++;
  return `item${n}`;
}

function retype(item: SearchItem, kind: SearchItem['kind']): SearchItem {
  const base = { key: item.key, label: item.label };
  return kind === 'text' ? { ...base, kind, fields: [] } : { ...base, kind, field: '' };
}

interface Props {
  items: SearchItem[];
  /** The fields the list shows, in its order. */
  shown: Property[];
  onChange(items: SearchItem[]): void;
  error?: string | undefined;
}

export function SearchFormEditor({ items, shown, onChange, error }: Props) {
  const s = useStrings(searchFormStrings);
  const pv = useStrings(strings);
  const update = (i: number, item: SearchItem) => onChange(items.map((x, j) => (j === i ? item : x)));
  return (
    <fieldset className={error ? 'as-fieldset field--invalid' : 'as-fieldset'}>
      <legend>{s.legend}</legend>
      <p className="field-hint">
        {s.hint} {pv.form.requires(pv.plans[planFor('searchForms')])}
      </p>
      <RowListEditor rows={items} onChange={onChange} max={MAX_SEARCH_ITEMS} legend={s.item} removeLabel={s.remove} removeLast add={s.add} blank={(rows): SearchItem => ({ kind: 'text', key: freshKey(rows), label: '', fields: [] })}>
        {(item, i, at) => {
          const fits = shown.filter((p) => TYPES[item.kind].has(p.type));
          return (
            <>
              <div className="pvm-grid">
                <div className="field">
                  <label htmlFor={`${at}-kind`}>{s.kind}</label>
                  <select id={`${at}-kind`} value={item.kind} onChange={(e) => update(i, retype(item, e.target.value as SearchItem['kind']))}>
                    {KINDS.map((k) => (
                      <option key={k} value={k}>
                        {s.kinds[k]}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`${at}-label`}>{s.label}</label>
                  <input id={`${at}-label`} value={item.label} maxLength={100} onChange={(e) => update(i, { ...item, label: e.target.value })} />
                </div>
                {item.kind !== 'text' && <FieldSelect id={`${at}-field`} label={s.field} value={item.field} fields={fits} onChange={(field) => update(i, { ...item, field })} />}
              </div>
              {item.kind === 'text' && (
                <fieldset className="as-fieldset">
                  <legend>{s.textFields}</legend>
                  {fits.map((p) => (
                    <label key={p.code} className="as-check">
                      <input
                        type="checkbox"
                        checked={item.fields.includes(p.code)}
                        onChange={(e) => update(i, { ...item, fields: e.target.checked ? [...item.fields, p.code] : item.fields.filter((c) => c !== p.code) })}
                      />{' '}
                      {p.label}
                    </label>
                  ))}
                </fieldset>
              )}
              {fits.length === 0 && <p className="field-hint">{s.noFields}</p>}
            </>
          );
        }}
      </RowListEditor>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
