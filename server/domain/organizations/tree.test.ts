import { describe, expect, it } from 'vitest';
import { cyclesAfter, isInCycle } from './tree.js';

// 1 ─┬─ 2 ── 4
//    └─ 3
// 5 (top level)
const tree = new Map<number, number | null>([
  [1, null],
  [2, 1],
  [3, 1],
  [4, 2],
  [5, null],
]);

describe('isInCycle', () => {
  it('finds none in a proper tree', () => {
    for (const id of tree.keys()) expect(isInCycle(tree, id), String(id)).toBe(false);
  });

  it('finds an organisation that is its own parent', () => {
    expect(isInCycle(new Map([[1, 1]]), 1)).toBe(true);
  });

  it('stops at a loop higher up that does not pass through the organisation', () => {
    const looped = new Map<number, number | null>([
      [1, 2],
      [2, 1],
      [3, 1],
    ]);
    expect(isInCycle(looped, 3)).toBe(false);
    expect(isInCycle(looped, 1)).toBe(true);
  });

  it('treats an unknown parent as the top of the tree', () => {
    expect(isInCycle(new Map([[1, 99]]), 1)).toBe(false);
  });
});

describe('cyclesAfter', () => {
  it.each([
    ['under its own grandchild', new Map([[1, 4]]), [1]],
    ['under its own child', new Map([[2, 4]]), [2]],
    ['under itself', new Map([[3, 3]]), [3]],
    ['two organisations under each other', new Map([[3, 5], [5, 3]]), [3, 5]],
  ])('refuses a move %s', (_name, moves, expected) => {
    expect([...cyclesAfter(tree, moves as Map<number, number | null>)].sort()).toEqual(expected);
  });

  it.each([
    ['to the top level', new Map([[4, null]])],
    ['under a sibling', new Map([[3, 2]])],
    ['a whole branch under another tree', new Map([[1, 5]])],
    ['a child up while its parent moves down', new Map<number, number | null>([[4, null], [2, 4]])],
  ])('allows a move %s', (_name, moves) => {
    expect(cyclesAfter(tree, moves as Map<number, number | null>).size).toBe(0);
  });
});
