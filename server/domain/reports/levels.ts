// How each group level's keys are ordered, answered and named: options and statuses in their
// settings' order, numbers by value, periods and texts as text; users, departments and groups by
// code, named with today's names (creators and modifiers are kept as user ids, answered as codes).
import type { Property } from '../../../common/fields/index.js';
import type { AppDefinition } from '../apps/definition.js';
import type { Ctx } from '../context.js';
import { loadNames } from '../directory/cache.js';
import { type Kind, KIND_OF } from '../records/entities.js';
import { codeKey } from '../../storage/users.repo.js';
import { type Exact, compareExact, parseExact } from './exact.js';
import { periodLabel } from './periods.js';
import type { PlannedGroup } from './plan.js';
import type { LevelView } from './shape.js';
import type { Tally } from './tally.js';

const ENTITY_KIND: Record<string, Kind> = { ...KIND_OF, STATUS_ASSIGNEE: 'user' };
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byIndex(order: string[]): (a: string, b: string) => number {
  const at = new Map(order.map((k, i) => [k, i]));
  // A value no longer among the settings (an option since removed) comes after the others.
  return (a, b) => (at.get(a) ?? order.length) - (at.get(b) ?? order.length) || byText(a, b);
}

function naturalOrder(g: PlannedGroup, def: AppDefinition): (a: string, b: string) => number {
  switch (g.kind) {
    case 'number': {
      const parsed = new Map<string, Exact | null>();
      const value = (k: string) => {
        if (!parsed.has(k)) parsed.set(k, parseExact(k));
        return parsed.get(k)!;
      };
      return (a, b) => {
        const [x, y] = [value(a), value(b)];
        return x && y ? compareExact(x, y) : byText(a, b);
      };
    }
    case 'option': {
      const options = (g.field.options ?? {}) as Record<string, { index?: string }>;
      return byIndex(Object.keys(options).sort((a, b) => Number(options[a]?.index ?? 0) - Number(options[b]?.index ?? 0)));
    }
    case 'options':
      return g.field.type === 'CATEGORY' ? byText : naturalOrder({ ...g, kind: 'option' }, def);
    case 'status':
      return byIndex((def.process?.states ?? []).map((s) => s.name));
    default:
      return byText;
  }
}

/** Every key met at each level (the last key of each bucket of that depth). */
function keysAt(tally: Tally, level: number): Set<string> {
  const out = new Set<string>();
  for (const { keys } of tally.levels[level]!.values()) out.add(keys[level]!);
  return out;
}

export async function levelViews(ctx: Ctx, def: AppDefinition, directoryVersion: number, groups: PlannedGroup[], tally: Tally): Promise<LevelView[]> {
  const codes: Record<Kind, Set<string>> = { user: new Set(), organization: new Set(), group: new Set() };
  const userIds = new Set<number>();
  groups.forEach((g, level) => {
    if (g.kind === 'entity') for (const k of keysAt(tally, level)) codes[ENTITY_KIND[g.field.type] ?? 'user'].add(codeKey(k));
    if (g.kind === 'user') for (const k of keysAt(tally, level)) if (Number(k) > 0) userIds.add(Number(k));
  });
  const names = await loadNames(ctx, directoryVersion, codes, userIds);
  const userCode = (k: string) => (Number(k) > 0 ? names.userCode(Number(k)) : 'Administrator');
  return groups.map((g): LevelView => {
    const base = { field: g.field as Property, kind: g.kind, ...(g.per ? { per: g.per } : {}) };
    if (g.kind === 'user') {
      return { ...base, order: (a, b) => byText(userCode(a), userCode(b)), key: userCode, label: (k) => names.name('user', userCode(k)) ?? userCode(k) };
    }
    const kind = ENTITY_KIND[g.field.type];
    const label = g.kind === 'entity' && kind ? (k: string) => names.name(kind, k) ?? k : (k: string) => periodLabel(k, g.per);
    return { ...base, order: naturalOrder(g, def), key: (k) => k, label };
  });
}
