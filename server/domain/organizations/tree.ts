// The department tree as a plain child → parent map, so the rules about its shape can be
// checked without a database.

export type ParentMap = ReadonlyMap<number, number | null>;

/** True when walking up the parents from `id` comes back to `id`. */
export function isInCycle(parentOf: ParentMap, id: number): boolean {
  const seen = new Set<number>();
  let current = parentOf.get(id) ?? null;
  while (current !== null) {
    if (current === id) return true;
    // A loop higher up that does not pass through `id` is someone else's cycle; stop walking.
    if (seen.has(current)) return false;
    seen.add(current);
    current = parentOf.get(current) ?? null;
  }
  return false;
}

/** Ids among `moved` that would sit in a cycle once every move in `moves` is applied. */
export function cyclesAfter(parentOf: ParentMap, moves: ReadonlyMap<number, number | null>): Set<number> {
  const next = new Map(parentOf);
  for (const [id, parent] of moves) next.set(id, parent);
  return new Set([...moves.keys()].filter((id) => isInCycle(next, id)));
}
