// Checks shared by the settings that name people and record conditions: permissions
// (record/acl, field/acl, app/acl) and process management (app/status). Each answers problems
// as `errors` entries; the caller decides the keys' prefixes and throws.
import { EVERYONE } from '../../../common/api/acl.js';
import type { Property } from '../../../common/fields/index.js';
import { parseQuery, QueryError } from '../../../common/query/index.js';
import { codeKey } from '../../storage/users.repo.js';
import type { FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';

export type NamedEntity = { type: string; code: string | null };

/** Users, groups and departments named that do not exist, as `<at>.entity.code` problems. */
export async function unknownEntities(ctx: Ctx, entities: Array<{ at: string; entity: NamedEntity }>): Promise<Record<string, FieldProblem[]>> {
  const wanted = { USER: new Set<string>(), GROUP: new Set<string>(), ORGANIZATION: new Set<string>() };
  for (const { entity } of entities) {
    if (entity.code !== null && entity.type in wanted) wanted[entity.type as keyof typeof wanted].add(codeKey(entity.code));
  }
  wanted.GROUP.delete(EVERYONE);
  const tables = { USER: 'users', GROUP: 'groups', ORGANIZATION: 'organizations' } as const;
  const found = { USER: new Set<string>(), GROUP: new Set<string>([EVERYONE]), ORGANIZATION: new Set<string>() };
  for (const type of Object.keys(tables) as Array<keyof typeof tables>) {
    if (wanted[type].size === 0) continue;
    const rows = await ctx.db.selectFrom(tables[type]).select('codeKey').where('domainId', '=', ctx.actor.domainId).where('codeKey', 'in', [...wanted[type]]).execute();
    for (const r of rows) found[type].add(r.codeKey);
  }
  const problems: Record<string, FieldProblem[]> = {};
  for (const { at, entity } of entities) {
    if (entity.code === null || !(entity.type in found)) continue;
    if (!found[entity.type as keyof typeof found].has(codeKey(entity.code))) problems[`${at}.entity.code`] = [{ key: 'aclEntityNotFound' }];
  }
  return problems;
}

/** kintone refuses these in record conditions (permissions, process actions). */
const NOT_IN_CONDITIONS = new Set(['MULTI_LINE_TEXT', 'RICH_TEXT', 'FILE', 'REFERENCE_TABLE']);

/** What is wrong with a record condition (`filterCond`) over these fields, or null. Empty: every record. */
export function conditionProblem(fields: Record<string, Property>, filterCond: string): FieldProblem | null {
  if (filterCond.trim() === '') return null;
  try {
    const q = parseQuery(filterCond);
    if (q.orderBy.length || q.limit !== null || q.offset !== null) return { key: 'invalid' };
    const codes: string[] = [];
    const walk = (e: NonNullable<typeof q.where>): void => {
      if (e.kind === 'and' || e.kind === 'or') e.items.forEach(walk);
      else codes.push(e.field.code);
    };
    if (q.where) walk(q.where);
    const all = flatFields(fields);
    for (const code of codes) {
      const p = all[code];
      if (code.startsWith('$')) continue;
      if (!p) return { key: 'aclFieldNotFound' };
      if (NOT_IN_CONDITIONS.has(p.type)) return { key: 'aclConditionField' };
    }
    return null;
  } catch (e) {
    if (e instanceof QueryError) return { key: 'invalid' };
    throw e;
  }
}

/** Top-level fields and table columns by code (codes are app-wide). */
export function flatFields(fields: Record<string, Property>): Record<string, Property> {
  const out: Record<string, Property> = { ...fields };
  for (const p of Object.values(fields)) if (p.type === 'SUBTABLE' && p.fields) Object.assign(out, p.fields as Record<string, Property>);
  return out;
}
