// A record condition (a view's filter, a record permission, an action's condition, a
// notification's condition) built as rows — field, operator, value — joined by "all" or "any",
// written in the query language by the records area's pure builder (records/query/filter.ts,
// which escapes through common/query). A condition too nested for rows stays editable as text.
import { useId, useState } from 'react';
import type { Property } from '../../../../common/fields/index.js';
import { operatorsFor } from '../../../../common/query/index.js';
import { defineStrings, useStrings } from '../../i18n/area-strings';
import { filterStrings } from '../records/filter-strings';
import { type Filter, type FilterCondition, type FilterOp, EMPTY_FILTER, exprOfFilter, filterFromText, takesManyValues, takesNoValue, text, whereText } from '../records/query/filter';
import { optionNames } from './form/options-editor';

const words = defineStrings(
  {
    match: 'Records that meet',
    all: 'all of the conditions',
    any: 'any of the conditions',
    field: 'Field',
    operator: 'Operator',
    value: 'Value',
    values: 'Values',
    add: 'Add condition',
    remove: (n: number) => `Remove condition ${n}`,
    raw: 'Condition (query)',
    asQuery: 'Edit as query',
    asRows: 'Edit as conditions',
    tooComplex: 'This condition cannot be shown as rows; edit it as a query.',
    none: 'No conditions: every record.',
  },
  {
    match: '次の条件に一致するレコード',
    all: 'すべての条件を満たす',
    any: 'いずれかの条件を満たす',
    field: 'フィールド',
    operator: '条件',
    value: '値',
    values: '値',
    add: '条件を追加',
    remove: (n) => `条件 ${n} を削除する`,
    raw: '条件（クエリ）',
    asQuery: 'クエリで編集',
    asRows: '条件の行で編集',
    tooComplex: 'この条件は行で表示できません。クエリで編集してください。',
    none: '条件なし: すべてのレコード。',
  },
);

const CONTAINERS = new Set(['SUBTABLE', 'GROUP', 'REFERENCE_TABLE']);

/** Top-level fields a condition may name (with their operators from common/query). */
export function conditionFields(fields: Record<string, Property>): Property[] {
  return Object.values(fields).filter((p) => !CONTAINERS.has(p.type) && operatorsFor(p.type).length > 0 && ((p.type !== 'STATUS' && p.type !== 'STATUS_ASSIGNEE') || p.enabled === true));
}

interface Props {
  legend: string;
  fields: Record<string, Property>;
  value: string;
  onChange(v: string): void;
  error?: string | undefined;
}

export function ConditionEditor({ legend, fields, value, onChange, error }: Props) {
  const w = useStrings(words);
  // The operators read as in the record list's filter.
  const opNames: Record<string, string> = useStrings(filterStrings).ops;
  const id = useId();
  const initial = filterFromText(value);
  const [filter, setFilter] = useState<Filter>(initial ?? EMPTY_FILTER);
  const [raw, setRaw] = useState(initial === null);
  // The rows hold half-filled conditions the text cannot; they follow the value only when it
  // changes from outside (another item now sits at this place in a list, or a reload).
  const [emitted, setEmitted] = useState(value);
  if (value !== emitted) {
    setEmitted(value);
    setFilter(initial ?? EMPTY_FILTER);
    if (initial === null) setRaw(true);
  }
  const usable = conditionFields(fields);
  const byCode = new Map(usable.map((p) => [p.code, p]));

  const change = (next: Filter) => {
    setFilter(next);
    const text = whereText(exprOfFilter(next));
    setEmitted(text);
    onChange(text);
  };
  const update = (i: number, c: FilterCondition) => change({ ...filter, conditions: filter.conditions.map((x, j) => (j === i ? c : x)) });

  return (
    <fieldset className="as-fieldset">
      <legend>{legend}</legend>
      {raw ? (
        <>
          {initial === null && value !== '' && <p className="field-hint">{w.tooComplex}</p>}
          <div className={error ? 'field field--invalid' : 'field'}>
            <label htmlFor={`${id}-raw`}>{w.raw}</label>
            <textarea
              id={`${id}-raw`}
              rows={2}
              value={value}
              onChange={(e) => {
                setEmitted(e.target.value);
                onChange(e.target.value);
              }}
            />
          </div>
          {filterFromText(value) !== null && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setFilter(filterFromText(value) ?? EMPTY_FILTER);
                setRaw(false);
              }}
            >
              {w.asRows}
            </button>
          )}
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-match`}>{w.match}</label>
            <select id={`${id}-match`} value={filter.match} onChange={(e) => change({ ...filter, match: e.target.value as 'and' | 'or' })}>
              <option value="and">{w.all}</option>
              <option value="or">{w.any}</option>
            </select>
          </div>
          {filter.conditions.length === 0 && <p className="field-hint">{w.none}</p>}
          <ol className="as-conditions" aria-label={legend}>
            {filter.conditions.map((c, i) => {
              const p = byCode.get(c.field);
              const ops = (p ? operatorsFor(p.type) : []) as FilterOp[];
              const options = p ? optionNames(p.options) : [];
              const first = c.values[0];
              const single = first && first.kind !== 'function' ? first.value : '';
              return (
                <li key={i} className="as-condition">
                  <div className="field">
                    <label htmlFor={`${id}-${i}-field`}>{w.field}</label>
                    <select
                      id={`${id}-${i}-field`}
                      value={c.field}
                      onChange={(e) => {
                        const q = byCode.get(e.target.value);
                        const op = (q ? operatorsFor(q.type)[0] : '=') as FilterOp;
                        update(i, { field: e.target.value, op, values: [] });
                      }}
                    >
                      <option value="" />
                      {usable.map((q) => (
                        <option key={q.code} value={q.code}>
                          {q.label}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-${i}-op`}>{w.operator}</label>
                    <select id={`${id}-${i}-op`} value={c.op} onChange={(e) => update(i, { ...c, op: e.target.value as FilterOp, values: takesNoValue(e.target.value as FilterOp) ? [] : c.values })}>
                      {ops.map((o) => (
                        <option key={o} value={o}>
                          {opNames[o] ?? o}
                        </option>
                      ))}
                    </select>
                  </div>
                  {!takesNoValue(c.op) &&
                    (takesManyValues(c.op) && options.length > 0 ? (
                      <fieldset className="as-fieldset">
                        <legend>{w.values}</legend>
                        <div className="as-checklist">
                          {options.map((o) => {
                            const on = c.values.some((v) => v.kind !== 'function' && v.value === o);
                            return (
                              <label key={o} className="as-check">
                                <input
                                  type="checkbox"
                                  checked={on}
                                  onChange={(e) => update(i, { ...c, values: e.target.checked ? [...c.values, text(o)] : c.values.filter((v) => v.kind === 'function' || v.value !== o) })}
                                />
                                {o}
                              </label>
                            );
                          })}
                        </div>
                      </fieldset>
                    ) : (
                      <div className="field">
                        <label htmlFor={`${id}-${i}-value`}>{w.value}</label>
                        <input
                          id={`${id}-${i}-value`}
                          value={takesManyValues(c.op) ? c.values.map((v) => (v.kind === 'function' ? `${v.name}()` : v.value)).join(', ') : single}
                          onChange={(e) =>
                            update(i, {
                              ...c,
                              values: takesManyValues(c.op)
                                ? e.target.value
                                    .split(',')
                                    .map((x) => x.trim())
                                    .filter(Boolean)
                                    .map(text)
                                : [text(e.target.value)],
                            })
                          }
                        />
                      </div>
                    ))}
                  <button type="button" className="as-icon-button as-icon-button--danger" aria-label={w.remove(i + 1)} onClick={() => change({ ...filter, conditions: filter.conditions.filter((_, j) => j !== i) })}>
                    ×
                  </button>
                </li>
              );
            })}
          </ol>
          <div className="as-list-tools">
            <button type="button" className="button" onClick={() => setFilter({ ...filter, conditions: [...filter.conditions, { field: '', op: '=', values: [] }] })}>
              {w.add}
            </button>
            <button type="button" className="link-button" onClick={() => setRaw(true)}>
              {w.asQuery}
            </button>
          </div>
        </>
      )}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
