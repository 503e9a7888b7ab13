// Who the entities of a notification setting, or a comment's mentions, name: users as they
// are; groups and departments expanded to their members (sub-departments on request; the
// built-in Everyone group is the domain's own users); a field of the record read for its
// users, departments or groups, its creator, modifier or assignees. Suspended users hear
// nothing. One fan-out asks the directory a handful of questions however many records and
// entities it covers.
import { EVERYONE } from '../../../common/api/acl.js';
import { fromDb } from '../../storage/dialect.js';
import type { StoredRecord } from '../../storage/records.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import type { Ctx } from '../context.js';
import type { AppDefinition } from '../apps/definition.js';
import type { NotificationTarget } from './settings-model.js';
import { entityCodes } from '../records/entities.js';

export type PeopleRef =
  | { type: 'USER'; code: string }
  | { type: 'GROUP'; code: string }
  | { type: 'ORGANIZATION'; code: string; includeSubs: boolean }
  | { type: 'ID'; id: number };

/** Who hears of one event: user id → whether it is "to me". "To me" wins over "All". */
export class Audience {
  readonly users = new Map<number, boolean>();
  add(ids: Iterable<number>, toMe: boolean): void {
    for (const id of ids) this.users.set(id, toMe || this.users.get(id) === true);
  }
}

/** The people a target names for this record (a static entity names the same people for any). */
export function refsOf(def: AppDefinition, t: Pick<NotificationTarget, 'entity' | 'includeSubs'>, record: Pick<StoredRecord, 'data' | 'creatorId' | 'modifierId'> | null): PeopleRef[] {
  const { type, code } = t.entity;
  if (type === 'USER') return [{ type, code }];
  if (type === 'GROUP') return [{ type, code }];
  if (type === 'ORGANIZATION') return [{ type, code, includeSubs: t.includeSubs }];
  const p = def.fields[code];
  const id = def.fieldIds[code];
  if (!p || !record) return [];
  switch (p.type) {
    case 'CREATOR':
      return [{ type: 'ID', id: record.creatorId }];
    case 'MODIFIER':
      return [{ type: 'ID', id: record.modifierId }];
    case 'USER_SELECT':
    case 'STATUS_ASSIGNEE':
      return entityCodes(record.data[id ?? '']).map((c) => ({ type: 'USER' as const, code: c }));
    case 'GROUP_SELECT':
      return entityCodes(record.data[id ?? '']).map((c) => ({ type: 'GROUP' as const, code: c }));
    case 'ORGANIZATION_SELECT':
      return entityCodes(record.data[id ?? '']).map((c) => ({ type: 'ORGANIZATION' as const, code: c, includeSubs: t.includeSubs }));
    default:
      return [];
  }
}

function refKey(r: PeopleRef): string {
  switch (r.type) {
    case 'ID':
      return `ID:${r.id}`;
    case 'ORGANIZATION':
      return `ORGANIZATION:${r.includeSubs ? 1 : 0}:${codeKey(r.code)}`;
    default:
      return `${r.type}:${codeKey(r.code)}`;
  }
}

/** Resolves many references at once; `usersOf` then answers for any of them. */
export async function resolvePeople(ctx: Ctx, domainId: string, refs: PeopleRef[]): Promise<{ usersOf(ref: PeopleRef): number[] }> {
  const byKey = new Map<string, number[]>();
  const want = { user: new Set<string>(), group: new Set<string>(), org: new Set<string>() };
  const ids = new Set<number>();
  let subs = false;
  for (const r of refs) {
    if (r.type === 'ID') ids.add(r.id);
    else if (r.type === 'USER') want.user.add(codeKey(r.code));
    else if (r.type === 'GROUP') want.group.add(codeKey(r.code));
    else {
      want.org.add(codeKey(r.code));
      subs ||= r.includeSubs;
    }
  }
  const userByCode = new Map<string, number>();
  if (want.user.size) {
    const rows = await ctx.db.selectFrom('users').select(['id', 'codeKey']).where('domainId', '=', domainId).where('codeKey', 'in', [...want.user]).execute();
    for (const r of rows) userByCode.set(r.codeKey, Number(r.id));
  }
  const groupMembers = new Map<string, number[]>();
  if (want.group.has(EVERYONE)) {
    // Everyone is the domain's own users; guests are never part of it.
    const rows = await ctx.db.selectFrom('users').select('id').where('domainId', '=', domainId).where('kind', '=', 'user').execute();
    groupMembers.set(EVERYONE, rows.map((r) => Number(r.id)));
  }
  const groups = [...want.group].filter((k) => k !== EVERYONE);
  if (groups.length) {
    const rows = await ctx.db
      .selectFrom('groupUsers as m')
      .innerJoin('groups as g', (j) => j.onRef('g.domainId', '=', 'm.domainId').onRef('g.id', '=', 'm.groupId'))
      .select(['g.codeKey', 'm.userId'])
      .where('m.domainId', '=', domainId)
      .where('g.codeKey', 'in', groups)
      .execute();
    for (const r of rows) groupMembers.set(r.codeKey, [...(groupMembers.get(r.codeKey) ?? []), Number(r.userId)]);
  }
  const orgMembers = await departmentMembers(ctx, domainId, [...want.org], subs);
  const valid = await validUsers(ctx, domainId, [...ids, ...userByCode.values(), ...[...groupMembers.values()].flat(), ...[...orgMembers.values()].flatMap((m) => [...m.own, ...m.below])]);
  const usersOf = (r: PeopleRef): number[] => {
    const key = refKey(r);
    let found = byKey.get(key);
    if (!found) {
      let list: number[];
      if (r.type === 'ID') list = [r.id];
      else if (r.type === 'USER') list = userByCode.has(codeKey(r.code)) ? [userByCode.get(codeKey(r.code))!] : [];
      else if (r.type === 'GROUP') list = groupMembers.get(codeKey(r.code)) ?? [];
      else {
        const m = orgMembers.get(codeKey(r.code));
        list = m ? (r.includeSubs ? [...m.own, ...m.below] : m.own) : [];
      }
      found = [...new Set(list)].filter((id) => valid.has(id));
      byKey.set(key, found);
    }
    return found;
  };
  return { usersOf };
}

/** Per department code: its members, and the members of departments below it. */
async function departmentMembers(ctx: Ctx, domainId: string, keys: string[], subs: boolean): Promise<Map<string, { own: number[]; below: number[] }>> {
  const out = new Map<string, { own: number[]; below: number[] }>();
  if (keys.length === 0) return out;
  const orgs = await ctx.db.selectFrom('organizations').select(['id', 'codeKey', 'parentId']).where('domainId', '=', domainId).execute();
  const idOf = new Map(orgs.map((o) => [o.codeKey, Number(o.id)]));
  const children = new Map<number, number[]>();
  for (const o of orgs) if (o.parentId != null) children.set(Number(o.parentId), [...(children.get(Number(o.parentId)) ?? []), Number(o.id)]);
  const below = (root: number): number[] => {
    const seen = new Set<number>();
    const stack = [...(children.get(root) ?? [])];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue; // a malformed cycle must not loop
      seen.add(id);
      stack.push(...(children.get(id) ?? []));
    }
    return [...seen];
  };
  const roots = keys.flatMap((k) => (idOf.has(k) ? [{ key: k, id: idOf.get(k)!, below: subs ? below(idOf.get(k)!) : [] }] : []));
  const all = [...new Set(roots.flatMap((r) => [r.id, ...r.below]))];
  if (all.length === 0) return out;
  const rows = await ctx.db.selectFrom('userOrganizations').select(['organizationId', 'userId']).where('domainId', '=', domainId).where('organizationId', 'in', all).execute();
  const members = new Map<number, number[]>();
  for (const r of rows) members.set(Number(r.organizationId), [...(members.get(Number(r.organizationId)) ?? []), Number(r.userId)]);
  for (const r of roots) out.set(r.key, { own: members.get(r.id) ?? [], below: r.below.flatMap((id) => members.get(id) ?? []) });
  return out;
}

async function validUsers(ctx: Ctx, domainId: string, ids: number[]): Promise<Set<number>> {
  const wanted = [...new Set(ids)].filter((id) => id > 0);
  if (wanted.length === 0) return new Set();
  const out = new Set<number>();
  for (let i = 0; i < wanted.length; i += 1000) {
    const rows = await ctx.db.selectFrom('users').select(['id', 'valid']).where('domainId', '=', domainId).where('id', 'in', wanted.slice(i, i + 1000)).execute();
    for (const r of rows) if (fromDb.bool(r.valid)) out.add(Number(r.id));
  }
  return out;
}
