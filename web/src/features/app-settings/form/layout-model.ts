// The form layout as the builder edits it: kintone's rows, tables and field groups, each block,
// row and element with an id of the session, so that moves (by drag or by the arrow buttons)
// name what moves rather than positions that shift under them. Pure; unit-tested.
import type { LayoutElement, LayoutRow, Property } from '../../../../../common/fields/index.js';

export interface El {
  id: string;
  el: LayoutElement;
}
export interface Row {
  id: string;
  type: 'ROW';
  els: El[];
}
export interface Table {
  id: string;
  type: 'SUBTABLE';
  code: string;
  els: El[];
}
export interface Group {
  id: string;
  type: 'GROUP';
  code: string;
  rows: Row[];
}
export type Block = Row | Table | Group;
export type Model = Block[];

let next = 0;
const newId = (p: string) => `${p}${++next}`;

const SYSTEM = new Set(['RECORD_NUMBER', 'CREATOR', 'CREATED_TIME', 'MODIFIER', 'UPDATED_TIME', 'CATEGORY', 'STATUS', 'STATUS_ASSIGNEE']);

export function element(el: LayoutElement): El {
  return { id: newId('e'), el };
}

export function row(els: El[]): Row {
  return { id: newId('r'), type: 'ROW', els };
}

/**
 * The saved layout as a model; fields the layout does not place yet are added at the end. Ids
 * follow the fields' codes, so the same field keeps its id when the layout is read again (the
 * builder puts keyboard focus back on the button that moved it).
 */
export function fromLayout(layout: readonly LayoutRow[], fields: Record<string, Property>): Model {
  let decorations = 0;
  const elOf = (el: LayoutElement): El => ({ id: typeof el.code === 'string' ? `f:${el.code}` : `d:${++decorations}`, el });
  const rowOf = (els: El[]): Row => ({ id: `r:${els[0]?.id ?? newId('empty')}`, type: 'ROW', els });
  const model: Model = layout.map((r): Block => {
    if (r.type === 'ROW') return rowOf(r.fields.map(elOf));
    if (r.type === 'SUBTABLE') return { id: `t:${r.code}`, type: 'SUBTABLE', code: r.code, els: r.fields.map(elOf) };
    return { id: `g:${r.code}`, type: 'GROUP', code: r.code, rows: r.layout.map((x) => rowOf(x.fields.map(elOf))) };
  });
  const placed = new Set<string>();
  forEachElement(model, (e) => typeof e.el.code === 'string' && placed.add(e.el.code));
  for (const b of model) if (b.type !== 'ROW') placed.add(b.code);
  for (const p of Object.values(fields)) {
    if (SYSTEM.has(p.type) || placed.has(p.code)) continue;
    model.push(blockFor(p));
  }
  // A table's columns added since the layout was saved.
  for (const b of model) {
    if (b.type !== 'SUBTABLE') continue;
    const inner = fields[b.code]?.fields as Record<string, Property> | undefined;
    const have = new Set(b.els.map((e) => e.el.code));
    for (const q of Object.values(inner ?? {})) if (!have.has(q.code)) b.els.push({ id: `f:${q.code}`, el: { type: q.type, code: q.code } });
    b.els = b.els.filter((e) => inner && typeof e.el.code === 'string' && inner[e.el.code]);
  }
  return model;
}

/** The block a new field gets: its own row, or a table or group box. */
export function blockFor(p: Property): Block {
  if (p.type === 'SUBTABLE') {
    const inner = Object.values((p.fields as Record<string, Property> | undefined) ?? {});
    return { id: `t:${p.code}`, type: 'SUBTABLE', code: p.code, els: inner.map((q) => ({ id: `f:${q.code}`, el: { type: q.type, code: q.code } })) };
  }
  if (p.type === 'GROUP') return { id: `g:${p.code}`, type: 'GROUP', code: p.code, rows: [] };
  return row([{ id: `f:${p.code}`, el: { type: p.type, code: p.code } }]);
}

export function toLayout(model: Model): LayoutRow[] {
  const els = (list: El[]) => list.map((e) => e.el);
  return model
    .map((b): LayoutRow => {
      if (b.type === 'ROW') return { type: 'ROW', fields: els(b.els) };
      if (b.type === 'SUBTABLE') return { type: 'SUBTABLE', code: b.code, fields: els(b.els) };
      return { type: 'GROUP', code: b.code, layout: b.rows.filter((r) => r.els.length).map((r) => ({ type: 'ROW', fields: els(r.els) })) };
    })
    .filter((r) => r.type !== 'ROW' || r.fields.length > 0);
}

export function forEachElement(model: Model, fn: (e: El) => void): void {
  for (const b of model) {
    if (b.type === 'ROW' || b.type === 'SUBTABLE') b.els.forEach(fn);
    else for (const r of b.rows) r.els.forEach(fn);
  }
}

function clone(model: Model): Model {
  return structuredClone(model);
}

/** The list of rows an element's row sits in (the top level or a group's), and where. */
interface ElementPlace {
  rows: Block[];
  rowIndex: number;
  row: Row | Table;
  index: number;
  group: Group | null;
}

function locate(model: Model, id: string): ElementPlace | null {
  for (const [bi, b] of model.entries()) {
    if (b.type === 'ROW' || b.type === 'SUBTABLE') {
      const i = b.els.findIndex((e) => e.id === id);
      if (i >= 0) return { rows: model, rowIndex: bi, row: b, index: i, group: null };
    } else {
      for (const [ri, r] of b.rows.entries()) {
        const i = r.els.findIndex((e) => e.id === id);
        if (i >= 0) return { rows: b.rows, rowIndex: ri, row: r, index: i, group: b };
      }
    }
  }
  return null;
}

/** Where a row or block sits: in the top level, or in a group's rows. */
function locateRow(model: Model, id: string): { rows: Block[]; index: number; group: Group | null; groupIndex: number } | null {
  for (const [bi, b] of model.entries()) {
    if (b.id === id) return { rows: model, index: bi, group: null, groupIndex: -1 };
    if (b.type === 'GROUP') {
      const i = b.rows.findIndex((r) => r.id === id);
      if (i >= 0) return { rows: b.rows, index: i, group: b, groupIndex: bi };
    }
  }
  return null;
}

function tidy(model: Model): Model {
  for (const b of model) if (b.type === 'GROUP') b.rows = b.rows.filter((r) => r.els.length > 0);
  return model.filter((b) => b.type !== 'ROW' || b.els.length > 0);
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/**
 * One step of an element by the arrow buttons. Left and right move it within its row and, at
 * the row's end, onto the neighbouring row; up and down take it out onto a row of its own
 * above or below — or, when it is alone, move its whole row. A table's columns only go left
 * and right inside their table. Null when the step leads nowhere.
 */
export function moveElement(model: Model, id: string, dir: Direction): Model | null {
  const m = clone(model);
  const at = locate(m, id);
  if (!at) return null;
  const { row: r, index, rows, rowIndex } = at;
  if (r.type === 'SUBTABLE') {
    const to = dir === 'left' ? index - 1 : dir === 'right' ? index + 1 : -1;
    if (to < 0 || to >= r.els.length) return null;
    const [e] = r.els.splice(index, 1);
    r.els.splice(to, 0, e!);
    return m;
  }
  if (dir === 'left' || dir === 'right') {
    const to = dir === 'left' ? index - 1 : index + 1;
    if (to >= 0 && to < r.els.length) {
      const [e] = r.els.splice(index, 1);
      r.els.splice(to, 0, e!);
      return m;
    }
    const neighbour = rows[dir === 'left' ? rowIndex - 1 : rowIndex + 1];
    if (!neighbour || neighbour.type !== 'ROW') return null;
    const [e] = r.els.splice(index, 1);
    if (dir === 'left') neighbour.els.push(e!);
    else neighbour.els.unshift(e!);
    return tidy(m);
  }
  if (r.els.length === 1) return moveRow(model, r.id, dir);
  const [e] = r.els.splice(index, 1);
  rows.splice(dir === 'up' ? rowIndex : rowIndex + 1, 0, row([e!]));
  return m;
}

/**
 * A whole row, table or group one step up or down. A row steps into a field group it meets
 * and out of the group at its edges, so every place on the form is reachable by steps.
 */
export function moveRow(model: Model, id: string, dir: 'up' | 'down'): Model | null {
  const m = clone(model);
  const at = locateRow(m, id);
  if (!at) return null;
  const [b] = at.rows.splice(at.index, 1);
  const block = b!;
  if (at.group) {
    const inside = dir === 'up' ? at.index - 1 : at.index + 1;
    if (inside >= 0 && inside <= at.rows.length && !(dir === 'down' && at.index === at.rows.length)) {
      at.rows.splice(inside, 0, block);
      return m;
    }
    m.splice(dir === 'up' ? at.groupIndex : at.groupIndex + 1, 0, block);
    return m;
  }
  const to = dir === 'up' ? at.index - 1 : at.index;
  const neighbour = m[to];
  if (!neighbour) return null;
  if (block.type === 'ROW' && neighbour.type === 'GROUP') {
    if (dir === 'up') neighbour.rows.push(block);
    else neighbour.rows.unshift(block);
    return m;
  }
  m.splice(dir === 'up' ? to : to + 1, 0, block);
  return m;
}

export type DropTarget = { kind: 'before'; elementId: string } | { kind: 'end'; rowId: string } | { kind: 'newRow'; groupId: string | null; index: number };

function take(m: Model, dragId: string): { el: El } | { block: Block } | null {
  const at = locate(m, dragId);
  if (at) {
    if (at.row.type === 'SUBTABLE') return null;
    return { el: at.row.els.splice(at.index, 1)[0]! };
  }
  const r = locateRow(m, dragId);
  if (r) return { block: r.rows.splice(r.index, 1)[0]! };
  return null;
}

/**
 * Drag and drop: an element onto another (before it) or to the end of a row, or an element or
 * a block into a new row at a place in the top level or in a group. Tables and groups only go
 * to the top level; table columns stay in their table.
 */
export function drop(model: Model, dragId: string, target: DropTarget): Model | null {
  const m = clone(model);
  if (target.kind === 'before' && target.elementId === dragId) return null;
  const taken = take(m, dragId);
  if (!taken) return null;
  if ('block' in taken && taken.block.type !== 'ROW' && (target.kind !== 'newRow' || target.groupId !== null)) return null;
  if (target.kind === 'newRow') {
    const rows: Block[] | null = target.groupId === null ? m : ((m.find((b) => b.id === target.groupId) as Group | undefined)?.rows ?? null);
    if (!rows) return null;
    const b: Block = 'el' in taken ? row([taken.el]) : taken.block;
    rows.splice(Math.min(target.index, rows.length), 0, b);
    return tidy(m);
  }
  const els = 'el' in taken ? [taken.el] : (taken.block as Row).els;
  if (target.kind === 'end') {
    const r = locateRow(m, target.rowId);
    const dest = r?.rows[r.index];
    if (!dest || dest.type !== 'ROW') return null;
    dest.els.push(...els);
    return tidy(m);
  }
  const at = locate(m, target.elementId);
  if (!at || at.row.type === 'SUBTABLE') return null;
  at.row.els.splice(at.index, 0, ...els);
  return tidy(m);
}

/** The model without a field (deleted) and, for a table or group, its box. */
export function removeCode(model: Model, code: string): Model {
  const m = clone(model).filter((b) => b.type === 'ROW' || b.code !== code);
  for (const b of m) {
    if (b.type === 'ROW' || b.type === 'SUBTABLE') b.els = b.els.filter((e) => e.el.code !== code);
    else for (const r of b.rows) r.els = r.els.filter((e) => e.el.code !== code);
  }
  return tidy(m);
}

export function removeElement(model: Model, id: string): Model {
  const m = clone(model);
  const at = locate(m, id);
  if (at) at.row.els.splice(at.index, 1);
  return tidy(m);
}

export function append(model: Model, block: Block): Model {
  return [...clone(model), block];
}

/** Replaces one element's layout entry (a label's text, a size). */
export function updateElement(model: Model, id: string, el: LayoutElement): Model {
  const m = clone(model);
  const at = locate(m, id);
  if (at) at.row.els[at.index] = { id, el };
  return m;
}
