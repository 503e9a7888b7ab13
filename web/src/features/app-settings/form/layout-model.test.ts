import { describe, expect, it } from 'vitest';
import type { LayoutRow, Property } from '../../../../../common/fields/index.js';
import { drop, fromLayout, moveElement, moveRow, removeCode, toLayout, type Model } from './layout-model';

const f = (code: string, type = 'SINGLE_LINE_TEXT') => ({ type, code, size: { width: '193' } });
const fields = (...codes: string[]): Record<string, Property> => Object.fromEntries(codes.map((c) => [c, { type: 'SINGLE_LINE_TEXT', code: c, label: c } as Property]));

const LAYOUT: LayoutRow[] = [
  { type: 'ROW', fields: [f('a'), f('b')] },
  { type: 'GROUP', code: 'g', layout: [{ type: 'ROW', fields: [f('c')] }] },
  { type: 'ROW', fields: [f('d')] },
];
const FIELDS = { ...fields('a', 'b', 'c', 'd'), g: { type: 'GROUP', code: 'g', label: 'G' } as Property };

/** The layout as text: rows `[a b]`, groups `g{[c]}`. */
function shape(m: Model | null): string {
  if (!m) return 'null';
  return toLayout(m)
    .map((r) => (r.type === 'ROW' ? `[${r.fields.map((e) => e.code).join(' ')}]` : r.type === 'GROUP' ? `${r.code}{${r.layout.map((x) => `[${x.fields.map((e) => e.code).join(' ')}]`).join(' ')}}` : `${r.code}<${r.fields.map((e) => e.code).join(' ')}>`))
    .join(' ');
}

function idOf(m: Model, code: string): string {
  for (const b of m) {
    const els = b.type === 'GROUP' ? b.rows.flatMap((r) => r.els) : b.els;
    const e = els.find((x) => x.el.code === code);
    if (e) return e.id;
  }
  throw new Error(code);
}

describe('layout model', () => {
  const m = fromLayout(LAYOUT, FIELDS);

  it('round-trips a layout and places fields the layout lacks at the end', () => {
    expect(shape(m)).toBe('[a b] g{[c]} [d]');
    expect(shape(fromLayout(LAYOUT, { ...FIELDS, ...fields('e') }))).toBe('[a b] g{[c]} [d] [e]');
  });

  it('moves an element left and right within its row and across rows', () => {
    expect(shape(moveElement(m, idOf(m, 'b'), 'left'))).toBe('[b a] g{[c]} [d]');
    expect(shape(moveElement(m, idOf(m, 'a'), 'left'))).toBe('null');
    const d = fromLayout([{ type: 'ROW', fields: [f('a')] }, { type: 'ROW', fields: [f('b')] }], fields('a', 'b'));
    expect(shape(moveElement(d, idOf(d, 'b'), 'left'))).toBe('[a b]');
    expect(shape(moveElement(d, idOf(d, 'a'), 'right'))).toBe('[a b]');
  });

  it('takes an element onto a row of its own, or moves its row when it is alone', () => {
    expect(shape(moveElement(m, idOf(m, 'b'), 'down'))).toBe('[a] [b] g{[c]} [d]');
    expect(shape(moveElement(m, idOf(m, 'a'), 'up'))).toBe('[a] [b] g{[c]} [d]');
    const down = moveElement(m, idOf(m, 'd'), 'up');
    expect(shape(down)).toBe('[a b] g{[c] [d]}');
  });

  it('steps rows into and out of groups', () => {
    const top = m[0]!.id;
    expect(shape(moveRow(m, top, 'down'))).toBe('g{[a b] [c]} [d]');
    const inner = (m[1] as Extract<Model[number], { type: 'GROUP' }>).rows[0]!.id;
    expect(shape(moveRow(m, inner, 'up'))).toBe('[a b] [c] g{} [d]');
    expect(shape(moveRow(m, inner, 'down'))).toBe('[a b] g{} [c] [d]');
    expect(shape(moveRow(m, m[1]!.id, 'up'))).toBe('g{[c]} [a b] [d]');
    expect(shape(moveRow(m, m[0]!.id, 'up'))).toBe('null');
  });

  it('drops an element before another, at a row end or on a new row', () => {
    expect(shape(drop(m, idOf(m, 'd'), { kind: 'before', elementId: idOf(m, 'a') }))).toBe('[d a b] g{[c]}');
    expect(shape(drop(m, idOf(m, 'a'), { kind: 'newRow', groupId: m[1]!.id, index: 1 }))).toBe('[b] g{[c] [a]} [d]');
    expect(shape(drop(m, idOf(m, 'c'), { kind: 'end', rowId: m[2]!.id }))).toBe('[a b] g{} [d c]');
    expect(drop(m, m[1]!.id, { kind: 'newRow', groupId: m[1]!.id, index: 0 })).toBeNull();
  });

  it('forgets a deleted field and its box', () => {
    expect(shape(removeCode(m, 'a'))).toBe('[b] g{[c]} [d]');
    expect(shape(removeCode(m, 'g'))).toBe('[a b] [d]');
  });
});
