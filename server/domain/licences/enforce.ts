// What the contract refuses: a regular user beyond the user licences, and apps or spaces beyond
// what the course allows (COURSE_LIMITS). Each check runs inside the command's transaction after
// taking the contract row's lock, so two requests racing for the last place cannot both get it.
// Guests are never refused for want of a licence: kintone bills them and warns (usage.ts).
import { COURSE_LIMITS } from '../../../common/licences/courses.js';
import { countApps, countSpaces, countUsers, findContract, lockContract } from '../../storage/licences.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';

/** After users were added or reactivated: refuses the change when they exceed the licences. */
export async function assertUserLicences(ctx: Ctx): Promise<void> {
  const domainId = ctx.actor.domainId;
  await lockContract(ctx.db, domainId);
  const contract = await findContract(ctx.db, domainId);
  if (!contract) return;
  const { active } = await countUsers(ctx.db, domainId);
  if (active > contract.userLicences) throw new AppError('CB_LI01', { params: { licences: contract.userLicences } });
}

/** Before an app or a space is created: refuses it when the course's limit is reached. */
export async function assertRoomFor(ctx: Ctx, what: 'apps' | 'spaces'): Promise<void> {
  const domainId = ctx.actor.domainId;
  await lockContract(ctx.db, domainId);
  const contract = await findContract(ctx.db, domainId);
  const limit = contract ? COURSE_LIMITS[contract.course][what] : null;
  if (limit === null) return;
  const count = what === 'apps' ? await countApps(ctx.db, domainId) : await countSpaces(ctx.db, domainId);
  if (count >= limit) throw new AppError(what === 'apps' ? 'CB_LI05' : 'CB_LI06', { params: { limit } });
}
