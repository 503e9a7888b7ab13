// 一覧 (tab): the app's saved views — add, rename, reorder, delete; a list view's columns in
// order, its filter and sort; a calendar view's date and title fields. The whole set is saved at
// once (PUT preview/app/views.json replaces it), as kintone's API does.
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Property } from '../../../../../common/fields/index.js';
import { getFields, getViews, putViews } from '../../../api/app-settings';
import { useStrings } from '../../../i18n/area-strings';
import { errorText } from '../../../ui/errors';
import { Field, FormError, SelectField, SubmitButton } from '../../../ui/form';
import { formErrors } from '../../../ui/errors';
import { Loading } from '../../../ui/loading';
import { ConditionEditor } from '../condition-editor';
import { ConfirmDialog, Dialog } from '../confirm-dialog';
import { fieldErrors } from '../form/field-errors';
import { useSettingsSaved, useSettingsTarget } from '../settings-data';
import { strings } from '../strings';
import { type ViewDraft, columnChoices, draftsOf, sortOf, sortText, viewsBody } from './view-model';
import { viewStrings } from './views-strings';

export function ViewsPage() {
  const s = useStrings(strings);
  const v = useStrings(viewStrings);
  const { t } = useTranslation();
  const { place, appId, key } = useSettingsTarget();
  const saved = useSettingsSaved();
  const viewsQ = useQuery({ queryKey: key('views'), queryFn: () => getViews(place, appId) });
  const fieldsQ = useQuery({ queryKey: key('fields'), queryFn: () => getFields(place, appId) });
  const [editing, setEditing] = useState<{ index: number | null; draft: ViewDraft } | null>(null);
  const [deleting, setDeleting] = useState<number | null>(null);
  const save = useMutation({
    mutationFn: (list: ViewDraft[]) => putViews(place, appId, viewsBody(list)),
    onSuccess: async () => {
      setEditing(null);
      setDeleting(null);
      await saved('views');
    },
  });

  if (viewsQ.isError || fieldsQ.isError) return <p className="form-error" role="alert">{errorText(viewsQ.error ?? fieldsQ.error, t)}</p>;
  if (!viewsQ.data || !fieldsQ.data) return <Loading />;
  const list = draftsOf(viewsQ.data.views);
  const fields = fieldsQ.data.properties;
  const move = (i: number, j: number) => {
    const next = [...list];
    [next[i], next[j]] = [next[j]!, next[i]!];
    save.mutate(next);
  };

  return (
    <div className="as-page">
      <div className="as-card__head">
        <h2>{v.title}</h2>
        <button type="button" className="button button--primary" onClick={() => setEditing({ index: null, draft: { name: '', type: 'LIST', fields: [], filterCond: '', sort: '', date: '', title: '' } })}>
          {v.add}
        </button>
      </div>
      <p className="muted">{v.hint}</p>
      {save.isError && !editing && (
        <p className="form-error" role="alert">
          {errorText(save.error, t)}
        </p>
      )}
      {list.length === 0 ? (
        <p className="empty">{v.empty}</p>
      ) : (
        <ol className="as-conditions" aria-label={v.title}>
          {list.map((view, i) => (
            <li key={view.name} className="as-card">
              <div className="as-card__head">
                <h3>{view.name}</h3>
                <div className="as-list-tools">
                  <span className="badge">{v.types[view.type]}</span>
                  {view.type !== 'CUSTOM' && (
                    <button type="button" className="as-icon-button" aria-label={s.editNamed(view.name)} onClick={() => setEditing({ index: i, draft: view })}>
                      ⚙
                    </button>
                  )}
                  <button type="button" className="as-icon-button" aria-label={s.moveUpNamed(view.name)} disabled={i === 0 || save.isPending} onClick={() => move(i, i - 1)}>
                    ↑
                  </button>
                  <button type="button" className="as-icon-button" aria-label={s.moveDownNamed(view.name)} disabled={i === list.length - 1 || save.isPending} onClick={() => move(i, i + 1)}>
                    ↓
                  </button>
                  <button type="button" className="as-icon-button as-icon-button--danger" aria-label={s.deleteNamed(view.name)} onClick={() => setDeleting(i)}>
                    ×
                  </button>
                </div>
              </div>
              {view.type === 'LIST' && <p className="muted">{view.fields.map((c) => fields[c]?.label ?? c).join('、 ') || v.noColumns}</p>}
              {view.filterCond && (
                <p className="muted">
                  {v.filter}: <code>{view.filterCond}</code>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}

      <Dialog open={editing !== null} title={editing?.index === null ? v.newTitle : v.editTitle(editing?.draft.name ?? '')} onClose={() => setEditing(null)} wide>
        {editing && (
          <ViewForm
            initial={editing.draft}
            fields={fields}
            error={save.error}
            pending={save.isPending}
            onCancel={() => {
              setEditing(null);
              save.reset();
            }}
            onSave={(draft) => save.mutate(editing.index === null ? [...list, draft] : list.map((x, j) => (j === editing.index ? draft : x)))}
          />
        )}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title={s.deleteNamed(list[deleting ?? 0]?.name ?? '')}
        message={v.deleteConfirm(list[deleting ?? 0]?.name ?? '')}
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

function ViewForm({ initial, fields, error, pending, onSave, onCancel }: { initial: ViewDraft; fields: Record<string, Property>; error: unknown; pending: boolean; onSave(d: ViewDraft): void; onCancel(): void }) {
  const s = useStrings(strings);
  const v = useStrings(viewStrings);
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [adding, setAdding] = useState('');
  const set = (patch: Partial<ViewDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const errs = fieldErrors(error, `views.${draft.name}`);
  const top = formErrors(error, [], t);
  const choices = columnChoices(fields);
  const label = (code: string) => choices.find((c) => c.code === code)?.label ?? code;
  const dates = choices.filter((c) => ['DATE', 'DATETIME', 'CREATED_TIME', 'UPDATED_TIME'].includes(c.type));
  const sort = sortOf(draft.sort);
  const sortable = choices.filter((c) => !['FILE', 'CHECK_BOX', 'MULTI_SELECT', 'USER_SELECT', 'ORGANIZATION_SELECT', 'GROUP_SELECT', 'MULTI_LINE_TEXT', 'RICH_TEXT', 'CATEGORY', 'STATUS_ASSIGNEE'].includes(c.type) && !c.inTable);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(draft);
  };
  const swap = (i: number, j: number) => {
    const next = [...draft.fields];
    [next[i], next[j]] = [next[j]!, next[i]!];
    set({ fields: next });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormError errors={top} />
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
      <div className="as-actions">
        <button type="button" className="button" onClick={onCancel}>
          {s.cancel}
        </button>
        <SubmitButton pending={pending}>{s.save}</SubmitButton>
      </div>
    </form>
  );
}
