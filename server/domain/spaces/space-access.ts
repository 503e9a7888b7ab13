// Which spaces exist, who belongs to them, and the actor's role in each — read once per domain
// and directory version (space membership and privacy move the version, migration 0014), so a
// request never pays for more than the lookup of its own role. Every decision about a space, an
// app in one, a thread or a thread's file starts here and is made in server/policy/spaces.ts.
import { LRUCache } from 'lru-cache';
import type { Config } from '../../config.js';
import { type SpaceAction, type SpaceFacts, type SpaceMemberRow, type SpaceRole, spaceMay, spaceRoleOf } from '../../policy/spaces.js';
import { fromDb } from '../../storage/dialect.js';
import { AppError } from '../app-error.js';
import { type Ctx, mayFillCaches } from '../context.js';
import { loadPrincipal } from '../directory/cache.js';

interface SpaceDirectory {
  spaces: Map<number, SpaceFacts>;
  members: Map<number, SpaceMemberRow[]>;
  guests: Map<number, Set<number>>;
  /** Roles already worked out, by actor key and space (never by a transaction). */
  roles: Map<string, SpaceRole | null>;
}

const caches = new WeakMap<Readonly<Config>, LRUCache<string, Promise<SpaceDirectory>>>();

export async function directoryVersion(ctx: Ctx): Promise<number> {
  const row = await ctx.db.selectFrom('domains').select('directoryVersion').where('id', '=', ctx.actor.domainId).executeTakeFirst();
  return Number(row?.directoryVersion ?? 0);
}

/**
 * The domain's spaces as of `version`. Only reads outside a transaction fill the cache, and only
 * when the version did not move while they read (see mayFillCaches); a transaction uses a cached
 * entry when there is one and otherwise loads its own view for itself.
 */
function spaceDirectory(ctx: Ctx, version: number): Promise<SpaceDirectory> {
  let cache = caches.get(ctx.config);
  if (!cache) caches.set(ctx.config, (cache = new LRUCache<string, Promise<SpaceDirectory>>({ max: 64 })));
  const key = `${ctx.actor.domainId}:${version}`;
  const found = cache.get(key);
  if (found) return found;
  if (!mayFillCaches(ctx)) return loadSpaceDirectory(ctx);
  const loading = (async () => {
    const dir = await loadSpaceDirectory(ctx);
    // Read at another version than the key says: right for this request, not for the key.
    if ((await directoryVersion(ctx)) !== version) cache.delete(key);
    return dir;
  })().catch((err: unknown) => {
    cache.delete(key);
    throw err;
  });
  cache.set(key, loading);
  return loading;
}

async function loadSpaceDirectory(ctx: Ctx): Promise<SpaceDirectory> {
  const domainId = ctx.actor.domainId;
  const [spaceRows, memberRows, guestRows] = await Promise.all([
    ctx.db.selectFrom('spaces').select(['id', 'isGuest', 'isPrivate', 'fixedMember', 'createApp']).where('domainId', '=', domainId).execute(),
    ctx.db
      .selectFrom('spaceMembers as m')
      .leftJoin('users as u', (j) => j.onRef('u.domainId', '=', 'm.domainId').onRef('u.id', '=', 'm.entityId').on('m.entityType', '=', 'USER'))
      .leftJoin('groups as g', (j) => j.onRef('g.domainId', '=', 'm.domainId').onRef('g.id', '=', 'm.entityId').on('m.entityType', '=', 'GROUP'))
      .leftJoin('organizations as o', (j) =>
        j.onRef('o.domainId', '=', 'm.domainId').onRef('o.id', '=', 'm.entityId').on('m.entityType', '=', 'ORGANIZATION'),
      )
      .select(['m.spaceId', 'm.entityType', 'm.entityId', 'm.isAdmin', 'm.includeSubs', 'u.codeKey as userKey', 'g.codeKey as groupKey', 'o.codeKey as orgKey'])
      .where('m.domainId', '=', domainId)
      .execute(),
    ctx.db.selectFrom('spaceGuests').select(['spaceId', 'userId']).where('domainId', '=', domainId).execute(),
  ]);
  const dir: SpaceDirectory = { spaces: new Map(), members: new Map(), guests: new Map(), roles: new Map() };
  for (const s of spaceRows) {
    const id = Number(s.id);
    dir.spaces.set(id, {
      id,
      isGuest: fromDb.bool(s.isGuest),
      isPrivate: fromDb.bool(s.isPrivate),
      fixedMember: fromDb.bool(s.fixedMember),
      createApp: s.createApp,
    });
    dir.members.set(id, []);
    dir.guests.set(id, new Set());
  }
  for (const m of memberRows) {
    // Group 0 is "everyone"; a member row whose user, group or department is gone names nobody.
    const code = m.entityType === 'GROUP' && Number(m.entityId) === 0 ? 'everyone' : (m.userKey ?? m.groupKey ?? m.orgKey);
    if (!code) continue;
    dir.members.get(Number(m.spaceId))?.push({ type: m.entityType, code, isAdmin: fromDb.bool(m.isAdmin), includeSubs: fromDb.bool(m.includeSubs) });
  }
  for (const g of guestRows) dir.guests.get(Number(g.spaceId))?.add(Number(g.userId));
  return dir;
}

export interface SpacePlace {
  space: SpaceFacts;
  role: SpaceRole | null;
}

/** The space and the actor's role in it; null when there is no such space in the domain. */
export async function placeIn(ctx: Ctx, version: number, spaceId: number): Promise<SpacePlace | null> {
  const dir = await spaceDirectory(ctx, version);
  const space = dir.spaces.get(spaceId);
  if (!space) return null;
  return { space, role: await roleIn(ctx, version, dir, space) };
}

/** Every space the actor has a role in (admin, member, guest or visitor). */
export async function placesOf(ctx: Ctx, version: number): Promise<SpacePlace[]> {
  const dir = await spaceDirectory(ctx, version);
  const out: SpacePlace[] = [];
  for (const space of dir.spaces.values()) {
    const role = await roleIn(ctx, version, dir, space);
    if (role) out.push({ space, role });
  }
  return out;
}

async function roleIn(ctx: Ctx, version: number, dir: SpaceDirectory, space: SpaceFacts): Promise<SpaceRole | null> {
  const actor = ctx.actor;
  const who = actor.kind === 'user' || actor.kind === 'guest' ? `${actor.kind}:${actor.userId}:${actor.kind === 'user' && actor.isAdmin}` : actor.kind;
  const key = `${who}:${space.id}`;
  if (dir.roles.has(key)) return dir.roles.get(key)!;
  const principal = actor.kind === 'user' ? await loadPrincipal(ctx, version, actor.userId) : null;
  const role = spaceRoleOf(actor, principal, space, dir.members.get(space.id) ?? [], dir.guests.get(space.id) ?? new Set());
  // A transaction's principal may reflect its own uncommitted changes: not for everyone.
  if (!mayFillCaches(ctx)) return role;
  if (dir.roles.size > 50_000) dir.roles.clear();
  dir.roles.set(key, role);
  return role;
}

/**
 * The space an actor addresses by id, if it may do `action` there. Missing, unseen and
 * guest-prefix mismatches answer alike (spec/security.md §2): under /k/guest/{id}/ always 403
 * CB_NO02; a guest space addressed on the plain path GAIA_IL23 to those who belong to it; a
 * space the actor cannot see, to users, a not-found (CB_NO02 again to guests, who see nothing
 * outside their spaces).
 */
export async function spaceFor(ctx: Ctx, spaceId: number, action: SpaceAction): Promise<SpacePlace & { role: SpaceRole; version: number }> {
  const version = await directoryVersion(ctx);
  const place = await placeIn(ctx, version, spaceId);
  checkPath(ctx, place?.space ?? null, Boolean(place?.role));
  if (!place || !place.role) throw spaceUnseen(ctx, spaceId);
  if (!spaceMay(place.role, action, place.space)) throw new AppError('CB_NO02');
  return { ...place, role: place.role, version };
}

/**
 * Whether the request's path fits the space an object lives in (null: not in a space): under
 * /k/guest/{id}/ the object must be in guest space {id}; on the plain path it must not be in a
 * guest space. `sees` says whether the actor may see the object at all: only then does the plain
 * path say "use the guest path" (GAIA_IL23, which the CLI relies on) rather than "not found".
 * Only kintone's paths (`/k/…`) have these rules (Ctx.kintonePath).
 */
export function checkPath(ctx: Ctx, space: SpaceFacts | null, sees: boolean): void {
  if (!ctx.kintonePath) return;
  const guestSpace = space?.isGuest ? space.id : undefined;
  if (ctx.guestSpaceId !== undefined) {
    // Under the right prefix, what the actor may not see is answered by the caller's not-found
    // (CB_NO02 for people there; GAIA_IA02 for a token of another app).
    if (ctx.guestSpaceId !== guestSpace) throw new AppError('CB_NO02');
    return;
  }
  if (guestSpace !== undefined && sees) throw new AppError('GAIA_IL23');
}

/** The path check for an app (see checkPath). */
export async function checkAppPath(ctx: Ctx, version: number, spaceId: number | null, sees: boolean): Promise<void> {
  const place = spaceId === null ? null : await placeIn(ctx, version, spaceId);
  checkPath(ctx, place?.space ?? null, sees);
}

/** Whether the actor belongs to (or, for a public space, may visit) the space an app lives in. */
export async function reachesSpace(ctx: Ctx, version: number, spaceId: number | null): Promise<boolean> {
  if (spaceId === null) return ctx.actor.kind !== 'guest';
  const place = await placeIn(ctx, version, spaceId);
  return Boolean(place?.role);
}

export function spaceUnseen(ctx: Ctx, spaceId: number): AppError {
  if (ctx.actor.kind === 'guest' || ctx.guestSpaceId !== undefined) return new AppError('CB_NO02');
  return new AppError('GAIA_SP01', { params: { id: spaceId } });
}

/**
 * The gate of every `/k/guest/{id}/v1/…` request: {id} must be a guest space the actor belongs
 * to. API tokens belong to no space; each object they reach is checked against the path instead.
 */
export async function enterGuestSpace(ctx: Ctx): Promise<void> {
  const id = ctx.guestSpaceId;
  if (id === undefined) return;
  if (ctx.actor.kind === 'apiToken') return;
  const place = await placeIn(ctx, await directoryVersion(ctx), id);
  if (!place || !place.space.isGuest || !place.role) throw new AppError('CB_NO02');
}

/** The guest space an app of `spaceId` lives in, or null for apps outside guest spaces. */
export async function guestSpaceOf(ctx: Ctx, version: number, spaceId: number | null): Promise<number | null> {
  if (spaceId === null) return null;
  const place = await placeIn(ctx, version, spaceId);
  return place?.space.isGuest ? spaceId : null;
}

/**
 * Which of these users (by codeKey) belong to the space: its members — named, or through a group
 * or department — and its guests. People pickers and user-selection values of a guest space's
 * apps are limited to them (probes G9, G16).
 */
export async function spacePeople(ctx: Ctx, version: number, spaceId: number, userKeys: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (userKeys.length === 0) return out;
  const dir = await spaceDirectory(ctx, version);
  const space = dir.spaces.get(spaceId);
  if (!space) return out;
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'kind', 'codeKey'])
    .where('domainId', '=', ctx.actor.domainId)
    .where('codeKey', 'in', [...userKeys])
    .execute();
  for (const r of rows) {
    const id = Number(r.id);
    if (r.kind === 'guest') {
      if (dir.guests.get(spaceId)?.has(id)) out.add(r.codeKey);
      continue;
    }
    const principal = await loadPrincipal(ctx, version, id);
    const asMember = { kind: 'user', domainId: ctx.actor.domainId, userId: id, code: r.codeKey, name: '', isAdmin: false, locale: 'en', via: 'session' } as const;
    const role = spaceRoleOf(asMember, principal, { ...space, isPrivate: true }, dir.members.get(spaceId) ?? [], new Set());
    if (role) out.add(r.codeKey);
  }
  return out;
}
