// GET /v1/space/people.json (ours): the people of a space with their names — the member rows
// (users, groups, departments), the users who belong through a group or department, and the
// guests of a guest space — for the member list and the mention picker. Whoever reads the space
// reads this (GET space/members.json and space/guests.json give the same facts without names);
// suspended guests are listed to space administrators only, as space/guests.json does.
import { MAX_IMPLICIT_PEOPLE, type SpacePeopleJson, type SpacePersonJson } from '../../../common/api/space-people.js';
import { fromDb } from '../../storage/dialect.js';
import type { Ctx } from '../context.js';
import { loadNames } from '../directory/cache.js';
import { memberEntries } from './list-space-members.js';
import { spaceFor } from './space-access.js';

const KIND = { USER: 'user', GROUP: 'group', ORGANIZATION: 'organization' } as const;

export async function listSpacePeople(ctx: Ctx, spaceId: number): Promise<SpacePeopleJson> {
  const { space, role, version } = await spaceFor(ctx, spaceId, 'space.read');
  const entries = await memberEntries(ctx, spaceId);
  const explicit = entries.filter((e) => !e.isImplicit);
  const implicit = entries.filter((e) => e.isImplicit);
  const listed = [...explicit, ...implicit.slice(0, MAX_IMPLICIT_PEOPLE)];
  const codes = { user: new Set<string>(), group: new Set<string>(), organization: new Set<string>() };
  for (const e of listed) codes[KIND[e.entity.type]].add(e.entity.code.toLowerCase());
  const names = await loadNames(ctx, version, codes, new Set());
  const members = listed.map((e): SpacePersonJson => {
    const name = names.name(KIND[e.entity.type], e.entity.code) ?? (e.entity.code === 'everyone' ? 'Everyone' : e.entity.code);
    return {
      type: e.entity.type,
      code: e.entity.code,
      name,
      isAdmin: e.isAdmin,
      isImplicit: e.isImplicit,
      ...(e.includeSubs !== undefined ? { includeSubs: e.includeSubs } : {}),
    };
  });
  let guests: SpacePeopleJson['guests'] = [];
  if (space.isGuest) {
    const rows = await ctx.db
      .selectFrom('spaceGuests as sg')
      .innerJoin('users as u', (j) => j.onRef('u.domainId', '=', 'sg.domainId').onRef('u.id', '=', 'sg.userId'))
      .leftJoin('guestProfiles as p', (j) => j.onRef('p.domainId', '=', 'sg.domainId').onRef('p.userId', '=', 'sg.userId'))
      .select(['u.code', 'u.email', 'u.name', 'u.valid', 'p.company'])
      .where('sg.domainId', '=', ctx.actor.domainId)
      .where('sg.spaceId', '=', spaceId)
      .orderBy('sg.addedAt')
      .orderBy('u.id')
      .execute();
    guests = rows
      .map((r) => ({ code: r.code, email: r.email, name: r.name, company: r.company ?? '', valid: fromDb.bool(r.valid) }))
      .filter((g) => g.valid || role === 'admin');
  }
  return { members, guests, truncated: implicit.length > MAX_IMPLICIT_PEOPLE };
}
