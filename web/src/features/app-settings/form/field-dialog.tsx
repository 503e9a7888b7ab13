// フィールドの設定: one field's settings in a dialog. 保存 writes them to the preview at once
// (POST for a new field, PUT for a saved one, renames included); the server's problems appear
// beside the inputs they concern and nothing is saved until it accepts them.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Property } from '../../../../../common/fields/index.js';
import { addFields, deleteFields, updateFields } from '../../../api/app-settings';
import { useStrings } from '../../../i18n/area-strings';
import { formErrors } from '../../../ui/errors';
import { Field, FormError, SubmitButton } from '../../../ui/form';
import { Dialog } from '../confirm-dialog';
import { useSettingsTarget } from '../settings-data';
import { strings } from '../strings';
import { fieldErrors, type FieldErrors } from './field-errors';
import { COLUMN_TYPES, allCodes, freeCode, kindOf, newProperty } from './field-kinds';
import { type PaletteType, formStrings } from './form-strings';
import { Check } from './inputs';
import { LookupSection, ReferenceSection } from './reference-sections';
import { TypeSections, formulaProblem } from './type-sections';

export type FieldDialogState = { kind: 'new'; draft: Property; palette: PaletteType } | { kind: 'edit'; prop: Property } | null;

interface Props {
  state: FieldDialogState;
  fields: Record<string, Property>;
  onClose(): void;
  /** After the server accepted the field: a new one still needs its place on the form. */
  onSaved(p: Property, isNew: boolean): Promise<void> | void;
}

export function FieldDialog({ state, fields, onClose, onSaved }: Props) {
  const f = useStrings(formStrings);
  if (!state) return <Dialog open={false} title="" onClose={onClose}>{null}</Dialog>;
  const prop = state.kind === 'new' ? state.draft : state.prop;
  const kind = state.kind === 'new' ? state.palette : kindOf(prop);
  const title = state.kind === 'new' ? f.newField(f.types[kind]) : f.fieldSettings(f.types[kind]);
  return (
    <Dialog open title={title} onClose={onClose} wide>
      <FieldForm key={state.kind === 'new' ? `new:${prop.code}` : `edit:${prop.code}`} initial={prop} isNew={state.kind === 'new'} fields={fields} onClose={onClose} onSaved={onSaved} />
    </Dialog>
  );
}

interface Column {
  /** The code it is saved under; null until saved. */
  key: string | null;
  draft: Property;
}

function FieldForm({ initial, isNew, fields, onClose, onSaved }: { initial: Property; isNew: boolean; fields: Record<string, Property>; onClose(): void; onSaved: Props['onSaved'] }) {
  const s = useStrings(strings);
  const f = useStrings(formStrings);
  const { t, i18n } = useTranslation();
  const { place, appId } = useSettingsTarget();
  const [draft, setDraft] = useState<Property>(initial);
  const [columns, setColumns] = useState<Column[]>(() =>
    Object.values((initial.fields as Record<string, Property> | undefined) ?? {}).map((q) => ({ key: isNew ? null : q.code, draft: q })),
  );
  /** Saved columns to delete once the table's settings are saved. */
  const [removed, setRemoved] = useState<string[]>([]);
  const set = (attr: string, value: unknown) => setDraft((d) => ({ ...d, [attr]: value }));
  const originalCode = initial.code;
  const table = draft.type === 'SUBTABLE';
  const locale = i18n.language === 'ja' ? 'ja' : 'en';

  const save = useMutation({
    mutationFn: async () => {
      const body: Record<string, unknown> = { ...draft };
      if (table) {
        const cols: Record<string, unknown> = {};
        for (const c of columns) cols[c.key ?? c.draft.code] = c.draft;
        body.fields = cols;
      }
      if (isNew) await addFields(place, appId, { [draft.code]: body });
      else await updateFields(place, appId, { [originalCode]: body });
      if (removed.length) await deleteFields(place, appId, removed);
      await onSaved(draft, isNew);
    },
  });

  // A formula the deploy would refuse is not saved: the same check, the same sentence, now (an
  // empty one goes to the server, which says it is required).
  const formulaBad = draft.type === 'CALC' && String(draft.expression ?? '').trim() !== '' && formulaProblem(draft, fields, undefined, locale) !== null;
  const base = `properties.${isNew ? draft.code : originalCode}`;
  const errs = fieldErrors(save.error, base);
  const top = formErrors(save.error, [], t);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (formulaBad) return;
    save.mutate();
  }

  const isDecorationless = draft.type !== 'GROUP';
  return (
    <form className="form as-field-form" onSubmit={submit} noValidate>
      <FormError errors={top} />
      <Field label={f.label} name="label" value={draft.label} onChange={(e) => set('label', e.target.value)} error={errs.at('label')} autoFocus />
      <Field label={f.code} name="code" value={draft.code} onChange={(e) => set('code', e.target.value)} error={errs.at('code')} hint={f.codeHint} />
      {isDecorationless && <Check label={f.noLabel} checked={draft.noLabel === true} onChange={(v) => set('noLabel', v)} />}
      {draft.lookup ? (
        <>
          <Check label={f.required} checked={draft.required === true} onChange={(v) => set('required', v)} />
          <LookupSection draft={draft} set={set} errs={errs} fields={fields} isNew={isNew} />
        </>
      ) : draft.type === 'REFERENCE_TABLE' ? (
        <ReferenceSection draft={draft} set={set} errs={errs} fields={fields} isNew={isNew} />
      ) : (
        <TypeSections draft={draft} set={set} errs={errs} fields={fields} />
      )}
      {table && (
        <Columns
          columns={columns}
          setColumns={setColumns}
          onRemoveSaved={(key) => {
            setRemoved([...removed, key]);
            setColumns(columns.filter((c) => c.key !== key));
          }}
          fields={fields}
          tableCode={draft.code}
          errs={errs}
        />
      )}
      <div className="as-actions">
        <button type="button" className="button" onClick={onClose}>
          {s.cancel}
        </button>
        <SubmitButton pending={save.isPending}>{s.save}</SubmitButton>
      </div>
    </form>
  );
}

function Columns({
  columns,
  setColumns,
  onRemoveSaved,
  fields,
  tableCode,
  errs,
}: {
  columns: Column[];
  setColumns(c: Column[]): void;
  onRemoveSaved(key: string): void;
  fields: Record<string, Property>;
  tableCode: string;
  errs: FieldErrors;
}) {
  const f = useStrings(formStrings);
  const id = useId();
  const [type, setType] = useState<PaletteType>('SINGLE_LINE_TEXT');
  const update = (i: number, attr: string, value: unknown) => setColumns(columns.map((c, j) => (j === i ? { ...c, draft: { ...c.draft, [attr]: value } } : c)));
  const add = () => {
    const taken = allCodes(fields);
    for (const c of columns) taken.add(c.draft.code);
    const code = freeCode(type, taken);
    setColumns([...columns, { key: null, draft: newProperty(type, code, f.types[type]) }]);
  };
  return (
    <fieldset className="as-fieldset">
      <legend>{f.columns}</legend>
      <ol className="as-columns">
        {columns.map((c, i) => {
          const e = errs.column(c.key ?? c.draft.code);
          return (
            <li key={i} className="as-column">
              <details open={c.key === null}>
                <summary>
                  {c.draft.label || c.draft.code} <span className="muted">({f.types[kindOf(c.draft)]})</span>
                </summary>
                <div className="form">
                  <Field label={f.label} name={`col-${i}-label`} value={c.draft.label} onChange={(ev) => update(i, 'label', ev.target.value)} error={e.at('label')} />
                  <Field label={f.code} name={`col-${i}-code`} value={c.draft.code} onChange={(ev) => update(i, 'code', ev.target.value)} error={e.at('code')} />
                  <TypeSections draft={c.draft} set={(attr, v) => update(i, attr, v)} errs={e} fields={fields} table={tableCode} />
                  {columns.length > 1 && (
                    <button type="button" className="button" onClick={() => (c.key === null ? setColumns(columns.filter((_, j) => j !== i)) : onRemoveSaved(c.key))}>
                      {f.columnDelete(c.draft.label || c.draft.code)}
                    </button>
                  )}
                </div>
              </details>
            </li>
          );
        })}
      </ol>
      <div className="as-adder">
        <div className="field">
          <label htmlFor={`${id}-type`}>{f.columnType}</label>
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as PaletteType)}>
            {COLUMN_TYPES.map((t) => (
              <option key={t} value={t}>
                {f.types[t]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button" onClick={add}>
          {f.addColumn}
        </button>
      </div>
      <p className="field-hint">{f.columnRemoveHint}</p>
      {errs.at('fields') && <p className="field-error">{errs.at('fields')}</p>}
    </fieldset>
  );
}
