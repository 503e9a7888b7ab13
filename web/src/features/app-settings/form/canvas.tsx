// The form as the builder shows it: rows of element cards, table boxes with their columns, and
// field groups with rows inside. Every card and box has buttons (settings, arrows, delete) named
// after what they act on, and takes drags; drop zones between rows take new rows.
import { type DragEvent, useState } from 'react';
import type { Property } from '../../../../../common/fields/index.js';
import { useStrings } from '../../../i18n/area-strings';
import { strings } from '../strings';
import { kindOf } from './field-kinds';
import { type PaletteType, formStrings } from './form-strings';
import { type Block, type DropTarget, type El, type Group, type Model, type Row, type Table, type Direction, drop, moveElement, moveRow } from './layout-model';

const MOVE_MIME = 'application/x-engawa-move';

export interface CanvasActions {
  fields: Record<string, Property>;
  apply(next: Model | null, focus?: string): void;
  edit(code: string): void;
  editLabel(id: string, text: string): void;
  remove(target: { code: string | null; elementId: string | null; name: string }): void;
  dropPalette(type: string, target: DropTarget): void;
  paletteMime: string;
}

interface Ctx {
  model: Model;
  actions: CanvasActions;
}

/** What a dragged thing dropped on `target` does: a palette item adds, anything else moves. */
function onDropTo(ctx: Ctx, target: DropTarget) {
  return (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const palette = e.dataTransfer.getData(ctx.actions.paletteMime);
    if (palette) return ctx.actions.dropPalette(palette, target);
    const id = e.dataTransfer.getData(MOVE_MIME);
    if (id) ctx.actions.apply(drop(ctx.model, id, target));
  };
}

function allowDrop(e: DragEvent) {
  e.preventDefault();
}

function startDrag(id: string) {
  return (e: DragEvent) => {
    e.stopPropagation();
    e.dataTransfer.setData(MOVE_MIME, id);
    e.dataTransfer.effectAllowed = 'move';
  };
}

export function Canvas({ model, actions }: Ctx) {
  const ctx = { model, actions };
  return (
    <div className="as-form">
      <DropZone ctx={ctx} target={{ kind: 'newRow', groupId: null, index: 0 }} />
      {model.map((b, i) => (
        <div key={b.id}>
          {b.type === 'ROW' ? <RowView ctx={ctx} row={b} /> : b.type === 'SUBTABLE' ? <TableView ctx={ctx} table={b} /> : <GroupView ctx={ctx} group={b} />}
          <DropZone ctx={ctx} target={{ kind: 'newRow', groupId: null, index: i + 1 }} />
        </div>
      ))}
    </div>
  );
}

function DropZone({ ctx, target }: { ctx: Ctx; target: DropTarget }) {
  const f = useStrings(formStrings);
  const [over, setOver] = useState(false);
  return (
    <div
      className={over ? 'as-drop as-drop--over' : 'as-drop'}
      aria-hidden="true"
      onDragOver={(e) => {
        allowDrop(e);
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        onDropTo(ctx, target)(e);
      }}
    >
      {over ? f.dropHere : ''}
    </div>
  );
}

function RowView({ ctx, row }: { ctx: Ctx; row: Row }) {
  return (
    <div className="as-row" onDragOver={allowDrop} onDrop={onDropTo(ctx, { kind: 'end', rowId: row.id })}>
      {row.els.map((e) => (
        <ElementCard key={e.id} ctx={ctx} el={e} />
      ))}
    </div>
  );
}

/** A field's label; a label element's text; the name of a blank space or border. */
function nameOf(ctx: Ctx, el: El, f: ReturnType<typeof useStrings<typeof formStrings.en>>): string {
  const code = el.el.code;
  if (typeof code === 'string') return fieldOf(ctx.actions.fields, code)?.label || code;
  if (el.el.type === 'LABEL') return labelText(String(el.el.label ?? '')) || f.types.LABEL;
  return f.types[el.el.type as PaletteType] ?? el.el.type;
}

function fieldOf(fields: Record<string, Property>, code: string): Property | undefined {
  if (fields[code]) return fields[code];
  for (const p of Object.values(fields)) {
    const q = (p.fields as Record<string, Property> | undefined)?.[code];
    if (p.type === 'SUBTABLE' && q) return q;
  }
  return undefined;
}

/** The visible text of a label's HTML, read in an inert document (nothing in it runs). */
export function labelText(html: string): string {
  const doc = new DOMParser().parseFromString(html.replace(/<br\s*\/?>/gi, '\n'), 'text/html');
  return (doc.body.textContent ?? '').trim();
}

function ElementCard({ ctx, el }: { ctx: Ctx; el: El }) {
  const s = useStrings(strings);
  const f = useStrings(formStrings);
  const name = nameOf(ctx, el, f);
  const code = typeof el.el.code === 'string' ? el.el.code : null;
  const field = code ? fieldOf(ctx.actions.fields, code) : undefined;
  const typeName = field ? f.types[kindOf(field)] : f.types[el.el.type as PaletteType];
  const move = (dir: Direction) => moveElement(ctx.model, el.id, dir);
  const button = (dir: Direction, label: string, glyph: string) => {
    const next = move(dir);
    return (
      <button type="button" className="as-icon-button" aria-label={label} data-focus-key={`${el.id}:${dir}`} disabled={!next} onClick={() => ctx.actions.apply(next, `${el.id}:${dir}`)}>
        {glyph}
      </button>
    );
  };
  const isHr = el.el.type === 'HR';
  return (
    <div className={`as-el as-el--${el.el.type.toLowerCase()}`} draggable onDragStart={startDrag(el.id)} onDragOver={allowDrop} onDrop={onDropTo(ctx, { kind: 'before', elementId: el.id })}>
      <div className="as-el__body">
        <span className="as-el__name">{isHr ? <hr /> : name}</span>
        <span className="as-el__meta">
          <span className="badge">{typeName}</span> {code && <code>{code}</code>}
          {field?.required === true && <span className="as-required" aria-hidden="true">*</span>}
        </span>
      </div>
      <div className="as-el__tools">
        {(code || el.el.type === 'LABEL') && (
          <button
            type="button"
            className="as-icon-button"
            aria-label={s.editNamed(name)}
            data-focus-key={`${el.id}:edit`}
            onClick={() => (code ? ctx.actions.edit(code) : ctx.actions.editLabel(el.id, labelText(String(el.el.label ?? ''))))}
          >
            ⚙
          </button>
        )}
        {button('left', s.moveLeftNamed(name), '←')}
        {button('right', s.moveRightNamed(name), '→')}
        {button('up', s.moveUpNamed(name), '↑')}
        {button('down', s.moveDownNamed(name), '↓')}
        {(!field || !isColumnOf(ctx, el)) && (
          <button type="button" className="as-icon-button as-icon-button--danger" aria-label={s.deleteNamed(name)} onClick={() => ctx.actions.remove({ code, elementId: code ? null : el.id, name })}>
            ×
          </button>
        )}
      </div>
    </div>
  );
}

function isColumnOf(ctx: Ctx, el: El): boolean {
  return ctx.model.some((b) => b.type === 'SUBTABLE' && b.els.some((e) => e.id === el.id));
}

function BlockTools({ ctx, block, code, name }: { ctx: Ctx; block: Block; code: string; name: string }) {
  const s = useStrings(strings);
  const up = moveRow(ctx.model, block.id, 'up');
  const down = moveRow(ctx.model, block.id, 'down');
  return (
    <div className="as-el__tools">
      <button type="button" className="as-icon-button" aria-label={s.editNamed(name)} data-focus-key={`${block.id}:edit`} onClick={() => ctx.actions.edit(code)}>
        ⚙
      </button>
      <button type="button" className="as-icon-button" aria-label={s.moveUpNamed(name)} data-focus-key={`${block.id}:up`} disabled={!up} onClick={() => ctx.actions.apply(up, `${block.id}:up`)}>
        ↑
      </button>
      <button type="button" className="as-icon-button" aria-label={s.moveDownNamed(name)} data-focus-key={`${block.id}:down`} disabled={!down} onClick={() => ctx.actions.apply(down, `${block.id}:down`)}>
        ↓
      </button>
      <button type="button" className="as-icon-button as-icon-button--danger" aria-label={s.deleteNamed(name)} onClick={() => ctx.actions.remove({ code, elementId: null, name })}>
        ×
      </button>
    </div>
  );
}

function TableView({ ctx, table }: { ctx: Ctx; table: Table }) {
  const f = useStrings(formStrings);
  const name = ctx.actions.fields[table.code]?.label ?? table.code;
  return (
    <div className="as-box as-box--table">
      <div className="as-box__head" draggable onDragStart={startDrag(table.id)}>
        <span className="as-el__name">
          {name} <span className="badge">{f.types.SUBTABLE}</span> <code>{table.code}</code>
        </span>
        <BlockTools ctx={ctx} block={table} code={table.code} name={name} />
      </div>
      <div className="as-row as-row--table">
        {table.els.map((e) => (
          <ElementCard key={e.id} ctx={ctx} el={e} />
        ))}
      </div>
    </div>
  );
}

function GroupView({ ctx, group }: { ctx: Ctx; group: Group }) {
  const f = useStrings(formStrings);
  const name = ctx.actions.fields[group.code]?.label ?? group.code;
  return (
    <div className="as-box as-box--group">
      <div className="as-box__head" draggable onDragStart={startDrag(group.id)}>
        <span className="as-el__name">
          ▾ {name} <span className="badge">{f.types.GROUP}</span> <code>{group.code}</code>
        </span>
        <BlockTools ctx={ctx} block={group} code={group.code} name={name} />
      </div>
      <div className="as-box__body">
        {group.rows.length === 0 && <p className="field-hint">{f.groupEmpty}</p>}
        <DropZone ctx={ctx} target={{ kind: 'newRow', groupId: group.id, index: 0 }} />
        {group.rows.map((r, i) => (
          <div key={r.id}>
            <RowView ctx={ctx} row={r} />
            <DropZone ctx={ctx} target={{ kind: 'newRow', groupId: group.id, index: i + 1 }} />
          </div>
        ))}
      </div>
    </div>
  );
}
