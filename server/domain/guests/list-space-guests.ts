// GET space/guests.json (ours; kintone has only the PUT): who the guests of a guest space are,
// for the space's people widget and its guest management tab. Everyone who reads the space sees
// its guests' names, companies and addresses (a guest's address is its code in mentions and user
// selections); suspended guests are listed as such to space administrators only.
import { fromDb } from '../../storage/dialect.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { spaceFor } from '../spaces/space-access.js';

export interface SpaceGuest {
  code: string;
  name: string;
  company: string;
  division: string;
  valid: boolean;
  addedAt: string;
}

export async function listSpaceGuests(ctx: Ctx, spaceId: number): Promise<SpaceGuest[]> {
  if (ctx.guestSpaceId === undefined || ctx.guestSpaceId !== spaceId) throw new AppError('CB_NO02');
  const { space, role } = await spaceFor(ctx, spaceId, 'space.read');
  if (!space.isGuest) throw new AppError('CB_NO02');
  const rows = await ctx.db
    .selectFrom('spaceGuests as sg')
    .innerJoin('users as u', (j) => j.onRef('u.domainId', '=', 'sg.domainId').onRef('u.id', '=', 'sg.userId'))
    .leftJoin('guestProfiles as p', (j) => j.onRef('p.domainId', '=', 'sg.domainId').onRef('p.userId', '=', 'sg.userId'))
    .select(['u.email', 'u.name', 'u.valid', 'p.company', 'p.division', 'sg.addedAt'])
    .where('sg.domainId', '=', ctx.actor.domainId)
    .where('sg.spaceId', '=', spaceId)
    .orderBy('sg.addedAt')
    .orderBy('u.id')
    .execute();
  return rows
    .map((r) => ({
      code: r.email,
      name: r.name,
      company: r.company ?? '',
      division: r.division ?? '',
      valid: fromDb.bool(r.valid),
      addedAt: fromDb.time(r.addedAt).toISOString(),
    }))
    .filter((g) => g.valid || role === 'admin');
}
