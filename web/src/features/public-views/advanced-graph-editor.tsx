// An advanced graph view's own settings: chart type and display mode, up to three groups (with a
// period for dates), up to five aggregations (several series), the sort, and the axes' titles and
// bounds. The groups, aggregations and sorts are the app's graph form's own (graph-form-fields);
// the server checks the rest as it does for the app's own graphs.
import type { Property } from '../../../../common/fields/index.js';
import { MAX_AGGREGATIONS, MAX_GROUPS, MODED_CHARTS } from '../../../../common/reports/definition.js';
import { useStrings } from '../../i18n/area-strings';
import { Field, SelectField } from '../../ui/form';
import { AggregationsFieldset, ChartModeField, GroupsFieldset, SortsFieldset } from '../app-settings/graphs/graph-form-fields';
import { graphStrings } from '../app-settings/graphs/graph-strings';
import { ADVANCED_CHARTS, AXIS_CHARTS, type AdvancedChart, type AdvancedGraphForm, type AxisForm } from './advanced-graph-form';
import { editorStrings } from './editor-strings';

interface Props {
  value: AdvancedGraphForm;
  onChange(next: AdvancedGraphForm): void;
  fields: Property[];
  error?: string | undefined;
}

export function AdvancedGraphEditor({ value: d, onChange, fields, error }: Props) {
  const g = useStrings(graphStrings);
  const e = useStrings(editorStrings).graph;
  const set = (p: Partial<AdvancedGraphForm>) => onChange({ ...d, ...p });
  const maxGroups = d.chartType === 'TABLE' ? 1 : MAX_GROUPS;
  const axisOf = (key: 'x' | 'y', label: string) => {
    const a = d.axis[key];
    const patch = (p: Partial<AxisForm>) => set({ axis: { ...d.axis, [key]: { ...a, ...p } } });
    return (
      <div className="pvm-grid" key={key}>
        <Field label={e.axisTitle(label)} name={`axis-${key}-title`} value={a.title} maxLength={100} onChange={(ev) => patch({ title: ev.target.value })} />
        <Field label={e.axisMin(label)} name={`axis-${key}-min`} inputMode="decimal" value={a.min} onChange={(ev) => patch({ min: ev.target.value })} />
        <Field label={e.axisMax(label)} name={`axis-${key}-max`} inputMode="decimal" value={a.max} onChange={(ev) => patch({ max: ev.target.value })} />
      </div>
    );
  };
  return (
    <fieldset className="as-fieldset pvm-kind">
      <legend>{e.legend}</legend>
      <div className="as-pair">
        <SelectField
          label={g.chartType}
          name="chartType"
          value={d.chartType}
          onChange={(ev) => {
            const chartType = ev.target.value as AdvancedChart;
            set({ chartType, groups: chartType === 'TABLE' ? d.groups.slice(0, 1) : d.groups });
          }}
          options={ADVANCED_CHARTS.map((c) => ({ value: c, label: g.chartTypes[c] }))}
        />
        {MODED_CHARTS.has(d.chartType) && <ChartModeField value={d.chartMode} onChange={(chartMode) => set({ chartMode })} />}
      </div>
      {!AXIS_CHARTS.has(d.chartType) && d.chartType !== 'PIE' && <p className="field-hint">{e.tableOnly}</p>}
      <GroupsFieldset value={d.groups} onChange={(groups) => set({ groups })} fields={fields} max={maxGroups} removeLabel={e.removeGroup} removeLast={false} />
      <AggregationsFieldset
        value={d.aggregations}
        onChange={(aggregations) => set({ aggregations })}
        fields={fields}
        max={MAX_AGGREGATIONS}
        removeLabel={e.removeAggregation}
        fieldLabel={(i) => `${g.aggregation(i + 1)}: ${g.field}`}
        fieldName={(i) => `agg-${i}-field`}
      />
      <SortsFieldset value={d.sorts} onChange={(sorts) => set({ sorts })} removeLabel={e.removeSort} orderLabel={(i) => `${g.sortBy(i + 1)}: ${g.order}`} />
      {AXIS_CHARTS.has(d.chartType) && (
        <fieldset className="as-fieldset">
          <legend>{e.axes}</legend>
          <p className="field-hint">{e.axisHint}</p>
          {axisOf('x', e.xAxis)}
          {axisOf('y', e.yAxis)}
        </fieldset>
      )}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
