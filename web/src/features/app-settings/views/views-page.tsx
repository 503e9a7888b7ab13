// 一覧 (tab): the app's saved views — add, rename, reorder, delete; a list view's columns in
// order, its filter and sort; a calendar view's date and title fields. The whole set is saved at
// once (PUT preview/app/views.json replaces it), as kintone's API does.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Property } from '../../../../../common/fields/index.js';
import { getFields, getViews, putViews } from '../../../api/app-settings';
import { useStrings } from '../../../i18n/area-strings';
import { ErrorLine } from '../../../ui/error-line';
import { Field, SelectField } from '../../../ui/form';
import { Loading } from '../../../ui/loading';
import { ConditionEditor } from '../condition-editor';
import { fieldErrors } from '../form/field-errors';
import { ItemForm, type ItemFormProps, NamedSetEditor } from '../named-set-editor';
import { useSettingsTarget } from '../settings-data';
import { strings } from '../strings';
import { type ViewDraft, columnChoices, draftsOf, sortOf, sortText, viewsBody } from './view-model';
import { viewStrings } from './views-strings';

const BLANK: ViewDraft = { name: '', type: 'LIST', fields: [], filterCond: '', sort: '', date: '', title: '' };

export function ViewsPage() {
  const v = useStrings(viewStrings);
  const { place, appId, key } = useSettingsTarget();
  const viewsQ = useQuery({ queryKey: key('views'), queryFn: () => getViews(place, appId) });
  const fieldsQ = useQuery({ queryKey: key('fields'), queryFn: () => getFields(place, appId) });

  if (viewsQ.isError || fieldsQ.isError) return <ErrorLine error={viewsQ.error ?? fieldsQ.error} />;
  if (!viewsQ.data || !fieldsQ.data) return <Loading />;
  const fields = fieldsQ.data.properties;

  return (
    <NamedSetEditor
      words={v}
      list={draftsOf(viewsQ.data.views)}
      blank={BLANK}
      badge={(view) => v.types[view.type]}
      canEdit={(view) => view.type !== 'CUSTOM'}
      lockMovesWhileSaving
      details={(view) => (
        <>
          {view.type === 'LIST' && <p className="muted">{view.fields.map((c) => fields[c]?.label ?? c).join('、 ') || v.noColumns}</p>}
          {view.filterCond && (
            <p className="muted">
              {v.filter}: <code>{view.filterCond}</code>
            </p>
          )}
        </>
      )}
      put={(list) => putViews(place, appId, viewsBody(list))}
      part="views"
      form={(props) => <ViewForm {...props} fields={fields} />}
    />
  );
}

function ViewForm({ initial, fields, error, pending, onSave, onCancel }: ItemFormProps<ViewDraft> & { fields: Record<string, Property> }) {
  const s = useStrings(strings);
  const v = useStrings(viewStrings);
  const [draft, setDraft] = useState(initial);
  const [adding, setAdding] = useState('');
  const set = (patch: Partial<ViewDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const errs = fieldErrors(error, `views.${draft.name}`);
  const choices = columnChoices(fields);
  const label = (code: string) => choices.find((c) => c.code === code)?.label ?? code;
  const dates = choices.filter((c) => ['DATE', 'DATETIME', 'CREATED_TIME', 'UPDATED_TIME'].includes(c.type));
  const sort = sortOf(draft.sort);
  const sortable = choices.filter((c) => !['FILE', 'CHECK_BOX', 'MULTI_SELECT', 'USER_SELECT', 'ORGANIZATION_SELECT', 'GROUP_SELECT', 'MULTI_LINE_TEXT', 'RICH_TEXT', 'CATEGORY', 'STATUS_ASSIGNEE'].includes(c.type) && !c.inTable);
  const swap = (i: number, j: number) => {
    const next = [...draft.fields];
    [next[i], next[j]] = [next[j]!, next[i]!];
    set({ fields: next });
  };
  return (
    <ItemForm draft={draft} error={error} pending={pending} onSave={onSave} onCancel={onCancel}>
      <Field label={v.name} name="name" value={draft.name} onChange={(e) => set({ name: e.target.value })} error={errs.at('name')} autoFocus />
      <SelectField
        label={v.type}
        name="type"
        value={draft.type}
        onChange={(e) => set({ type: e.target.value as ViewDraft['type'] })}
        options={[
          { value: 'LIST', label: v.types.LIST! },
          { value: 'CALENDAR', label: v.types.CALENDAR! },
        ]}
      />
      {draft.type === 'LIST' && (
        <fieldset className="as-fieldset">
          <legend>{v.columns}</legend>
          {draft.fields.length === 0 && <p className="field-hint">{v.noColumns}</p>}
          <ol className="as-options" aria-label={v.columns}>
            {draft.fields.map((code, i) => (
              <li key={code} className="as-option">
                <span className="as-el__name">{label(code)}</span>
                <button type="button" className="as-icon-button" aria-label={s.moveUpNamed(label(code))} disabled={i === 0} onClick={() => swap(i, i - 1)}>
                  ↑
                </button>
                <button type="button" className="as-icon-button" aria-label={s.moveDownNamed(label(code))} disabled={i === draft.fields.length - 1} onClick={() => swap(i, i + 1)}>
                  ↓
                </button>
                <button type="button" className="as-icon-button as-icon-button--danger" aria-label={s.deleteNamed(label(code))} onClick={() => set({ fields: draft.fields.filter((c) => c !== code) })}>
                  ×
                </button>
              </li>
            ))}
          </ol>
          <div className="as-adder">
            <SelectField
              label={v.addColumn}
              name="addColumn"
              value={adding}
              onChange={(e) => setAdding(e.target.value)}
              options={[{ value: '', label: '' }, ...choices.filter((c) => !draft.fields.includes(c.code)).map((c) => ({ value: c.code, label: c.label }))]}
            />
            <button
              type="button"
              className="button"
              onClick={() => {
                if (!adding) return;
                set({ fields: [...draft.fields, adding] });
                setAdding('');
              }}
            >
              {s.add}
            </button>
          </div>
          {errs.at('fields') && <p className="field-error">{errs.at('fields')}</p>}
        </fieldset>
      )}
      {draft.type === 'CALENDAR' && (
        <div className="as-pair">
          <SelectField label={v.date} name="date" value={draft.date} onChange={(e) => set({ date: e.target.value })} options={[{ value: '', label: '' }, ...dates.map((c) => ({ value: c.code, label: c.label }))]} error={errs.at('date')} />
          <SelectField label={v.titleField} name="title" value={draft.title} onChange={(e) => set({ title: e.target.value })} options={[{ value: '', label: '' }, ...choices.map((c) => ({ value: c.code, label: c.label }))]} error={errs.at('title')} />
        </div>
      )}
      <ConditionEditor legend={v.filter} fields={fields} value={draft.filterCond} onChange={(filterCond) => set({ filterCond })} error={errs.at('filterCond')} />
      <fieldset className="as-fieldset">
        <legend>{v.sort}</legend>
        <div className="as-pair">
          <SelectField
            label={v.sortField}
            name="sortField"
            value={sort?.code ?? ''}
            onChange={(e) => set({ sort: sortText(e.target.value, sort?.order ?? 'desc') })}
            options={[{ value: '', label: v.noSort }, ...sortable.map((c) => ({ value: c.code, label: c.label }))]}
          />
          <SelectField
            label={v.order}
            name="order"
            value={sort?.order ?? 'desc'}
            onChange={(e) => set({ sort: sortText(sort?.code ?? '', e.target.value as 'asc' | 'desc') })}
            options={[
              { value: 'asc', label: v.asc },
              { value: 'desc', label: v.desc },
            ]}
          />
        </div>
        {errs.at('sort') && <p className="field-error">{errs.at('sort')}</p>}
      </fieldset>
    </ItemForm>
  );
}
