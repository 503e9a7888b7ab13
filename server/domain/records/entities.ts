// Users, departments and groups named in a record must exist in the domain. Unknown codes are
// reported on the field that holds them, the same way whether or not the code exists elsewhere.
import type { Property, StoredValue } from '../../../common/fields/index.js';
import type { FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { codeKey } from '../../storage/users.repo.js';

export type Kind = 'user' | 'organization' | 'group';
/** Field types whose values name users, departments or groups (not assignees: those are never written). */
export const KIND_OF: Record<string, Kind> = { USER_SELECT: 'user', ORGANIZATION_SELECT: 'organization', GROUP_SELECT: 'group' };
export const TABLE_OF = { user: 'users', organization: 'organizations', group: 'groups' } as const;

/** Which of `codes` exist, per kind, lower-cased. */
export async function existingEntities(ctx: Ctx, codes: Record<Kind, Set<string>>): Promise<Record<Kind, Set<string>>> {
  const out: Record<Kind, Set<string>> = { user: new Set(), organization: new Set(), group: new Set() };
  for (const kind of Object.keys(codes) as Kind[]) {
    const keys = [...codes[kind]].map(codeKey);
    if (keys.length === 0) continue;
    const rows = await ctx.db
      .selectFrom(TABLE_OF[kind])
      .select('codeKey')
      .where('domainId', '=', ctx.actor.domainId)
      .where('codeKey', 'in', keys)
      .execute();
    for (const r of rows) out[kind].add(r.codeKey);
  }
  return out;
}

/** Problems for entity values whose codes do not exist, keyed like kintone's other value errors. */
export function unknownEntityProblems(
  fields: Record<string, Property>,
  values: Record<string, StoredValue>,
  known: Record<Kind, Set<string>>,
  prefix: string,
  sent: Record<Kind, Set<string>>,
): Record<string, FieldProblem[]> {
  const problems: Record<string, FieldProblem[]> = {};
  // Nearly always every code sent exists: then there is nothing to look for.
  let unknown = false;
  for (const kind of KINDS) for (const code of sent[kind]) if (!known[kind].has(codeKey(code))) unknown = true;
  if (unknown) visit(fields, values, { known, sent, problems, prefix }, (c) => `${prefix}.${c}`);
  return problems;
}

const KINDS: Kind[] = ['user', 'organization', 'group'];

type Search = { known: Record<Kind, Set<string>>; sent: Record<Kind, Set<string>>; problems: Record<string, FieldProblem[]>; prefix: string };

function visit(props: Record<string, Property>, vals: Record<string, StoredValue>, s: Search, at: (code: string) => string): void {
  for (const p of Object.values(props)) {
    const kind = KIND_OF[p.type];
    const v = vals[p.code];
    if (kind && Array.isArray(v)) {
      (v as Array<{ code: string }>).forEach((e, i) => {
        if (s.sent[kind].has(e.code) && !s.known[kind].has(codeKey(e.code))) s.problems[`${at(p.code)}.values[${i}].value`] = [{ key: 'notFound' }];
      });
    }
    if (p.type === 'SUBTABLE' && Array.isArray(v)) {
      (v as Array<{ value: Record<string, StoredValue> }>).forEach((row, r) =>
        visit((p.fields ?? {}) as Record<string, Property>, row.value, s, (c) => `${s.prefix}.${p.code}.value[${r}].value.${c}`),
      );
    }
  }
}

/** The codes, as stored, of the users, departments or groups a stored selection value names. */
export function entityCodes(v: unknown): string[] {
  return Array.isArray(v) ? (v as Array<{ code?: unknown } | null>).flatMap((e) => (e && typeof e.code === 'string' ? [e.code] : [])) : [];
}
