// Who the entities of a process setting name, for one record: the users a status may be
// assigned to (groups and departments expanded to their members, sub-departments included on
// request, a field of the record read for its users, departments or groups), and whether the
// caller is among the users an action names.
import { EVERYONE } from '../../../common/api/acl.js';
import type { ProcessEntity } from '../../../common/api/process.js';
import type { StoredValue } from '../../../common/fields/index.js';
import { namesPrincipal } from '../../policy/principal.js';
import type { App } from '../../storage/apps.repo.js';
import { fromDb } from '../../storage/dialect.js';
import { codeKey } from '../../storage/users.repo.js';
import type { Ctx } from '../context.js';
import { loadPrincipal } from '../directory/cache.js';
import type { AppDefinition } from '../apps/definition.js';
import { entityCodes } from '../records/entities.js';

/** What the people of a setting are read against: the app, its live definition, the record. */
export interface ProcessTarget {
  app: App;
  def: AppDefinition;
}

export interface RecordFacts {
  data: Record<string, StoredValue>;
  creatorId: number;
  modifierId: number;
}

/** Field types a FIELD_ENTITY may name in process settings. */
export const PEOPLE_FIELD_TYPES: ReadonlySet<string> = new Set(['USER_SELECT', 'ORGANIZATION_SELECT', 'GROUP_SELECT', 'CREATOR', 'MODIFIER']);

type Source =
  | { kind: 'users'; keys: string[] }
  | { kind: 'ids'; ids: number[] }
  | { kind: 'groups'; keys: string[] }
  | { kind: 'orgs'; keys: string[]; includeSubs: boolean };

function codesIn(v: StoredValue | undefined): string[] {
  return entityCodes(v).map(codeKey);
}

/** Each entity as where its users come from, in order. */
function sourcesOf(t: ProcessTarget, entities: ProcessEntity[], record: RecordFacts): Source[] {
  const out: Source[] = [];
  for (const { entity, includeSubs } of entities) {
    const code = entity.code;
    switch (entity.type) {
      case 'USER':
        if (code) out.push({ kind: 'users', keys: [codeKey(code)] });
        break;
      case 'GROUP':
        if (code) out.push({ kind: 'groups', keys: [codeKey(code)] });
        break;
      case 'ORGANIZATION':
        if (code) out.push({ kind: 'orgs', keys: [codeKey(code)], includeSubs });
        break;
      case 'CREATOR':
        out.push({ kind: 'ids', ids: [t.app.creatorId] });
        break;
      case 'FIELD_ENTITY': {
        const p = code ? t.def.fields[code] : undefined;
        const id = code ? t.def.fieldIds[code] : undefined;
        if (!p) break;
        if (p.type === 'CREATOR') out.push({ kind: 'ids', ids: [record.creatorId] });
        else if (p.type === 'MODIFIER') out.push({ kind: 'ids', ids: [record.modifierId] });
        else if (id && p.type === 'USER_SELECT') out.push({ kind: 'users', keys: codesIn(record.data[id]) });
        else if (id && p.type === 'GROUP_SELECT') out.push({ kind: 'groups', keys: codesIn(record.data[id]) });
        else if (id && p.type === 'ORGANIZATION_SELECT') out.push({ kind: 'orgs', keys: codesIn(record.data[id]), includeSubs });
        break;
      }
      default:
        // CUSTOM_FIELD (profile items) is refused when settings are saved.
        break;
    }
  }
  return out;
}

/**
 * The login names of the active users the entities name for this record, each once, in the
 * order the entities list them (members of one group or department by user id).
 */
export async function candidatesOf(ctx: Ctx, t: ProcessTarget, entities: ProcessEntity[], record: RecordFacts): Promise<string[]> {
  const domainId = t.app.domainId;
  const lists: number[][] = [];
  let orgTree: Map<number, number | null> | null = null;
  for (const s of sourcesOf(t, entities, record)) {
    if (s.kind === 'ids') lists.push(s.ids);
    else if (s.kind === 'users') {
      if (s.keys.length === 0) continue;
      const rows = await ctx.db.selectFrom('users').select('id').where('domainId', '=', domainId).where('codeKey', 'in', s.keys).orderBy('id').execute();
      lists.push(rows.map((r) => Number(r.id)));
    } else if (s.kind === 'groups') {
      if (s.keys.includes(EVERYONE)) {
        // Everyone is the domain's own users; guests are never part of it.
        const rows = await ctx.db.selectFrom('users').select('id').where('domainId', '=', domainId).where('kind', '=', 'user').orderBy('id').execute();
        lists.push(rows.map((r) => Number(r.id)));
        continue;
      }
      if (s.keys.length === 0) continue;
      const rows = await ctx.db
        .selectFrom('groupUsers as m')
        .innerJoin('groups as g', (j) => j.onRef('g.domainId', '=', 'm.domainId').onRef('g.id', '=', 'm.groupId'))
        .select('m.userId')
        .where('m.domainId', '=', domainId)
        .where('g.codeKey', 'in', s.keys)
        .orderBy('m.userId')
        .execute();
      lists.push(rows.map((r) => Number(r.userId)));
    } else {
      if (s.keys.length === 0) continue;
      const named = await ctx.db.selectFrom('organizations').select(['id']).where('domainId', '=', domainId).where('codeKey', 'in', s.keys).execute();
      let ids = named.map((r) => Number(r.id));
      if (s.includeSubs && ids.length) {
        orgTree ??= await loadOrgTree(ctx, domainId);
        ids = descendantsOf(orgTree, ids);
      }
      if (ids.length === 0) continue;
      const rows = await ctx.db
        .selectFrom('userOrganizations')
        .select('userId')
        .where('domainId', '=', domainId)
        .where('organizationId', 'in', ids)
        .orderBy('userId')
        .execute();
      lists.push(rows.map((r) => Number(r.userId)));
    }
  }
  const wanted = [...new Set(lists.flat())];
  if (wanted.length === 0) return [];
  const rows = await ctx.db.selectFrom('users').select(['id', 'code', 'valid']).where('domainId', '=', domainId).where('id', 'in', wanted).execute();
  const active = new Map(rows.filter((r) => fromDb.bool(r.valid)).map((r) => [Number(r.id), r.code]));
  return wanted.flatMap((id) => (active.has(id) ? [active.get(id)!] : []));
}

async function loadOrgTree(ctx: Ctx, domainId: string): Promise<Map<number, number | null>> {
  const rows = await ctx.db.selectFrom('organizations').select(['id', 'parentId']).where('domainId', '=', domainId).execute();
  return new Map(rows.map((r) => [Number(r.id), r.parentId == null ? null : Number(r.parentId)]));
}

/** The departments and every department below them. */
function descendantsOf(tree: Map<number, number | null>, roots: number[]): number[] {
  const children = new Map<number, number[]>();
  for (const [id, parent] of tree) if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), id]);
  const out = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue; // a malformed cycle must not loop
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return [...out];
}

/** Whether the entities name the caller (a signed-in user) for this record. */
export async function namesCaller(ctx: Ctx, t: ProcessTarget & { directoryVersion: number }, entities: ProcessEntity[], record: RecordFacts): Promise<boolean> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' && actor.kind !== 'guest') return false;
  const p = await loadPrincipal(ctx, t.directoryVersion, actor.userId);
  if (!p) return false;
  for (const { entity, includeSubs } of entities) {
    if (entity.type === 'USER' || entity.type === 'GROUP' || entity.type === 'ORGANIZATION') {
      if (entity.code && namesPrincipal(p, { type: entity.type, code: entity.code }, includeSubs, EVERYONE)) return true;
      continue;
    }
    if (entity.type === 'CREATOR' && t.app.creatorId === p.userId) return true;
    if (entity.type !== 'FIELD_ENTITY' || !entity.code) continue;
    const field = t.def.fields[entity.code];
    const values = codesIn(record.data[t.def.fieldIds[entity.code] ?? '']);
    if (field?.type === 'CREATOR' && record.creatorId === p.userId) return true;
    if (field?.type === 'MODIFIER' && record.modifierId === p.userId) return true;
    if (field?.type === 'USER_SELECT' && values.includes(p.code)) return true;
    if (field?.type === 'GROUP_SELECT' && values.some((k) => k === EVERYONE || p.groups.has(k))) return true;
    if (field?.type === 'ORGANIZATION_SELECT' && values.some((k) => (includeSubs ? p.orgsAndAbove : p.orgs).has(k))) return true;
  }
  return false;
}
