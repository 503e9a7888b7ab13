// GET space/members.json, as kintone answers it: the member rows (users, groups, departments),
// then every user who belongs only through a group or department, marked isImplicit. Guests are
// not members (space/guests.json lists them); suspended and deleted users are left out, and so
// are rows whose group or department is gone.
import type { SpaceMemberJson } from '../../../common/api/spaces.js';
import { loadOrganizationParents } from '../../storage/organizations.repo.js';
import { EVERYONE_GROUP_ID, activeUsers, loadSpaceMembers, usersOfGroups, usersOfOrganizations } from '../../storage/spaces.repo.js';
import type { Ctx } from '../context.js';
import { spaceFor } from './space-access.js';

export async function listSpaceMembers(ctx: Ctx, spaceId: number): Promise<SpaceMemberJson[]> {
  await spaceFor(ctx, spaceId, 'space.read');
  return memberEntries(ctx, spaceId);
}

/** For each department of `ids`, every department below it. */
async function subOrganizations(ctx: Ctx, ids: number[]): Promise<Map<number, number[]>> {
  const parents = await loadOrganizationParents(ctx.db, ctx.actor.domainId);
  const children = new Map<number, number[]>();
  for (const [child, parent] of parents) if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), child]);
  const out = new Map<number, number[]>();
  for (const top of ids) {
    const seen = new Set<number>([top]);
    const queue = [...(children.get(top) ?? [])];
    while (queue.length) {
      const id = queue.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push(...(children.get(id) ?? []));
    }
    seen.delete(top);
    out.set(top, [...seen]);
  }
  return out;
}

/** The member list of a space, without the access check (GET space counts it too). */
export async function memberEntries(ctx: Ctx, spaceId: number): Promise<SpaceMemberJson[]> {
  const domainId = ctx.actor.domainId;
  const rows = (await loadSpaceMembers(ctx.db, domainId, spaceId)).filter((r) => r.code !== null);
  const explicitUsers = rows.filter((r) => r.entityType === 'USER');
  const active = await activeUsers(ctx.db, domainId, explicitUsers.map((r) => r.entityId));
  const out: SpaceMemberJson[] = [];
  for (const r of rows) {
    if (r.entityType === 'USER' && !active.has(r.entityId)) continue;
    const entry: SpaceMemberJson = { entity: { type: r.entityType, code: r.code! }, isAdmin: r.isAdmin, isImplicit: false };
    if (r.entityType === 'ORGANIZATION') entry.includeSubs = r.includeSubs;
    out.push(entry);
  }

  // Users named through a group or department: admins if any admin row names them.
  const implicit = new Map<number, boolean>();
  const name = (userId: number, isAdmin: boolean) => implicit.set(userId, (implicit.get(userId) ?? false) || isAdmin);
  const groups = rows.filter((r) => r.entityType === 'GROUP');
  const everyone = groups.find((g) => g.entityId === EVERYONE_GROUP_ID);
  if (everyone) for (const id of (await activeUsers(ctx.db, domainId, 'all')).keys()) name(id, everyone.isAdmin);
  const groupAdmin = new Map(groups.map((g) => [g.entityId, g.isAdmin]));
  for (const { groupId, userId } of await usersOfGroups(ctx.db, domainId, [...groupAdmin.keys()])) name(userId, groupAdmin.get(groupId)!);

  const orgRows = rows.filter((r) => r.entityType === 'ORGANIZATION');
  const orgAdmin = new Map<number, boolean>();
  const counts = (org: number, isAdmin: boolean) => orgAdmin.set(org, (orgAdmin.get(org) ?? false) || isAdmin);
  const withSubs = orgRows.filter((o) => o.includeSubs);
  const below = withSubs.length ? await subOrganizations(ctx, withSubs.map((o) => o.entityId)) : new Map<number, number[]>();
  for (const o of orgRows) {
    counts(o.entityId, o.isAdmin);
    for (const sub of below.get(o.entityId) ?? []) counts(sub, o.isAdmin);
  }
  for (const { orgId, userId } of await usersOfOrganizations(ctx.db, domainId, [...orgAdmin.keys()])) name(userId, orgAdmin.get(orgId)!);

  for (const r of explicitUsers) implicit.delete(r.entityId);
  const users = await activeUsers(ctx.db, domainId, [...implicit.keys()]);
  for (const [userId, user] of users) out.push({ entity: { type: 'USER', code: user.code }, isAdmin: implicit.get(userId)!, isImplicit: true });
  return out;
}
