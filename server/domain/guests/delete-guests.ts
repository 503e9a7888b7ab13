import { deleteGuestAccounts, findGuestProfile, loadGuestsByCodes } from '../../storage/guests.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { guestCode } from '../auth/sign-in.js';
import { sessionsEnded } from '../auth/sessions.js';
import { releaseImages } from './guest-values.js';

/**
 * Deletes guest accounts by e-mail address (kintone's DELETE guests.json), all or none. Their
 * sessions end, and they leave every guest space, thread and favourite with the account row.
 * An address that is no guest's — unknown, or a regular user's login — is refused alike.
 */
export async function deleteGuests(ctx: Ctx, emails: string[]): Promise<void> {
  const domainId = ctx.actor.domainId;
  const guests = await loadGuestsByCodes(ctx.db, domainId, emails.map(guestCode));
  const problems: Record<string, FieldProblem[]> = {};
  emails.forEach((email, i) => {
    if (!guests.has(codeKey(guestCode(email)))) problems[`guests[${i}]`] = [{ key: 'notFound' }];
  });
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });

  const users = [...guests.values()];
  const images = await Promise.all(users.map(async (u) => (await findGuestProfile(ctx.db, domainId, u.id))?.imageFileId ?? null));
  await deleteGuestAccounts(ctx.db, domainId, users.map((u) => u.id));
  sessionsEnded(ctx, users.map((u) => u.id));
  await releaseImages(ctx, images);
  for (const u of users) {
    await recordAudit(ctx, { action: 'guest.delete', targetType: 'user', targetId: u.id, detail: { email: u.email } });
  }
}
