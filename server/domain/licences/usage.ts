// What the domain uses against its contract: people, apps and spaces, and the warnings an
// administrator must see until they are dealt with (more guests in use than guest licences).
import type { GuestLicenceJson, LicenceWarning, UsageJson } from '../../../common/api/licences.js';
import { type GuestLicence, type LicenceState, guestLicence } from '../../../common/licences/guest-licence.js';
import { type LicensedGuest, countApps, countSpaces, countUsers, licensedGuests } from '../../storage/licences.repo.js';
import type { Ctx } from '../context.js';
import { contractOf, limitsOf } from './contract.js';

export type GuestWithLicence = LicensedGuest & { licence: GuestLicence };

/** Every guest of the domain with its licence state today. */
export async function guestsWithLicences(ctx: Ctx): Promise<GuestWithLicence[]> {
  const guests = await licensedGuests(ctx.db, ctx.actor.domainId);
  return guests.map((g) => ({ ...g, licence: guestLicence(g, ctx.now) }));
}

export async function licenceUsage(ctx: Ctx): Promise<UsageJson> {
  const domainId = ctx.actor.domainId;
  const [contract, users, guests, apps, spaces] = await Promise.all([
    contractOf(ctx.db, domainId),
    countUsers(ctx.db, domainId),
    guestsWithLicences(ctx),
    countApps(ctx.db, domainId),
    countSpaces(ctx.db, domainId),
  ]);
  const byState: Record<LicenceState, number> = { trial: 0, required: 0, notRequired: 0 };
  for (const g of guests) byState[g.licence.state]++;
  const limits = limitsOf(contract);
  const warnings: LicenceWarning[] = [];
  if (contract && byState.required > contract.guestLicences) {
    warnings.push({ code: 'guestLicencesExceeded', inUse: byState.required, licences: contract.guestLicences });
  }
  // Possible only when users were added before the contract was lowered or set.
  if (contract && users.active > contract.userLicences) {
    warnings.push({ code: 'userLicencesExceeded', inUse: users.active, licences: contract.userLicences });
  }
  return {
    contract,
    users: { ...users, licences: contract?.userLicences ?? null },
    guests: { ...byState, licences: contract?.guestLicences ?? null },
    apps: { count: apps, limit: limits.apps },
    spaces: { count: spaces, limit: limits.spaces },
    limits,
    warnings,
  };
}

/** The guest list of the licence screen, optionally of one state, paged. */
export async function listGuestLicences(
  ctx: Ctx,
  query: { offset?: number; limit?: number; state?: LicenceState },
): Promise<{ guests: GuestLicenceJson[]; totalCount: number }> {
  const all = (await guestsWithLicences(ctx)).filter((g) => !query.state || g.licence.state === query.state);
  const offset = query.offset ?? 0;
  const page = all.slice(offset, offset + (query.limit ?? 100));
  return {
    guests: page.map((g) => ({
      id: String(g.id),
      email: g.email,
      name: g.name,
      company: g.company,
      valid: g.valid,
      lastLoginAt: g.lastLoginAt?.toISOString() ?? null,
      state: g.licence.state,
      trialEnds: g.licence.trialEnds,
    })),
    totalCount: all.length,
  };
}
