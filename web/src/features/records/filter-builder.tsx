// 絞り込む: conditions a person builds without writing query syntax — a field, an operator that
// fits its type (kintone's table, common/query), a value input that fits — joined by "all" or
// "any", and the sort. Applying writes them as a query (query/filter.ts) into the address.
import { type FormEvent, useId, useState } from 'react';
import type { Property } from '../../../../common/fields/index.js';
import type { SortKey } from '../../../../common/query/index.js';
import { isSortableType, operatorsFor } from '../../../../common/query/index.js';
import { useStrings } from '../../i18n/area-strings';
import { type Filter, type FilterCondition, type FilterOp, EMPTY_FILTER, exprOfFilter, printSort, whereText } from './query/filter';
import { strings } from './strings';
import { ValueInput } from './value-input';

export interface FilterField {
  code: string;
  label: string;
  property: Property;
  /** The table the field is a column of: `=` and `!=` do not apply to table columns. */
  inTable: boolean;
}

/** The fields a filter can name: queryable, visible to the caller, top-level or table columns. */
export function filterFields(properties: Record<string, Property>, visible: ReadonlySet<string> | null): FilterField[] {
  const out: FilterField[] = [];
  for (const p of Object.values(properties)) {
    if (visible && !visible.has(p.code)) continue;
    if ((p.type === 'STATUS' || p.type === 'STATUS_ASSIGNEE') && p.enabled !== true) continue;
    if (p.type === 'SUBTABLE') {
      for (const q of Object.values((p.fields ?? {}) as Record<string, Property>)) {
        if (operatorsFor(q.type).length) out.push({ code: q.code, label: `${q.label} (${p.label})`, property: q, inTable: true });
      }
    } else if (operatorsFor(p.type).length) out.push({ code: p.code, label: p.label, property: p, inTable: false });
  }
  return out;
}

export function operatorsOf(f: FilterField): FilterOp[] {
  const ops = operatorsFor(f.property.type) as FilterOp[];
  return f.inTable ? ops.filter((o) => o !== '=' && o !== '!=') : ops;
}

export interface FilterBuilderProps {
  app: string;
  fields: FilterField[];
  /** The filter to start from; null with `raw` when it cannot be shown as conditions. */
  initial: Filter | null;
  raw: string;
  sort: SortKey[];
  statuses: string[];
  timeZone: string;
  onApply(where: string, sort: string | null): void;
  onCancel(): void;
}

const DATE_TYPES = new Set(['DATE', 'DATETIME', 'CREATED_TIME', 'UPDATED_TIME', 'TIME']);

export function FilterBuilder(props: FilterBuilderProps) {
  const s = useStrings(strings).filter;
  const id = useId();
  const [filter, setFilter] = useState<Filter>(props.initial ?? EMPTY_FILTER);
  const [keepRaw, setKeepRaw] = useState(props.initial === null && props.raw !== '');
  const [sort, setSort] = useState<SortKey | null>(props.sort[0] ?? null);
  const byCode = new Map(props.fields.map((f) => [f.code, f]));
  const sortable = props.fields.filter((f) => !f.inTable && isSortableType(f.property.type));

  const update = (i: number, c: FilterCondition) => setFilter({ ...filter, conditions: filter.conditions.map((x, j) => (j === i ? c : x)) });
  const add = () => setFilter({ ...filter, conditions: [...filter.conditions, { field: '', op: '=', values: [] }] });
  const remove = (i: number) => setFilter({ ...filter, conditions: filter.conditions.filter((_, j) => j !== i) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const where = keepRaw ? props.raw : whereText(exprOfFilter(filter));
    const sortText = sort ? printSort([sort]) : props.sort.length ? printSort(props.sort) : null;
    props.onApply(where, sortText);
  };

  return (
    <form className="filter-builder panel" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{s.title}</h2>
      {keepRaw ? (
        <div className="filter-raw">
          <p>{s.raw}</p>
          <code>{props.raw}</code>
          <button type="button" className="button" onClick={() => setKeepRaw(false)}>
            {s.replaceRaw}
          </button>
        </div>
      ) : (
        <>
          <fieldset className="filter-match">
            <legend>{s.match}</legend>
            {(['and', 'or'] as const).map((m) => (
              <label key={m} className="choice">
                <input type="radio" name={`${id}-match`} checked={filter.match === m} onChange={() => setFilter({ ...filter, match: m })} />
                {m === 'and' ? s.all : s.any}
              </label>
            ))}
          </fieldset>
          <ol className="conditions">
            {filter.conditions.map((c, i) => (
              <li key={i}>
                <ConditionRow {...props} n={i + 1} condition={c} field={byCode.get(c.field)} onChange={(x) => update(i, x)} onRemove={() => remove(i)} />
              </li>
            ))}
          </ol>
          <div className="filter-actions">
            <button type="button" className="button" onClick={add}>
              {s.addCondition}
            </button>
            {filter.conditions.length > 0 && (
              <button type="button" className="button" onClick={() => setFilter({ ...filter, conditions: [] })}>
                {s.clear}
              </button>
            )}
          </div>
        </>
      )}
      <fieldset className="filter-sort">
        <legend>{s.sort}</legend>
        <div className="field">
          <label htmlFor={`${id}-sort`}>{s.sortField}</label>
          <select
            id={`${id}-sort`}
            value={sort?.field.code ?? ''}
            onChange={(e) => setSort(e.target.value ? { field: { code: e.target.value, pos: 0 }, direction: sort?.direction ?? 'asc' } : null)}
          >
            <option value="">{s.sortNone}</option>
            {sortable.map((f) => (
              <option key={f.code} value={f.code}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        {sort && (
          <div className="field">
            <label htmlFor={`${id}-dir`}>{s.direction}</label>
            <select id={`${id}-dir`} value={sort.direction} onChange={(e) => setSort({ ...sort, direction: e.target.value as 'asc' | 'desc' })}>
              <option value="asc">{s.ascending}</option>
              <option value="desc">{s.descending}</option>
            </select>
          </div>
        )}
      </fieldset>
      <div className="filter-actions">
        <button type="submit" className="button button--primary">
          {s.apply}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {s.cancel}
        </button>
      </div>
    </form>
  );
}

function ConditionRow(
  props: FilterBuilderProps & { n: number; condition: FilterCondition; field: FilterField | undefined; onChange(c: FilterCondition): void; onRemove(): void },
) {
  const s = useStrings(strings).filter;
  const id = useId();
  const { condition: c, field } = props;
  const ops = field ? operatorsOf(field) : [];
  const opLabel = (o: FilterOp) => (field && DATE_TYPES.has(field.property.type) && o in s.dateOps ? s.dateOps[o as keyof typeof s.dateOps] : s.ops[o]);
  const chooseField = (code: string) => {
    const f = props.fields.find((x) => x.code === code);
    const first = f ? operatorsOf(f)[0] ?? '=' : '=';
    props.onChange({ field: code, op: first, values: [] });
  };
  return (
    <fieldset className="condition">
      <legend>{s.condition(props.n)}</legend>
      <div className="field">
        <label htmlFor={`${id}-field`}>{s.field}</label>
        <select id={`${id}-field`} value={c.field} onChange={(e) => chooseField(e.target.value)}>
          <option value="">{s.chooseField}</option>
          {props.fields.map((f) => (
            <option key={f.code} value={f.code}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      {field && (
        <div className="field">
          <label htmlFor={`${id}-op`}>{s.operator}</label>
          <select id={`${id}-op`} value={c.op} onChange={(e) => props.onChange({ ...c, op: e.target.value as FilterOp, values: c.op.includes('in') === e.target.value.includes('in') ? c.values : c.values.slice(0, 1) })}>
            {ops.map((o) => (
              <option key={o} value={o}>
                {opLabel(o)}
              </option>
            ))}
          </select>
        </div>
      )}
      {field && (
        <ValueInput
          app={props.app}
          property={field.property}
          op={c.op}
          values={c.values}
          onChange={(values) => props.onChange({ ...c, values })}
          statuses={props.statuses}
          timeZone={props.timeZone}
          label={s.value}
        />
      )}
      <button type="button" className="button button--small" onClick={props.onRemove}>
        {s.removeCondition(props.n)}
      </button>
    </fieldset>
  );
}
