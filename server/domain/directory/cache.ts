// The directory as records and permissions see it — names of users, departments and groups,
// and who belongs where — kept per domain and directory version (migrations 0008, 0009): any
// change to the directory moves the version, so a request only ever uses what was read at the
// version it saw, and each fact is read from the database once per version.
import { LRUCache } from 'lru-cache';
import type { Config } from '../../config.js';
import { codeKey } from '../../storage/users.repo.js';
import { type Ctx, mayFillCaches } from '../context.js';
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

const emptyDirectory = (): Directory => ({
  names: { user: new Map(), organization: new Map(), group: new Map() },
  codes: new Map(),
  principals: new Map(),
  orgParents: null,
});

/**
 * Where facts are looked up (`seen`: every directory known for this version) and where newly
 * read ones go (`keep`). Outside a transaction both are the shared entry; inside one, what it
 * reads stays its own (mayFillCaches) while the shared entry is still consulted.
 */
interface View {
  seen: Directory[];
  keep: Directory;
}

function viewOf(ctx: Ctx, version: number): View {
  let cache = caches.get(ctx.config);
  if (!cache) caches.set(ctx.config, (cache = new LRUCache<string, Directory>({ max: 256 })));
  const key = `${ctx.actor.domainId}:${version}`;
  let shared = cache.get(key);
  if (!mayFillCaches(ctx)) {
    const own = emptyDirectory();
    return { seen: shared ? [own, shared] : [own], keep: own };
  }
  if (!shared) cache.set(key, (shared = emptyDirectory()));
  return { seen: [shared], keep: shared };
}

function lookup<K, V>(view: View, pick: (d: Directory) => Map<K, V>, key: K): { found: boolean; value?: V } {
  for (const d of view.seen) {
    const m = pick(d);
    if (m.has(key)) return { found: true, value: m.get(key) };
  }
  return { found: false };
}

export interface Names {
  name(kind: Kind, code: string): string | undefined;
  /** The code of a user by id; '' for one that no longer exists. */
  userCode(id: number): string;
}

/** Names for these codes and user ids, read from the database only where not known yet. */
export async function loadNames(ctx: Ctx, version: number, codes: Record<Kind, Set<string>>, userIds: Set<number>): Promise<Names> {
  const view = viewOf(ctx, version);
  const dir = view.keep;
  const ids = [...userIds].filter((id) => !lookup(view, (d) => d.codes, id).found);
  if (ids.length) {
    const rows = await ctx.db.selectFrom('users').select(['id', 'code', 'name', 'codeKey']).where('domainId', '=', ctx.actor.domainId).where('id', 'in', ids).execute();
    for (const id of ids) dir.codes.set(id, null);
    for (const r of rows) {
      dir.codes.set(Number(r.id), r.code);
      dir.names.user.set(r.codeKey, r.name);
    }
  }
  for (const kind of Object.keys(codes) as Kind[]) {
    const wanted = [...codes[kind]].filter((k) => !lookup(view, (d) => d.names[kind], k).found);
    if (wanted.length === 0) continue;
    const rows = await ctx.db.selectFrom(TABLE_OF[kind]).select(['codeKey', 'name']).where('domainId', '=', ctx.actor.domainId).where('codeKey', 'in', wanted).execute();
    for (const k of wanted) dir.names[kind].set(k, null);
    for (const r of rows) dir.names[kind].set(r.codeKey, r.name);
  }
  return {
    name: (kind, code) => lookup(view, (d) => d.names[kind], codeKey(code)).value ?? undefined,
    userCode: (id) => lookup(view, (d) => d.codes, id).value ?? '',
  };
}

/** A user as permissions see it, or null when there is no such user. */
export async function loadPrincipal(ctx: Ctx, version: number, userId: number): Promise<Principal | null> {
  const view = viewOf(ctx, version);
  const known = lookup(view, (d) => d.principals, userId);
  if (known.found) return known.value!;
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
    const parents = orgs.length ? await orgParents(ctx, view) : new Map<string, string | null>();
    const above = new Set<string>();
    for (const o of orgs) {
      // Departments form a tree; the guard stops a malformed cycle from looping.
      for (let k: string | null | undefined = o.codeKey; k && !above.has(k); k = parents.get(k)) above.add(k);
    }
    principal = { userId, code: user.codeKey, groups: new Set(groups.map((g) => g.codeKey)), orgs: new Set(orgs.map((o) => o.codeKey)), orgsAndAbove: above };
  }
  view.keep.principals.set(userId, principal);
  return principal;
}

async function orgParents(ctx: Ctx, view: View): Promise<Map<string, string | null>> {
  for (const d of view.seen) if (d.orgParents) return d.orgParents;
  const rows = await ctx.db.selectFrom('organizations').select(['id', 'codeKey', 'parentId']).where('domainId', '=', ctx.actor.domainId).execute();
  const keyById = new Map(rows.map((r) => [Number(r.id), r.codeKey]));
  view.keep.orgParents = new Map(rows.map((r) => [r.codeKey, r.parentId == null ? null : (keyById.get(Number(r.parentId)) ?? null)]));
  return view.keep.orgParents;
}
