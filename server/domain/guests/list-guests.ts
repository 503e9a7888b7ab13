import type { GuestJson } from '../../../common/api/guests.js';
import { type GuestLicence, guestLicence } from '../../../common/licences/guest-licence.js';
import { scope } from '../../policy/scope.js';
import { trialStarts } from '../../storage/licences.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import { guestSpacesOf, listGuests as listGuestRows } from '../../storage/guests.repo.js';
import type { Ctx } from '../context.js';
import { guestCode } from '../auth/sign-in.js';

export interface GuestPage {
  /** E-mail addresses, to pick out some guests. */
  codes?: string[];
  offset: number;
  limit: number;
}

/** The administrators' guest list (features A4): profile, status, last sign-in, guest spaces. */
export async function listGuests(ctx: Ctx, page: GuestPage): Promise<{ guests: GuestJson[] }> {
  const rows = await listGuestRows(ctx.db, scope(ctx.actor, 'users'), { ...page, codes: page.codes?.map(guestCode) });
  const spaces = await guestSpacesOf(ctx.db, ctx.actor.domainId, rows.map((g) => g.user.id));
  const trials = await trialStarts(ctx.db, ctx.actor.domainId, rows.map((g) => g.user.email));
  return {
    guests: rows.map(({ user, profile }) => ({
      id: String(user.id),
      code: user.email,
      name: user.name,
      email: user.email,
      company: profile.company,
      division: profile.division,
      phone: user.phone,
      callto: profile.callto,
      surNameReading: profile.surNameReading,
      givenNameReading: profile.givenNameReading,
      locale: user.locale,
      timezone: user.timezone,
      valid: user.valid,
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      firstLoginAt: profile.firstLoginAt?.toISOString() ?? null,
      ctime: user.createdAt.toISOString(),
      spaces: (spaces.get(user.id) ?? []).map((s) => ({ id: String(s.id), name: s.name })),
      licence: licenceOf(guestLicence({ valid: user.valid, trialStartedAt: trials.get(codeKey(user.email)) ?? null }, ctx.now)),
    })),
  };
}

function licenceOf(l: GuestLicence): GuestJson['licence'] {
  return { state: l.state, trialEnds: l.trialEnds };
}
