// The view's own settings on the create/edit form: type, title and description, then what a list
// view shows (fields, detail page, fixed filter, sort, page size, search box, text blocks).
// Filter, sort and search need the Standard plan; the form says so beside them.
import { useId } from 'react';
import type { Property } from '../../../../common/fields/index.js';
import { MAX_PAGE_SIZE, PUBLIC_VIEW_KINDS, type PublicViewJson } from '../../../../common/api/public-views.js';
import { planFor } from '../../../../common/licences/view-plans.js';
import { useStrings } from '../../i18n/area-strings';
import { Field } from '../../ui/form';
import { RichTextEditor } from '../../ui/rich-text-editor';
import { ConditionEditor } from '../app-settings/condition-editor';
import { FieldPicker } from './field-picker';
import { SearchFormEditor } from './search-form-editor';
import { SortEditor } from './sort-editor';
import { strings } from './strings';
import { KindSection } from './kind-section';
import { FORM_KINDS, RECORD_KINDS, type ViewForm, showableFields, sortableFields } from './view-form';
import type { FormPart } from './view-form-errors';
import { AdvancedGraphEditor } from './advanced-graph-editor';
import { DashboardEditor } from './dashboard-editor';
import { MatchEditor } from './match-editor';

interface Props {
  form: ViewForm;
  set<K extends keyof ViewForm>(key: K, value: ViewForm[K]): void;
  existing: PublicViewJson | undefined;
  properties: Record<string, Property>;
  errors: Partial<Record<FormPart, string>>;
}

export function ViewFormBody({ form, set, existing, properties, errors }: Props) {
  const s = useStrings(strings);
  const id = useId();
  return (
    <>
      <section className="panel">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{s.form.kind}</label>
          <select id={`${id}-kind`} value={form.kind} disabled={existing !== undefined} onChange={(e) => set('kind', e.target.value as ViewForm['kind'])} aria-describedby={existing ? `${id}-kind-hint` : undefined}>
            {PUBLIC_VIEW_KINDS.map((k) => (
              <option key={k} value={k} disabled={!FORM_KINDS.has(k)}>
                {s.kinds[k]}
                {FORM_KINDS.has(k) ? '' : ` ${s.notYet}`}
              </option>
            ))}
          </select>
          {existing && (
            <p id={`${id}-kind-hint`} className="field-hint">
              {s.form.kindFixed}
            </p>
          )}
        </div>
        <Field label={s.form.title} name="title" value={form.title} maxLength={128} required onChange={(e) => set('title', e.target.value)} error={errors.title} />
        <div className={errors.description ? 'field field--invalid' : 'field'}>
          <label htmlFor={`${id}-desc`}>{s.form.description}</label>
          <textarea id={`${id}-desc`} rows={2} value={form.description} onChange={(e) => set('description', e.target.value)} />
          {errors.description && <p className="field-error">{errors.description}</p>}
        </div>
      </section>

      {!FORM_KINDS.has(form.kind) ? (
        <p className="notice">{s.keptSettings}</p>
      ) : (
        <KindedSettings form={form} set={set} existing={existing} properties={properties} errors={errors} />
      )}
    </>
  );
}

function KindedSettings({ form, set, existing, properties, errors }: Props) {
  const s = useStrings(strings);
  const id = useId();
  const showable = showableFields(properties);
  const filtering = s.form.requires(s.plans[planFor('filtering')]);
  const kind = form.kind;
  const records = RECORD_KINDS.has(kind);
  const graph = kind === 'graph' || kind === 'advancedGraph';
  const blocks = (
    <section className="panel" aria-labelledby={`${id}-blocks`}>
      <h3 id={`${id}-blocks`}>{s.form.blocks}</h3>
      <RichTextEditor label={s.form.above} value={form.above} onChange={(v) => set('above', v)} error={errors.above} />
      <RichTextEditor label={s.form.below} value={form.below} onChange={(v) => set('below', v)} error={errors.below} />
    </section>
  );
  // A dashboard shows other views: its own settings are its layout and its text blocks.
  if (kind === 'dashboard') {
    return (
      <>
        <DashboardEditor items={form.dash} onChange={(v) => set('dash', v)} selfId={existing?.id} error={errors.kind} />
        {blocks}
      </>
    );
  }
  return (
    <>
      <KindSection form={form} setK={(key, value) => set('k', { ...form.k, [key]: value })} fields={showable} error={errors.kind} />
      {kind === 'advancedGraph' && <AdvancedGraphEditor value={form.adv} onChange={(v) => set('adv', v)} fields={Object.values(properties)} error={errors.kind} />}
      {kind === 'myPage' && <MatchEditor rows={form.match} onChange={(v) => set('match', v)} fields={showable} error={errors.match} />}
      <section className="panel">
        {records && <FieldPicker legend={s.form.fields} hint={s.form.fieldsHint} fields={showable} chosen={form.fields} onChange={(v) => set('fields', v)} error={errors.fields} />}
        {!graph && (
        <fieldset className="as-fieldset">
          <legend>{s.form.detail}</legend>
          <label className="as-check">
            <input type="checkbox" checked={form.detailEnabled} onChange={(e) => set('detailEnabled', e.target.checked)} /> {s.form.detailEnabled}
          </label>
          {records && form.detailEnabled && (
            <label className="as-check">
              <input
                type="checkbox"
                checked={form.detailSame}
                onChange={(e) => {
                  set('detailSame', e.target.checked);
                  if (!e.target.checked && form.detailFields.length === 0) set('detailFields', form.fields);
                }}
              />{' '}
              {s.form.detailSame}
            </label>
          )}
          {records && form.detailEnabled && !form.detailSame && (
            <FieldPicker legend={s.form.detailFields} fields={showable} chosen={form.detailFields} onChange={(v) => set('detailFields', v)} error={errors.detail} />
          )}
          {(form.detailSame || !form.detailEnabled) && errors.detail && <p className="field-error">{errors.detail}</p>}
        </fieldset>
        )}
      </section>

      <section className="panel">
        <p className="field-hint">
          {s.form.filterHint} {filtering}
        </p>
        <ConditionEditor legend={s.form.filter} fields={properties} value={form.filter} onChange={(v) => set('filter', v)} error={errors.filter} />
        {records && <SortEditor fields={sortableFields(properties)} value={form.sort} onChange={(v) => set('sort', v)} error={errors.sort} />}
        {records && <Field
          label={s.form.pageSize}
          name="pageSize"
          type="number"
          min={1}
          max={MAX_PAGE_SIZE}
          inputMode="numeric"
          value={form.pageSize}
          onChange={(e) => set('pageSize', e.target.value)}
          hint={`1–${MAX_PAGE_SIZE}`}
          error={errors.pageSize}
        />}
        {!graph && (
          <label className="as-check">
            <input type="checkbox" checked={form.search} onChange={(e) => set('search', e.target.checked)} /> {s.form.search}
          </label>
        )}
        {errors.search && <p className="field-error">{errors.search}</p>}
        {(kind === 'list' || kind === 'myPage') && (
          <SearchFormEditor
            items={form.searchForm}
            shown={form.fields.map((c) => properties[c]).filter((p): p is Property => p !== undefined)}
            onChange={(v) => set('searchForm', v)}
            error={errors.searchForm}
          />
        )}
      </section>

      {blocks}
    </>
  );
}
