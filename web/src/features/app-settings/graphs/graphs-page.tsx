// グラフ (tab): the app's saved graphs — chart type, groups (with a period for dates), up to five
// aggregations, a filter and the sort — offered only where common/reports allows them, saved as a
// whole set (PUT preview/app/reports.json).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Property } from '../../../../../common/fields/index.js';
import { CHART_TYPES, MAX_AGGREGATIONS, MAX_GROUPS, MODED_CHARTS, type ChartType, type Report, type ReportAggregation, type ReportGroup, type ReportSort } from '../../../../../common/reports/definition.js';
import { getFields, getReports, putReports } from '../../../api/app-settings';
import { useStrings } from '../../../i18n/area-strings';
import { ErrorLine } from '../../../ui/error-line';
import { Field, SelectField } from '../../../ui/form';
import { Loading } from '../../../ui/loading';
import { ConditionEditor } from '../condition-editor';
import { fieldErrors } from '../form/field-errors';
import { ItemForm, type ItemFormProps, NamedSetEditor } from '../named-set-editor';
import { useSettingsTarget } from '../settings-data';
import { strings } from '../strings';
import { type AggregationRow, AggregationsFieldset, type ChartMode, type GroupRow, ChartModeField, GroupsFieldset, SortsFieldset } from './graph-form-fields';
import { graphStrings } from './graph-strings';

interface Draft {
  key: string | null;
  name: string;
  chartType: ChartType;
  chartMode: ChartMode;
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

// The shared fields name a group's or an aggregation's field `field`; a report names it `code`.
const reportGroupOf = (x: GroupRow): ReportGroup => ({ code: x.field, ...(x.per ? { per: x.per } : {}) });
const reportAggregationOf = (a: AggregationRow): ReportAggregation => ({ type: a.type, ...(a.field !== undefined ? { code: a.field } : {}) });

const BLANK: Draft = { key: null, name: '', chartType: 'COLUMN', chartMode: 'NORMAL', groups: [], aggregations: [{ type: 'COUNT' }], filterCond: '', sorts: [] };

export function GraphsPage() {
  const g = useStrings(graphStrings);
  const { place, appId, key } = useSettingsTarget();
  const reportsQ = useQuery({ queryKey: key('reports'), queryFn: () => getReports(place, appId) });
  const fieldsQ = useQuery({ queryKey: key('fields'), queryFn: () => getFields(place, appId) });
  if (reportsQ.isError || fieldsQ.isError) return <ErrorLine error={reportsQ.error ?? fieldsQ.error} />;
  if (!reportsQ.data || !fieldsQ.data) return <Loading />;
  const list = Object.values(reportsQ.data.reports)
    .sort((a, b) => Number(a.index) - Number(b.index))
    .map(draftOf);
  const fields = fieldsQ.data.properties;
  return (
    <NamedSetEditor
      words={g}
      list={list}
      blank={BLANK}
      badge={(r) => g.chartTypes[r.chartType]}
      put={(next) => putReports(place, appId, bodyOf(next))}
      part="reports"
      form={(props) => <GraphForm {...props} fields={fields} />}
    />
  );
}

function GraphForm({ initial, fields, error, pending, onSave, onCancel }: ItemFormProps<Draft> & { fields: Record<string, Property> }) {
  const s = useStrings(strings);
  const g = useStrings(graphStrings);
  const [d, setD] = useState(initial);
  const set = (p: Partial<Draft>) => setD((x) => ({ ...x, ...p }));
  const errs = fieldErrors(error, `reports.${initial.key ?? d.name}`);
  const list = Object.values(fields);
  const maxGroups = d.chartType === 'TABLE' ? 1 : MAX_GROUPS;
  return (
    <ItemForm draft={d} error={error} pending={pending} onSave={onSave} onCancel={onCancel}>
      <Field label={g.name} name="name" value={d.name} onChange={(e) => set({ name: e.target.value })} error={errs.at('name')} autoFocus />
      <div className="as-pair">
        <SelectField label={g.chartType} name="chartType" value={d.chartType} onChange={(e) => set({ chartType: e.target.value as ChartType })} options={CHART_TYPES.map((c) => ({ value: c, label: g.chartTypes[c] }))} />
        {MODED_CHARTS.has(d.chartType) && <ChartModeField value={d.chartMode} onChange={(chartMode) => set({ chartMode })} />}
      </div>
      <GroupsFieldset
        value={d.groups.map((x) => ({ field: x.code, per: x.per }))}
        onChange={(groups) => set({ groups: groups.map(reportGroupOf) })}
        fields={list}
        max={maxGroups}
        removeLabel={s.deleteNamed}
        removeLast
        errorAt={(i) => errs.at(`groups[${i}]`)}
        error={errs.at('groups')}
      />
      <AggregationsFieldset
        value={d.aggregations.map((a) => ({ type: a.type, field: a.code }))}
        onChange={(aggregations) => set({ aggregations: aggregations.map(reportAggregationOf) })}
        fields={list}
        max={MAX_AGGREGATIONS}
        removeLabel={s.deleteNamed}
        fieldLabel={() => g.field}
        fieldName={(i) => `agg-${i}-code`}
        errorAt={(i) => errs.at(`aggregations[${i}]`)}
      />
      <ConditionEditor legend={g.filter} fields={fields} value={d.filterCond} onChange={(filterCond) => set({ filterCond })} error={errs.at('filterCond')} />
      <SortsFieldset value={d.sorts} onChange={(sorts) => set({ sorts })} removeLabel={s.deleteNamed} orderLabel={() => g.order} />
    </ItemForm>
  );
}
