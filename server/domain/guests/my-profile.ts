import type { ProfileJson } from '../../../common/api/guests.js';
import { findGuestProfile, imageSummary } from '../../storage/guests.repo.js';
import { findUserById } from '../../storage/users.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';

/** The signed-in user's or guest's own profile; a guest's has its guest_profiles fields too. */
export async function myProfile(ctx: Ctx): Promise<ProfileJson> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' && actor.kind !== 'guest') throw new AppError('CB_NO02');
  const user = await findUserById(ctx.db, actor.domainId, actor.userId);
  if (!user) throw new AppError('CB_AU01');
  const common = { code: user.code, name: user.name, email: user.email, locale: user.locale, timezone: user.timezone, phone: user.phone };
  if (user.kind === 'user') return { kind: 'user', ...common };
  const profile = await findGuestProfile(ctx.db, actor.domainId, user.id);
  const image = profile?.imageFileId ? await imageSummary(ctx.db, actor.domainId, profile.imageFileId) : null;
  return {
    kind: 'guest',
    ...common,
    company: profile?.company ?? '',
    division: profile?.division ?? '',
    callto: profile?.callto ?? '',
    surNameReading: profile?.surNameReading ?? '',
    givenNameReading: profile?.givenNameReading ?? '',
    image: image ? { ...image, size: String(image.size) } : null,
  };
}
