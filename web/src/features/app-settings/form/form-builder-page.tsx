// フォーム (tab): the form builder. The palette adds fields (their settings dialog saves them to
// the preview) and layout elements; the form shows kintone's rows, tables and field groups.
// Everything moves by drag and drop and, for keyboards and fingers, by arrow buttons; each move
// saves the layout at once (PUT preview/app/form/layout.json).
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayoutElement, Property } from '../../../../../common/fields/index.js';
import { deleteFields, getFields, getLayout, putLayout } from '../../../api/app-settings';
import { useStrings } from '../../../i18n/area-strings';
import { errorText } from '../../../ui/errors';
import { Loading } from '../../../ui/loading';
import { ConfirmDialog, Dialog } from '../confirm-dialog';
import { useSettingsSaved, useSettingsTarget } from '../settings-data';
import { strings } from '../strings';
import { FieldDialog, type FieldDialogState } from './field-dialog';
import { DECORATIONS, PALETTE, allCodes, freeCode, newProperty } from './field-kinds';
import { type PaletteType, formStrings } from './form-strings';
import { TextArea } from './inputs';
import { type DropTarget, type Model, append, blockFor, drop, element, fromLayout, removeElement, row, toLayout, updateElement } from './layout-model';
import { Canvas, type CanvasActions } from './canvas';

const PALETTE_MIME = 'application/x-engawa-palette';

export function FormBuilderPage() {
  const s = useStrings(strings);
  const f = useStrings(formStrings);
  const { t } = useTranslation();
  const { place, appId, key } = useSettingsTarget();
  const saved = useSettingsSaved();
  const fieldsQ = useQuery({ queryKey: key('fields'), queryFn: () => getFields(place, appId) });
  const layoutQ = useQuery({ queryKey: key('layout'), queryFn: () => getLayout(place, appId) });
  const fields = useMemo(() => fieldsQ.data?.properties ?? {}, [fieldsQ.data]);
  const serverModel = useMemo(() => (layoutQ.data && fieldsQ.data ? fromLayout(layoutQ.data.layout, fieldsQ.data.properties) : null), [layoutQ.data, fieldsQ.data]);
  const [local, setLocal] = useState<{ model: Model; from: Model | null } | null>(null);
  const model = local && local.from === serverModel ? local.model : serverModel;
  const [dialog, setDialog] = useState<FieldDialogState>(null);
  const [pendingTarget, setPendingTarget] = useState<DropTarget | null>(null);
  const [deleting, setDeleting] = useState<{ code: string | null; elementId: string | null; name: string } | null>(null);
  const [labelEdit, setLabelEdit] = useState<{ id: string; text: string } | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);

  const save = useMutation({
    // One layout write at a time, in the order the moves were made.
    scope: { id: `layout:${place.guestSpaceId ?? ''}:${appId}` },
    mutationFn: (next: Model) => putLayout(place, appId, toLayout(next)),
    onSettled: () => saved('layout'),
  });
  const remove = useMutation({
    mutationFn: (code: string) => deleteFields(place, appId, [code]),
    onSuccess: async () => {
      setDeleting(null);
      await saved();
    },
  });

  // Keyboard focus follows the element that moved (its buttons are new nodes in a new row).
  useEffect(() => {
    if (!focusKey) return;
    const el = document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`);
    if (el && !el.hasAttribute('disabled')) el.focus();
    else document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey.replace(/:[a-z]+$/, ':edit'))}"]`)?.focus();
  }, [focusKey, model]);

  if (fieldsQ.isError || layoutQ.isError) return <p className="form-error" role="alert">{errorText(fieldsQ.error ?? layoutQ.error, t)}</p>;
  if (!model) return <Loading />;

  function apply(next: Model | null, focus?: string) {
    if (!next) return;
    setLocal({ model: next, from: serverModel });
    if (focus) setFocusKey(focus);
    save.mutate(next);
  }

  function startAdd(type: PaletteType, target: DropTarget | null) {
    if (!model) return;
    if (DECORATIONS.has(type)) {
      const el: LayoutElement = type === 'LABEL' ? { type, label: f.types.LABEL } : { type };
      const block = row([element(el)]);
      let next = append(model, block);
      if (target) next = drop(next, block.els[0]!.id, target) ?? next;
      apply(next);
      return;
    }
    const code = freeCode(type, allCodes(fields));
    setPendingTarget(target);
    setDialog({ kind: 'new', palette: type, draft: newProperty(type, code, f.types[type]) });
  }

  async function fieldSaved(p: Property, isNew: boolean) {
    setDialog(null);
    if (isNew && model) {
      // The new field takes the place it was dropped on, else the end of the form.
      const block = blockFor(p);
      let next = append(model, block);
      if (pendingTarget) next = drop(next, block.type === 'ROW' ? block.els[0]!.id : block.id, pendingTarget) ?? next;
      setPendingTarget(null);
      await putLayout(place, appId, toLayout(next)).catch(() => undefined);
    }
    // A renamed field is renamed in views, permissions, notifications and graphs too.
    await saved();
  }

  const actions: CanvasActions = {
    fields,
    apply,
    edit: (code) => {
      const p = fields[code] ?? findColumn(fields, code);
      if (p) setDialog({ kind: 'edit', prop: p });
    },
    editLabel: (id, text) => setLabelEdit({ id, text }),
    remove: (target) => setDeleting(target),
    dropPalette: (type, target) => startAdd(type as PaletteType, target),
    paletteMime: PALETTE_MIME,
  };

  const deletingName = deleting?.name ?? '';
  return (
    <div className="as-builder">
      <aside className="as-palette" aria-labelledby="as-palette-title">
        <h2 id="as-palette-title">{f.palette}</h2>
        <p className="field-hint">{f.paletteHint}</p>
        <ul>
          {PALETTE.map((type) => (
            <li key={type}>
              <button
                type="button"
                className="as-palette__item"
                draggable
                onDragStart={(e) => {
                  e.dataTransfer.setData(PALETTE_MIME, type);
                  e.dataTransfer.effectAllowed = 'copy';
                }}
                onClick={() => startAdd(type, null)}
                aria-label={f.addType(f.types[type])}
              >
                {f.types[type]}
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <section className="as-canvas" aria-labelledby="as-canvas-title">
        <h2 id="as-canvas-title">{f.form}</h2>
        <p className="field-hint">{f.dragHint}</p>
        {save.isError && (
          <p className="form-error" role="alert">
            {errorText(save.error, t)}
          </p>
        )}
        {model.length === 0 ? <p className="empty">{f.empty}</p> : null}
        <Canvas model={model} actions={actions} />
        <p className="field-hint">{f.systemFieldsNote}</p>
      </section>

      <FieldDialog
        state={dialog}
        fields={fields}
        onClose={() => {
          setDialog(null);
          setPendingTarget(null);
        }}
        onSaved={fieldSaved}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={s.deleteNamed(deletingName)}
        message={deleting?.code ? f.deleteField(deletingName) : f.deleteElement}
        confirm={s.delete}
        cancel={s.cancel}
        danger
        pending={remove.isPending}
        onConfirm={() => {
          if (!deleting) return;
          if (deleting.code) remove.mutate(deleting.code);
          else if (deleting.elementId) {
            apply(removeElement(model, deleting.elementId));
            setDeleting(null);
          }
        }}
        onCancel={() => {
          setDeleting(null);
          remove.reset();
        }}
      >
        {deleting?.code && <p className="muted">{f.deleteWarn}</p>}
        {remove.isError && (
          <p className="form-error" role="alert">
            {errorText(remove.error, t)}
          </p>
        )}
      </ConfirmDialog>
      <Dialog open={labelEdit !== null} title={f.types.LABEL} onClose={() => setLabelEdit(null)}>
        {labelEdit && (
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              apply(updateElement(model, labelEdit.id, { type: 'LABEL', label: escapeHtml(labelEdit.text), size: { width: '193' } }));
              setLabelEdit(null);
            }}
          >
            <TextArea label={f.labelText} value={labelEdit.text} onChange={(v) => setLabelEdit({ ...labelEdit, text: v })} />
            <div className="as-actions">
              <button type="button" className="button" onClick={() => setLabelEdit(null)}>
                {s.cancel}
              </button>
              <button type="submit" className="button button--primary">
                {s.save}
              </button>
            </div>
          </form>
        )}
      </Dialog>
    </div>
  );
}

function findColumn(fields: Record<string, Property>, code: string): Property | undefined {
  for (const p of Object.values(fields)) if (p.type === 'SUBTABLE' && (p.fields as Record<string, Property> | undefined)?.[code]) return p;
  return undefined;
}

/** A label's text is stored as kintone stores labels (HTML); what the builder writes is plain text. */
function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '<br>');
}

