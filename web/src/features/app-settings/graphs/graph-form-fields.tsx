// The parts of a graph's definition that the app's graphs (グラフ tab) and a public view's advanced
// graph both edit: the display mode, the groups (a period for dates), the aggregations and the
// sorts. Only fields the report engine can group or aggregate are offered (common/reports). Each
// caller keeps its own labels for what differs (the remove buttons, a row's second select), so the
// two screens read as before while their logic cannot drift apart.
import type { Property } from '../../../../../common/fields/index.js';
import type { ReportSort } from '../../../../../common/reports/definition.js';
import { type AggregationType, type GroupPeriod, aggregates, groupKindOf, periodsOf, valueKindOf } from '../../../../../common/reports/fields.js';
import { useStrings } from '../../../i18n/area-strings';
import { SelectField } from '../../../ui/form';
import { graphStrings } from './graph-strings';

export const CHART_MODES = ['NORMAL', 'STACKED', 'PERCENTAGE'] as const;
export type ChartMode = (typeof CHART_MODES)[number];
const AGGREGATION_TYPES = ['COUNT', 'SUM', 'AVERAGE', 'MAX', 'MIN'] as const;
const SORT_KEYS = ['TOTAL', 'GROUP1', 'GROUP2', 'GROUP3'] as const;
const MAX_SORTS = 4;

export interface GroupRow {
  field: string;
  per?: GroupPeriod | undefined;
}

export interface AggregationRow {
  type: AggregationType;
  field?: string | undefined;
}

/** Replaces row i of a list with its patched copy. */
function patchAt<T>(list: T[], i: number, patch: Partial<T>): T[] {
  return list.map((y, j) => (j === i ? { ...y, ...patch } : y));
}

const without = <T,>(list: T[], i: number) => list.filter((_, j) => j !== i);

function RemoveButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button type="button" className="as-icon-button as-icon-button--danger" aria-label={label} onClick={onClick}>
      ×
    </button>
  );
}

function AddButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <div>
      <button type="button" className="button" onClick={onClick}>
        {label}
      </button>
    </div>
  );
}

export function ChartModeField({ value, onChange }: { value: ChartMode; onChange(next: ChartMode): void }) {
  const g = useStrings(graphStrings);
  return <SelectField label={g.chartMode} name="chartMode" value={value} onChange={(ev) => onChange(ev.target.value as ChartMode)} options={CHART_MODES.map((m) => ({ value: m, label: g.chartModes[m] }))} />;
}

interface GroupsProps {
  value: GroupRow[];
  onChange(next: GroupRow[]): void;
  fields: Property[];
  max: number;
  /** The aria-label of a group's remove button, given the group's name. */
  removeLabel(name: string): string;
  /** Whether the last group may be removed too. */
  removeLast: boolean;
  errorAt?(i: number): string | undefined;
  error?: string | undefined;
}

export function GroupsFieldset({ value, onChange, fields, max, removeLabel, removeLast, errorAt, error }: GroupsProps) {
  const g = useStrings(graphStrings);
  const byCode = new Map(fields.map((p) => [p.code, p]));
  const groupable = fields.filter((p) => groupKindOf(p) !== null);
  return (
    <fieldset className="as-fieldset">
      <legend>{g.groups}</legend>
      {value.map((gr, i) => {
        const p = byCode.get(gr.field);
        const periods = p ? periodsOf(groupKindOf(p) ?? 'text').periods : [];
        const patch = (x: Partial<GroupRow>) => onChange(patchAt(value, i, x));
        return (
          <div key={i} className="as-condition">
            <SelectField
              label={g.group(i + 1)}
              name={`group-${i}`}
              value={gr.field}
              onChange={(ev) => {
                const q = byCode.get(ev.target.value);
                const ps = q ? periodsOf(groupKindOf(q) ?? 'text') : { periods: [], required: false };
                patch({ field: ev.target.value, per: ps.required ? (ps.periods.includes('MONTH') ? 'MONTH' : ps.periods[0]) : undefined });
              }}
              options={[{ value: '', label: '' }, ...groupable.map((q) => ({ value: q.code, label: q.label }))]}
              error={errorAt?.(i)}
            />
            {periods.length > 0 && (
              <SelectField label={g.per} name={`per-${i}`} value={gr.per ?? ''} onChange={(ev) => patch({ per: (ev.target.value || undefined) as GroupRow['per'] })} options={periods.map((x) => ({ value: x, label: g.periods[x] }))} />
            )}
            {(removeLast || value.length > 1) && <RemoveButton label={removeLabel(g.group(i + 1))} onClick={() => onChange(without(value, i))} />}
          </div>
        );
      })}
      {value.length < max && <AddButton label={g.addGroup} onClick={() => onChange([...value, { field: '' }])} />}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

interface AggregationsProps {
  value: AggregationRow[];
  onChange(next: AggregationRow[]): void;
  fields: Property[];
  max: number;
  removeLabel(name: string): string;
  /** The label and name of aggregation i's field select. */
  fieldLabel(i: number): string;
  fieldName(i: number): string;
  errorAt?(i: number): string | undefined;
}

export function AggregationsFieldset({ value, onChange, fields, max, removeLabel, fieldLabel, fieldName, errorAt }: AggregationsProps) {
  const g = useStrings(graphStrings);
  return (
    <fieldset className="as-fieldset">
      <legend>{g.aggregations}</legend>
      {value.map((a, i) => {
        const usable =
          a.type === 'COUNT'
            ? []
            : fields.filter((p) => {
                const k = valueKindOf(p);
                return k !== null && aggregates(a.type as Exclude<AggregationType, 'COUNT'>, k);
              });
        const patch = (x: Partial<AggregationRow>) => onChange(patchAt(value, i, x));
        return (
          <div key={i} className="as-condition">
            <SelectField
              label={g.aggregation(i + 1)}
              name={`agg-${i}`}
              value={a.type}
              onChange={(ev) => patch(ev.target.value === 'COUNT' ? { type: 'COUNT', field: undefined } : { type: ev.target.value as AggregationType })}
              options={AGGREGATION_TYPES.map((x) => ({ value: x, label: g.aggregationTypes[x] }))}
            />
            {a.type !== 'COUNT' && (
              <SelectField label={fieldLabel(i)} name={fieldName(i)} value={a.field ?? ''} onChange={(ev) => patch({ field: ev.target.value })} options={[{ value: '', label: '' }, ...usable.map((p) => ({ value: p.code, label: p.label }))]} error={errorAt?.(i)} />
            )}
            {value.length > 1 && <RemoveButton label={removeLabel(g.aggregation(i + 1))} onClick={() => onChange(without(value, i))} />}
          </div>
        );
      })}
      {value.length < max && <AddButton label={g.addAggregation} onClick={() => onChange([...value, { type: 'COUNT' }])} />}
    </fieldset>
  );
}

interface SortsProps {
  value: ReportSort[];
  onChange(next: ReportSort[]): void;
  removeLabel(name: string): string;
  /** The label of sort i's order select. */
  orderLabel(i: number): string;
}

export function SortsFieldset({ value, onChange, removeLabel, orderLabel }: SortsProps) {
  const g = useStrings(graphStrings);
  return (
    <fieldset className="as-fieldset">
      <legend>{g.sorts}</legend>
      {value.map((so, i) => (
        <div key={i} className="as-condition">
          <SelectField label={g.sortBy(i + 1)} name={`sort-${i}`} value={so.by} onChange={(ev) => onChange(patchAt(value, i, { by: ev.target.value as ReportSort['by'] }))} options={SORT_KEYS.map((x) => ({ value: x, label: g.sortKeys[x] }))} />
          <SelectField
            label={orderLabel(i)}
            name={`order-${i}`}
            value={so.order}
            onChange={(ev) => onChange(patchAt(value, i, { order: ev.target.value as ReportSort['order'] }))}
            options={[
              { value: 'ASC', label: g.asc },
              { value: 'DESC', label: g.desc },
            ]}
          />
          <RemoveButton label={removeLabel(g.sortBy(i + 1))} onClick={() => onChange(without(value, i))} />
        </div>
      ))}
      {value.length < MAX_SORTS && <AddButton label={g.addSort} onClick={() => onChange([...value, { by: 'TOTAL', order: 'DESC' }])} />}
    </fieldset>
  );
}
