import { GUEST_ONLY_FIELDS, type ProfileChange } from '../../../common/api/guests.js';
import { toDb } from '../../storage/dialect.js';
import { type GuestProfileChange, findGuestProfile, updateGuestProfile } from '../../storage/guests.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { attachImage, localeFor, releaseImages } from './guest-values.js';

/**
 * Changes the signed-in user's or guest's own profile (features A3: a guest edits its own).
 * Users have name, time zone, locale and phone; a guest also company, division, Skype name,
 * readings and picture. The login (user code, guest e-mail) is not changed here.
 */
export async function updateMyProfile(ctx: Ctx, change: ProfileChange): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' && actor.kind !== 'guest') throw new AppError('CB_NO02');
  const domainId = actor.domainId;
  if (actor.kind === 'user') {
    const foreign = GUEST_ONLY_FIELDS.filter((f) => change[f] !== undefined);
    if (foreign.length) throw AppError.invalid(Object.fromEntries(foreign.map((f) => [f, 'guestOnlyField'])));
  }

  const userChange = {
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.timezone !== undefined ? { timezone: change.timezone } : {}),
    ...(change.locale !== undefined ? { locale: localeFor(ctx, change.locale) } : {}),
    ...(change.phone !== undefined ? { phone: change.phone } : {}),
  };
  await ctx.db
    .updateTable('users')
    .set({ ...userChange, updatedAt: toDb.time(ctx.now) })
    .where('domainId', '=', domainId)
    .where('id', '=', actor.userId)
    .execute();

  if (actor.kind === 'guest') {
    const { image, surNameReading, givenNameReading, company, division, callto } = change;
    const profileChange: GuestProfileChange = Object.fromEntries(
      Object.entries({ surNameReading, givenNameReading, company, division, callto }).filter(([, v]) => v !== undefined),
    );
    if (image !== undefined) {
      const before = await findGuestProfile(ctx.db, domainId, actor.userId);
      profileChange.imageFileId = image === null ? null : await attachImage(ctx, image, 'image');
      await releaseImages(ctx, [before?.imageFileId ?? null]);
    }
    await updateGuestProfile(ctx.db, domainId, actor.userId, profileChange);
  }
  const changed = Object.keys(change).filter((k) => change[k as keyof ProfileChange] !== undefined);
  await recordAudit(ctx, { action: `${actor.kind}.profile.update`, targetType: 'user', targetId: actor.userId, detail: { changed } });
}
