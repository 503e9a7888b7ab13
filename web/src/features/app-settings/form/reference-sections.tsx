// ルックアップ and 関連レコード一覧: both read another app. The apps and their fields come from
// the server (only apps this person may read are listed); whether the settings hold is the
// server's answer on save.
import { useQuery } from '@tanstack/react-query';
import type { Lookup, Property, ReferenceTable } from '../../../../../common/fields/index.js';
import { getLiveFields, listApps } from '../../../api/app-settings';
import { useStrings } from '../../../i18n/area-strings';
import { Field, SelectField } from '../../../ui/form';
import { useSettingsTarget } from '../settings-data';
import type { FieldErrors } from './field-errors';
import { formStrings } from './form-strings';
import { CheckList } from './inputs';

const NUMERIC_KEYS = new Set(['NUMBER', 'RECORD_NUMBER', 'CALC']);
const CONTAINERS = new Set(['SUBTABLE', 'GROUP', 'REFERENCE_TABLE', 'CATEGORY', 'STATUS', 'STATUS_ASSIGNEE']);

function useRelated(app: string) {
  const { place } = useSettingsTarget();
  const apps = useQuery({ queryKey: ['app-settings', place.guestSpaceId ?? '', 'apps'], queryFn: () => listApps(place) });
  const fields = useQuery({ queryKey: ['app-settings', place.guestSpaceId ?? '', 'live-fields', app], queryFn: () => getLiveFields(place, app), enabled: app !== '' });
  const list = Object.values(fields.data?.properties ?? {}).filter((p) => !CONTAINERS.has(p.type));
  return { apps: apps.data ?? [], fields: list };
}

function AppSelect({ value, onChange, error }: { value: string; onChange(v: string): void; error?: string | undefined }) {
  const f = useStrings(formStrings);
  const { appId } = useSettingsTarget();
  const { apps } = useRelated('');
  return (
    <SelectField
      label={f.relatedApp}
      name="relatedApp"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={[{ value: '', label: f.chooseApp }, ...apps.filter((a) => a.appId !== appId).map((a) => ({ value: a.appId, label: a.name }))]}
      error={error}
    />
  );
}

interface Props {
  draft: Property;
  set(attr: string, value: unknown): void;
  errs: FieldErrors;
  fields: Record<string, Property>;
  isNew: boolean;
}

export function LookupSection({ draft, set, errs, fields, isNew }: Props) {
  const f = useStrings(formStrings);
  const lookup = draft.lookup as Lookup;
  const related = useRelated(lookup.relatedApp.app);
  const update = (patch: Partial<Lookup>) => set('lookup', { ...lookup, ...patch });
  const options = related.fields.map((p) => ({ value: p.code, label: p.label }));
  // A key names one record: the record number or a field that prohibits duplicates.
  const keys = related.fields.filter((p) => p.type === 'RECORD_NUMBER' || p.unique === true).map((p) => ({ value: p.code, label: p.label }));
  const mine = Object.values(fields).filter((p) => p.code !== draft.code && !CONTAINERS.has(p.type) && p.type !== 'CALC' && p.type !== 'FILE' && !p.type.startsWith('RECORD') && !['CREATOR', 'MODIFIER', 'CREATED_TIME', 'UPDATED_TIME'].includes(p.type));
  return (
    <>
      <AppSelect value={lookup.relatedApp.app} onChange={(app) => update({ relatedApp: { app, code: '' }, relatedKeyField: '', fieldMappings: [], lookupPickerFields: [] })} error={errs.at('lookup.relatedApp')} />
      <SelectField
        label={f.keyField}
        name="relatedKeyField"
        value={lookup.relatedKeyField}
        onChange={(e) => {
          const key = e.target.value;
          // A new lookup takes the key's kind: numbers look up numbers (kintone does the same).
          if (isNew) set('type', NUMERIC_KEYS.has(related.fields.find((p) => p.code === key)?.type ?? '') ? 'NUMBER' : 'SINGLE_LINE_TEXT');
          set('lookup', { ...lookup, relatedKeyField: key });
        }}
        options={[{ value: '', label: f.noDefault }, ...keys]}
        error={errs.at('lookup.relatedKeyField')}
      />
      <fieldset className="as-fieldset">
        <legend>{f.mappings}</legend>
        {lookup.fieldMappings.map((m, i) => (
          <div key={i} className="as-pair as-pair--row">
            <SelectField
              label={f.mappingTo}
              name={`mapping-${i}-field`}
              value={m.field}
              onChange={(e) => update({ fieldMappings: lookup.fieldMappings.map((x, j) => (j === i ? { ...x, field: e.target.value } : x)) })}
              options={[{ value: '', label: f.noDefault }, ...mine.map((p) => ({ value: p.code, label: p.label }))]}
              error={errs.at(`lookup.fieldMappings[${i}].field`)}
            />
            <SelectField
              label={f.mappingFrom}
              name={`mapping-${i}-related`}
              value={m.relatedField}
              onChange={(e) => update({ fieldMappings: lookup.fieldMappings.map((x, j) => (j === i ? { ...x, relatedField: e.target.value } : x)) })}
              options={[{ value: '', label: f.noDefault }, ...options]}
              error={errs.at(`lookup.fieldMappings[${i}].relatedField`)}
            />
            <button type="button" className="as-icon-button" aria-label={f.removeMapping(i + 1)} onClick={() => update({ fieldMappings: lookup.fieldMappings.filter((_, j) => j !== i) })}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="button" onClick={() => update({ fieldMappings: [...lookup.fieldMappings, { field: '', relatedField: '' }] })}>
          {f.addMapping}
        </button>
      </fieldset>
      <CheckList legend={f.pickerFields} options={options} chosen={lookup.lookupPickerFields} onChange={(v) => update({ lookupPickerFields: v })} />
      <Field label={f.filterCond} name="filterCond" value={lookup.filterCond} onChange={(e) => update({ filterCond: e.target.value })} error={errs.at('lookup.filterCond')} />
      <Field label={f.sort} name="sort" value={lookup.sort} onChange={(e) => update({ sort: e.target.value })} error={errs.at('lookup.sort')} />
    </>
  );
}

export function ReferenceSection({ draft, set, errs, fields }: Props) {
  const f = useStrings(formStrings);
  const ref = draft.referenceTable as ReferenceTable;
  const related = useRelated(ref.relatedApp.app);
  const update = (patch: Partial<ReferenceTable>) => set('referenceTable', { ...ref, ...patch });
  const options = related.fields.map((p) => ({ value: p.code, label: p.label }));
  const mine = Object.values(fields).filter((p) => !CONTAINERS.has(p.type));
  return (
    <>
      <AppSelect value={ref.relatedApp.app} onChange={(app) => update({ relatedApp: { app, code: '' }, condition: { field: ref.condition.field, relatedField: '' }, displayFields: [] })} error={errs.at('referenceTable.relatedApp')} />
      <fieldset className="as-fieldset">
        <legend>{f.condition}</legend>
        <div className="as-pair">
          <SelectField
            label={f.conditionField}
            name="conditionField"
            value={ref.condition.field}
            onChange={(e) => update({ condition: { ...ref.condition, field: e.target.value } })}
            options={[{ value: '', label: f.noDefault }, ...mine.map((p) => ({ value: p.code, label: p.label }))]}
            error={errs.at('referenceTable.condition.field')}
          />
          <SelectField
            label={f.conditionRelated}
            name="conditionRelated"
            value={ref.condition.relatedField}
            onChange={(e) => update({ condition: { ...ref.condition, relatedField: e.target.value } })}
            options={[{ value: '', label: f.noDefault }, ...options]}
            error={errs.at('referenceTable.condition.relatedField')}
          />
        </div>
      </fieldset>
      <CheckList legend={f.displayFields} options={options} chosen={ref.displayFields} onChange={(v) => update({ displayFields: v })} />
      <Field label={f.filterCond} name="filterCond" value={ref.filterCond} onChange={(e) => update({ filterCond: e.target.value })} error={errs.at('referenceTable.filterCond')} />
      <Field label={f.sort} name="sort" value={ref.sort} onChange={(e) => update({ sort: e.target.value })} error={errs.at('referenceTable.sort')} />
      <SelectField label={f.size} name="size" value={ref.size} onChange={(e) => update({ size: e.target.value })} options={['1', '3', '5', '10', '20', '30', '40', '50'].map((v) => ({ value: v, label: v }))} />
    </>
  );
}
