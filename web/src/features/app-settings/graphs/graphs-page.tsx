// グラフ (tab): the app's saved graphs — chart type, groups (with a period for dates), up to five
// aggregations, a filter and the sort — offered only where common/reports allows them, saved as a
// whole set (PUT preview/app/reports.json).
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Property } from '../../../../../common/fields/index.js';
import { CHART_TYPES, MODED_CHARTS, type ChartType, type Report, type ReportAggregation, type ReportGroup, type ReportSort } from '../../../../../common/reports/definition.js';
import { type AggregationType, aggregates, groupKindOf, periodsOf, valueKindOf } from '../../../../../common/reports/fields.js';
import { getFields, getReports, putReports } from '../../../api/app-settings';
import { useStrings } from '../../../i18n/area-strings';
import { errorText, formErrors } from '../../../ui/errors';
import { Field, FormError, SelectField, SubmitButton } from '../../../ui/form';
import { Loading } from '../../../ui/loading';
import { ConditionEditor } from '../condition-editor';
import { ConfirmDialog, Dialog } from '../confirm-dialog';
import { fieldErrors } from '../form/field-errors';
import { useSettingsSaved, useSettingsTarget } from '../settings-data';
import { strings } from '../strings';
import { graphStrings } from './graph-strings';

interface Draft {
  key: string | null;
  name: string;
  chartType: ChartType;
  chartMode: 'NORMAL' | 'STACKED' | 'PERCENTAGE';
  groups: ReportGroup[];
  aggregations: ReportAggregation[];
  filterCond: string;
  sorts: ReportSort[];
}

function draftOf(r: Report): Draft {
  return { key: r.name, name: r.name, chartType: r.chartType, chartMode: r.chartMode ?? 'NORMAL', groups: r.groups, aggregations: r.aggregations, filterCond: r.filterCond, sorts: r.sorts };
}

function bodyOf(list: Draft[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  list.forEach((d, i) => {
    out[d.key ?? d.name] = {
      name: d.name,
      index: String(i),
      chartType: d.chartType,
      ...(MODED_CHARTS.has(d.chartType) ? { chartMode: d.chartMode } : {}),
      groups: d.groups,
      aggregations: d.aggregations,
      filterCond: d.filterCond,
      sorts: d.sorts,
    };
  });
  return out;
}

export function GraphsPage() {
  const s = useStrings(strings);
  const g = useStrings(graphStrings);
  const { t } = useTranslation();
  const { place, appId, key } = useSettingsTarget();
  const saved = useSettingsSaved();
  const reportsQ = useQuery({ queryKey: key('reports'), queryFn: () => getReports(place, appId) });
  const fieldsQ = useQuery({ queryKey: key('fields'), queryFn: () => getFields(place, appId) });
  const [editing, setEditing] = useState<{ index: number | null; draft: Draft } | null>(null);
  const [deleting, setDeleting] = useState<number | null>(null);
  const save = useMutation({
    mutationFn: (list: Draft[]) => putReports(place, appId, bodyOf(list)),
    onSuccess: async () => {
      setEditing(null);
      setDeleting(null);
      await saved('reports');
    },
  });
  if (reportsQ.isError || fieldsQ.isError) return <p className="form-error" role="alert">{errorText(reportsQ.error ?? fieldsQ.error, t)}</p>;
  if (!reportsQ.data || !fieldsQ.data) return <Loading />;
  const list = Object.values(reportsQ.data.reports)
    .sort((a, b) => Number(a.index) - Number(b.index))
    .map(draftOf);
  const fields = fieldsQ.data.properties;
  const move = (i: number, j: number) => {
    const next = [...list];
    [next[i], next[j]] = [next[j]!, next[i]!];
    save.mutate(next);
  };
  return (
    <div className="as-page">
      <div className="as-card__head">
        <h2>{g.title}</h2>
        <button
          type="button"
          className="button button--primary"
          onClick={() => setEditing({ index: null, draft: { key: null, name: '', chartType: 'COLUMN', chartMode: 'NORMAL', groups: [], aggregations: [{ type: 'COUNT' }], filterCond: '', sorts: [] } })}
        >
          {g.add}
        </button>
      </div>
      {save.isError && !editing && (
        <p className="form-error" role="alert">
          {errorText(save.error, t)}
        </p>
      )}
      {list.length === 0 ? (
        <p className="empty">{g.empty}</p>
      ) : (
        <ol className="as-conditions" aria-label={g.title}>
          {list.map((r, i) => (
            <li key={r.name} className="as-card">
              <div className="as-card__head">
                <h3>{r.name}</h3>
                <div className="as-list-tools">
                  <span className="badge">{g.chartTypes[r.chartType]}</span>
                  <button type="button" className="as-icon-button" aria-label={s.editNamed(r.name)} onClick={() => setEditing({ index: i, draft: r })}>
                    ⚙
                  </button>
                  <button type="button" className="as-icon-button" aria-label={s.moveUpNamed(r.name)} disabled={i === 0} onClick={() => move(i, i - 1)}>
                    ↑
                  </button>
                  <button type="button" className="as-icon-button" aria-label={s.moveDownNamed(r.name)} disabled={i === list.length - 1} onClick={() => move(i, i + 1)}>
                    ↓
                  </button>
                  <button type="button" className="as-icon-button as-icon-button--danger" aria-label={s.deleteNamed(r.name)} onClick={() => setDeleting(i)}>
                    ×
                  </button>
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
      <Dialog open={editing !== null} title={editing?.index === null ? g.newTitle : g.editTitle(editing?.draft.name ?? '')} onClose={() => setEditing(null)} wide>
        {editing && (
          <GraphForm
            initial={editing.draft}
            fields={fields}
            error={save.error}
            pending={save.isPending}
            onCancel={() => {
              setEditing(null);
              save.reset();
            }}
            onSave={(d) => save.mutate(editing.index === null ? [...list, d] : list.map((x, j) => (j === editing.index ? d : x)))}
          />
        )}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title={s.deleteNamed(list[deleting ?? 0]?.name ?? '')}
        message={g.deleteConfirm(list[deleting ?? 0]?.name ?? '')}
        confirm={s.delete}
        cancel={s.cancel}
        danger
        pending={save.isPending}
        onConfirm={() => save.mutate(list.filter((_, j) => j !== deleting))}
        onCancel={() => setDeleting(null)}
      />
    </div>
  );
}

function GraphForm({ initial, fields, error, pending, onSave, onCancel }: { initial: Draft; fields: Record<string, Property>; error: unknown; pending: boolean; onSave(d: Draft): void; onCancel(): void }) {
  const s = useStrings(strings);
  const g = useStrings(graphStrings);
  const { t } = useTranslation();
  const [d, setD] = useState(initial);
  const set = (p: Partial<Draft>) => setD((x) => ({ ...x, ...p }));
  const errs = fieldErrors(error, `reports.${initial.key ?? d.name}`);
  const top = formErrors(error, [], t);
  const list = Object.values(fields);
  const groupable = list.filter((p) => groupKindOf(p) !== null);
  const maxGroups = d.chartType === 'TABLE' ? 1 : 3;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(d);
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormError errors={top} />
      <Field label={g.name} name="name" value={d.name} onChange={(e) => set({ name: e.target.value })} error={errs.at('name')} autoFocus />
      <div className="as-pair">
        <SelectField label={g.chartType} name="chartType" value={d.chartType} onChange={(e) => set({ chartType: e.target.value as ChartType })} options={CHART_TYPES.map((c) => ({ value: c, label: g.chartTypes[c] }))} />
        {MODED_CHARTS.has(d.chartType) && (
          <SelectField
            label={g.chartMode}
            name="chartMode"
            value={d.chartMode}
            onChange={(e) => set({ chartMode: e.target.value as Draft['chartMode'] })}
            options={(['NORMAL', 'STACKED', 'PERCENTAGE'] as const).map((m) => ({ value: m, label: g.chartModes[m] }))}
          />
        )}
      </div>
      <fieldset className="as-fieldset">
        <legend>{g.groups}</legend>
        {d.groups.map((gr, i) => {
          const p = fields[gr.code];
          const periods = p ? periodsOf(groupKindOf(p) ?? 'text').periods : [];
          const patch = (x: Partial<ReportGroup>) => set({ groups: d.groups.map((y, j) => (j === i ? { ...y, ...x } : y)) });
          return (
            <div key={i} className="as-condition">
              <SelectField
                label={g.group(i + 1)}
                name={`group-${i}`}
                value={gr.code}
                onChange={(e) => {
                  const q = fields[e.target.value];
                  const ps = q ? periodsOf(groupKindOf(q) ?? 'text') : { periods: [], required: false };
                  patch({ code: e.target.value, ...(ps.required ? { per: ps.periods.includes('MONTH') ? 'MONTH' : ps.periods[0] } : { per: undefined }) });
                }}
                options={[{ value: '', label: '' }, ...groupable.map((q) => ({ value: q.code, label: q.label }))]}
                error={errs.at(`groups[${i}]`)}
              />
              {periods.length > 0 && (
                <SelectField label={g.per} name={`per-${i}`} value={gr.per ?? ''} onChange={(e) => patch({ per: (e.target.value || undefined) as ReportGroup['per'] })} options={periods.map((x) => ({ value: x, label: g.periods[x] }))} />
              )}
              <button type="button" className="as-icon-button as-icon-button--danger" aria-label={s.deleteNamed(g.group(i + 1))} onClick={() => set({ groups: d.groups.filter((_, j) => j !== i) })}>
                ×
              </button>
            </div>
          );
        })}
        {d.groups.length < maxGroups && (
          <div>
            <button type="button" className="button" onClick={() => set({ groups: [...d.groups, { code: '' }] })}>
              {g.addGroup}
            </button>
          </div>
        )}
        {errs.at('groups') && <p className="field-error">{errs.at('groups')}</p>}
      </fieldset>
      <fieldset className="as-fieldset">
        <legend>{g.aggregations}</legend>
        {d.aggregations.map((a, i) => {
          const usable = a.type === 'COUNT' ? [] : list.filter((p) => {
            const k = valueKindOf(p);
            return k !== null && aggregates(a.type as Exclude<AggregationType, 'COUNT'>, k);
          });
          const patch = (x: Partial<ReportAggregation>) => set({ aggregations: d.aggregations.map((y, j) => (j === i ? { ...y, ...x } : y)) });
          return (
            <div key={i} className="as-condition">
              <SelectField
                label={g.aggregation(i + 1)}
                name={`agg-${i}`}
                value={a.type}
                onChange={(e) => patch(e.target.value === 'COUNT' ? { type: 'COUNT', code: undefined } : { type: e.target.value as AggregationType })}
                options={(['COUNT', 'SUM', 'AVERAGE', 'MAX', 'MIN'] as const).map((x) => ({ value: x, label: g.aggregationTypes[x] }))}
              />
              {a.type !== 'COUNT' && (
                <SelectField label={g.field} name={`agg-${i}-code`} value={a.code ?? ''} onChange={(e) => patch({ code: e.target.value })} options={[{ value: '', label: '' }, ...usable.map((p) => ({ value: p.code, label: p.label }))]} error={errs.at(`aggregations[${i}]`)} />
              )}
              {d.aggregations.length > 1 && (
                <button type="button" className="as-icon-button as-icon-button--danger" aria-label={s.deleteNamed(g.aggregation(i + 1))} onClick={() => set({ aggregations: d.aggregations.filter((_, j) => j !== i) })}>
                  ×
                </button>
              )}
            </div>
          );
        })}
        {d.aggregations.length < 5 && (
          <div>
            <button type="button" className="button" onClick={() => set({ aggregations: [...d.aggregations, { type: 'COUNT' }] })}>
              {g.addAggregation}
            </button>
          </div>
        )}
      </fieldset>
      <ConditionEditor legend={g.filter} fields={fields} value={d.filterCond} onChange={(filterCond) => set({ filterCond })} error={errs.at('filterCond')} />
      <fieldset className="as-fieldset">
        <legend>{g.sorts}</legend>
        {d.sorts.map((so, i) => (
          <div key={i} className="as-condition">
            <SelectField
              label={g.sortBy(i + 1)}
              name={`sort-${i}`}
              value={so.by}
              onChange={(e) => set({ sorts: d.sorts.map((y, j) => (j === i ? { ...y, by: e.target.value as ReportSort['by'] } : y)) })}
              options={(['TOTAL', 'GROUP1', 'GROUP2', 'GROUP3'] as const).map((x) => ({ value: x, label: g.sortKeys[x] }))}
            />
            <SelectField
              label={g.order}
              name={`order-${i}`}
              value={so.order}
              onChange={(e) => set({ sorts: d.sorts.map((y, j) => (j === i ? { ...y, order: e.target.value as 'ASC' | 'DESC' } : y)) })}
              options={[
                { value: 'ASC', label: g.asc },
                { value: 'DESC', label: g.desc },
              ]}
            />
            <button type="button" className="as-icon-button as-icon-button--danger" aria-label={s.deleteNamed(g.sortBy(i + 1))} onClick={() => set({ sorts: d.sorts.filter((_, j) => j !== i) })}>
              ×
            </button>
          </div>
        ))}
        {d.sorts.length < 4 && (
          <div>
            <button type="button" className="button" onClick={() => set({ sorts: [...d.sorts, { by: 'TOTAL', order: 'DESC' }] })}>
              {g.addSort}
            </button>
          </div>
        )}
      </fieldset>
      <div className="as-actions">
        <button type="button" className="button" onClick={onCancel}>
          {s.cancel}
        </button>
        <SubmitButton pending={pending}>{s.save}</SubmitButton>
      </div>
    </form>
  );
}
