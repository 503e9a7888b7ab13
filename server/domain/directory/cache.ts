// The directory as records and permissions see it — names of users, departments and groups,
// and who belongs where — kept per domain and directory version (migrations 0008, 0009): any
// change to the directory moves the version, so a request only ever uses what was read at the
// version it saw, and each fact is read from the database once per version.
import { LRUCache } from 'lru-cache';
import type { Config } from '../../config.js';
import { codeKey } from '../../storage/users.repo.js';
import type { Ctx } from '../context.js';
import type { Principal } from '../../policy/principal.js';
import { type Kind, TABLE_OF } from '../records/entities.js';

interface Directory {
  /** codeKey → name, or null for a code that does not exist. */
  names: Record<Kind, Map<string, string | null>>;
  /** user id → code, or null for an id that does not exist. */
  codes: Map<number, string | null>;
  principals: Map<number, Principal | null>;
  /** department codeKey → its parent's codeKey (null at the top); loaded on first need. */
  orgParents: Map<string, string | null> | null;
}

const caches = new WeakMap<Readonly<Config>, LRUCache<string, Directory>>();

function directoryOf(ctx: Ctx, version: number): Directory {
  let cache = caches.get(ctx.config);
  if (!cache) caches.set(ctx.config, (cache = new LRUCache<string, Directory>({ max: 256 })));
  const key = `${ctx.actor.domainId}:${version}`;
  let directory = cache.get(key);
  if (!directory) {
    directory = { names: { user: new Map(), organization: new Map(), group: new Map() }, codes: new Map(), principals: new Map(), orgParents: null };
    cache.set(key, directory);
  }
  return directory;
}

export interface Names {
  name(kind: Kind, code: string): string | undefined;
  /** The code of a user by id; '' for one that no longer exists. */
  userCode(id: number): string;
}

/** Names for these codes and user ids, read from the database only where not known yet. */
export async function loadNames(ctx: Ctx, version: number, codes: Record<Kind, Set<string>>, userIds: Set<number>): Promise<Names> {
  const dir = directoryOf(ctx, version);
  const ids = [...userIds].filter((id) => !dir.codes.has(id));
  if (ids.length) {
    const rows = await ctx.db.selectFrom('users').select(['id', 'code', 'name', 'codeKey']).where('domainId', '=', ctx.actor.domainId).where('id', 'in', ids).execute();
    for (const id of ids) dir.codes.set(id, null);
    for (const r of rows) {
      dir.codes.set(Number(r.id), r.code);
      dir.names.user.set(r.codeKey, r.name);
    }
  }
  for (const kind of Object.keys(codes) as Kind[]) {
    const known = dir.names[kind];
    const wanted = [...codes[kind]].filter((k) => !known.has(k));
    if (wanted.length === 0) continue;
    const rows = await ctx.db.selectFrom(TABLE_OF[kind]).select(['codeKey', 'name']).where('domainId', '=', ctx.actor.domainId).where('codeKey', 'in', wanted).execute();
    for (const k of wanted) known.set(k, null);
    for (const r of rows) known.set(r.codeKey, r.name);
  }
  return {
    name: (kind, code) => dir.names[kind].get(codeKey(code)) ?? undefined,
    userCode: (id) => dir.codes.get(id) ?? '',
  };
}

/** A user as permissions see it, or null when there is no such user. */
export async function loadPrincipal(ctx: Ctx, version: number, userId: number): Promise<Principal | null> {
  const dir = directoryOf(ctx, version);
  if (dir.principals.has(userId)) return dir.principals.get(userId)!;
  const domainId = ctx.actor.domainId;
  const user = await ctx.db.selectFrom('users').select('codeKey').where('domainId', '=', domainId).where('id', '=', userId).executeTakeFirst();
  let principal: Principal | null = null;
  if (user) {
    const groups = await ctx.db
      .selectFrom('groupUsers as m')
      .innerJoin('groups as g', (j) => j.onRef('g.domainId', '=', 'm.domainId').onRef('g.id', '=', 'm.groupId'))
      .select('g.codeKey')
      .where('m.domainId', '=', domainId)
      .where('m.userId', '=', userId)
      .execute();
    const orgs = await ctx.db
      .selectFrom('userOrganizations as m')
      .innerJoin('organizations as o', (j) => j.onRef('o.domainId', '=', 'm.domainId').onRef('o.id', '=', 'm.organizationId'))
      .select('o.codeKey')
      .where('m.domainId', '=', domainId)
      .where('m.userId', '=', userId)
      .execute();
    const parents = orgs.length ? await orgParents(ctx, dir) : new Map<string, string | null>();
    const above = new Set<string>();
    for (const o of orgs) {
      // Departments form a tree; the guard stops a malformed cycle from looping.
      for (let k: string | null | undefined = o.codeKey; k && !above.has(k); k = parents.get(k)) above.add(k);
    }
    principal = { userId, code: user.codeKey, groups: new Set(groups.map((g) => g.codeKey)), orgs: new Set(orgs.map((o) => o.codeKey)), orgsAndAbove: above };
  }
  dir.principals.set(userId, principal);
  return principal;
}

async function orgParents(ctx: Ctx, dir: Directory): Promise<Map<string, string | null>> {
  if (dir.orgParents) return dir.orgParents;
  const rows = await ctx.db.selectFrom('organizations').select(['id', 'codeKey', 'parentId']).where('domainId', '=', ctx.actor.domainId).execute();
  const keyById = new Map(rows.map((r) => [Number(r.id), r.codeKey]));
  dir.orgParents = new Map(rows.map((r) => [r.codeKey, r.parentId == null ? null : (keyById.get(Number(r.parentId)) ?? null)]));
  return dir.orgParents;
}
