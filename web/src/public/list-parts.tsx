// What the record-listing views share (list, card, segment, MyPage): the search box, the search
// form (both also drawn by the view editor's preview), the pager (`1 - 20 (of 152)`) and the table
// of records (cards on a phone).
import { type FormEvent, useId, useState } from 'react';
import type { VisitorColumn, VisitorRecord } from '../../../common/api/public-views.js';
import type { VisitorSearchItem } from '../../../common/api/public-search-forms.js';
import { FieldValue } from './field-value';
import { useLang } from './lang';
import { follow, navigate, recordHref, viewHref } from './location';

export function SearchBox({ token, params }: { token: string; params: URLSearchParams }) {
  const q = params.get('q') ?? '';
  return <KeywordSearch q={q} onSearch={(text) => navigate(viewHref(token, params, { q: text, page: null }))} clear={q ? viewHref(token, params, { q: null, page: null }) : undefined} />;
}

/** The search box itself, for the visitor's page and the editor's preview: `clear` is the address without the keyword. */
export function KeywordSearch({ q, onSearch, clear }: { q: string; onSearch(text: string): void; clear?: string | undefined }) {
  const { s } = useLang();
  const id = useId();
  const [text, setText] = useState(q);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" className="pv-search" onSubmit={submit}>
      <label htmlFor={`${id}-q`} className="visually-hidden">
        {s.keyword}
      </label>
      <input id={`${id}-q`} type="search" value={text} maxLength={200} placeholder={s.keyword} onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="pv-button pv-button--primary">
        {s.search}
      </button>
      {clear && (
        <a href={clear} className="pv-button" onClick={(e) => follow(e, clear)}>
          {s.clear}
        </a>
      )}
    </form>
  );
}

/** The view's search form: each filled item narrows the records (`f.<key>` parameters). */
export function SearchForm({ token, params, items }: { token: string; params: URLSearchParams; items: VisitorSearchItem[] }) {
  const initial = () => {
    const out: Record<string, string[]> = {};
    for (const [k, v] of params) if (k.startsWith('f.')) (out[k.slice(2)] ??= []).push(v);
    return out;
  };
  const submit = (values: Record<string, string[]>) => {
    const changes: Record<string, string[] | null> = { page: null };
    for (const k of [...params.keys()]) if (k.startsWith('f.')) changes[k] = null;
    for (const [k, v] of Object.entries(values)) changes[`f.${k}`] = v.filter(Boolean);
    navigate(viewHref(token, params, changes));
  };
  const reset = viewHref(token, params, Object.fromEntries([['page', null], ...[...params.keys()].filter((k) => k.startsWith('f.')).map((k) => [k, null])]));
  return <SearchItemsForm items={items} initial={initial} onSearch={submit} clear={reset} />;
}

interface SearchItemsFormProps {
  items: VisitorSearchItem[];
  /** Each item's values by its key (`<key>`, or `<key>.from` and `<key>.to` for a range). */
  initial(): Record<string, string[]>;
  onSearch(values: Record<string, string[]>): void;
  /** A link to the address without the form's values, or what clearing does where there is none. */
  clear: string | (() => void);
}

/** The search form itself, for the visitor's page and the editor's preview. */
export function SearchItemsForm({ items, initial, onSearch, clear }: SearchItemsFormProps) {
  const { s } = useLang();
  const id = useId();
  const [values, setValues] = useState(initial);
  const one = (k: string) => values[k]?.[0] ?? '';
  const setOne = (k: string, v: string) => setValues((x) => ({ ...x, [k]: v ? [v] : [] }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(values);
  };
  return (
    <form className="pv-search-form" onSubmit={submit} aria-label={s.searchForm}>
      {items.map((item) => {
        const k = item.key;
        const label = item.label || item.key;
        if (item.kind === 'choice') {
          return (
            <fieldset key={item.key} className="pv-search-form__item">
              <legend>{label}</legend>
              <span className="pv-choices">
                {(item.options ?? []).map((o) => (
                  <label key={o} className="pv-choice">
                    <input
                      type="checkbox"
                      checked={(values[k] ?? []).includes(o)}
                      onChange={(e) => setValues((x) => ({ ...x, [k]: e.target.checked ? [...(x[k] ?? []), o] : (x[k] ?? []).filter((y) => y !== o) }))}
                    />{' '}
                    {o}
                  </label>
                ))}
              </span>
            </fieldset>
          );
        }
        if (item.kind === 'dateRange' || item.kind === 'numberRange') {
          const type = item.kind === 'dateRange' ? 'date' : 'number';
          return (
            <fieldset key={item.key} className="pv-search-form__item">
              <legend>{label}</legend>
              <span className="pv-range">
                <label>
                  <input type={type} aria-label={`${label} ${s.from}`} value={one(`${k}.from`)} onChange={(e) => setOne(`${k}.from`, e.target.value)} />
                </label>
                <span aria-hidden="true">〜</span>
                <label>
                  <input type={type} aria-label={`${label} ${s.to}`} value={one(`${k}.to`)} onChange={(e) => setOne(`${k}.to`, e.target.value)} />
                </label>
              </span>
            </fieldset>
          );
        }
        return (
          <div key={item.key} className="pv-field pv-search-form__item">
            <label htmlFor={`${id}-${item.key}`}>{label}</label>
            <input id={`${id}-${item.key}`} type="search" maxLength={200} value={one(k)} onChange={(e) => setOne(k, e.target.value)} />
          </div>
        );
      })}
      <div className="pv-search-form__actions">
        <button type="submit" className="pv-button pv-button--primary">
          {s.search}
        </button>
        {typeof clear === 'string' ? (
          <a href={clear} className="pv-button" onClick={(e) => follow(e, clear)}>
            {s.clear}
          </a>
        ) : (
          <button
            type="button"
            className="pv-button"
            onClick={() => {
              setValues({});
              clear();
            }}
          >
            {s.clear}
          </button>
        )}
      </div>
    </form>
  );
}

interface PagerProps {
  token: string;
  params: URLSearchParams;
  page: number;
  pages: number;
  total: number;
  pageSize: number;
  shown: number;
  bottom?: boolean;
}

export function Pager({ token, params, page, pages, total, pageSize, shown, bottom }: PagerProps) {
  const { s } = useLang();
  if (total === 0) return null;
  const from = (page - 1) * pageSize + 1;
  const to = from + shown - 1;
  const link = (n: number, label: string, rel: string) => {
    const href = viewHref(token, params, { page: String(n) });
    return (
      <a href={href} rel={rel} className="pv-button" onClick={(e) => follow(e, href)}>
        {label}
      </a>
    );
  };
  return (
    <nav className={bottom ? 'pv-pager pv-pager--bottom' : 'pv-pager'} aria-label={s.pages}>
      <span className="pv-pager__count">{s.pager(from, to, total)}</span>
      <span className="pv-pager__links">
        {page > 1 ? link(page - 1, s.previous, 'prev') : <span className="pv-button" aria-disabled="true">{s.previous}</span>}
        {page < pages ? link(page + 1, s.next, 'next') : <span className="pv-button" aria-disabled="true">{s.next}</span>}
      </span>
    </nav>
  );
}

interface RecordsProps {
  token: string;
  columns: VisitorColumn[];
  detail: boolean;
  records: VisitorRecord[];
  /** A dashboard member's records open under members/{n}/. */
  member?: number | undefined;
}

export function Records({ token, columns, detail, records, member }: RecordsProps) {
  const { s } = useLang();
  if (records.length === 0) return <p className="pv-empty">{s.empty}</p>;
  return (
    <table className="pv-table">
      <thead>
        <tr>
          {detail && (
            <th scope="col">
              <span className="visually-hidden">{s.details}</span>
            </th>
          )}
          {columns.map((c) => (
            <th key={c.code} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.id}>
            {detail && (
              <td className="pv-table__open">
                <a href={recordHref(token, r.id, member)} onClick={(e) => follow(e, recordHref(token, r.id, member))} className="pv-open">
                  {s.details}
                </a>
              </td>
            )}
            {columns.map((c) => (
              <td key={c.code} data-label={c.label}>
                <FieldValue field={r.values[c.code]} column={c} compact />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
