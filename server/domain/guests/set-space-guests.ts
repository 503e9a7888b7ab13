import { addSpaceGuests, loadGuestsByCodes, removeSpaceGuests, spaceGuestIds } from '../../storage/guests.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { guestCode } from '../auth/sign-in.js';
import { spaceFor } from '../spaces/space-access.js';

/**
 * Replaces the guests of a guest space (kintone's PUT space/guests.json), all or none. Only
 * under the space's own path (`/k/guest/{id}/v1/`, body id = path id; I7) and only by its space
 * administrators, domain administrators among them. Every address must be an active guest's: an
 * unknown, suspended or regular user's address gets CB_VA01 on its index, all alike. A guest
 * taken out keeps its account, and loses its follows and favourite in the space.
 */
export async function setSpaceGuests(ctx: Ctx, spaceId: number, emails: string[]): Promise<void> {
  if (ctx.guestSpaceId === undefined || ctx.guestSpaceId !== spaceId) throw new AppError('CB_NO02');
  const { space } = await spaceFor(ctx, spaceId, 'space.manage');
  if (!space.isGuest) throw new AppError('CB_NO02');

  const domainId = ctx.actor.domainId;
  const guests = await loadGuestsByCodes(ctx.db, domainId, emails.map(guestCode));
  const problems: Record<string, FieldProblem[]> = {};
  const wanted = new Map<number, string>();
  emails.forEach((email, i) => {
    const guest = guests.get(codeKey(guestCode(email)));
    if (!guest || !guest.valid) problems[`guests[${i}]`] = [{ key: 'guestNotFound' }];
    else wanted.set(guest.id, guest.email);
  });
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });

  const current = new Set(await spaceGuestIds(ctx.db, domainId, spaceId));
  const added = [...wanted.keys()].filter((id) => !current.has(id));
  const removed = [...current].filter((id) => !wanted.has(id));
  await removeSpaceGuests(ctx.db, domainId, spaceId, removed);
  // A removed guest's open streams on this space close on every instance (G12).
  if (removed.length) ctx.events.publish({ kind: 'space.membership', spaceId, userIds: removed });
  await addSpaceGuests(ctx.db, domainId, spaceId, added, ctx.now);
  for (const userId of added) {
    await recordAudit(ctx, { action: 'space.guest.add', targetType: 'space', targetId: spaceId, detail: { userId, email: wanted.get(userId) } });
  }
  for (const userId of removed) {
    await recordAudit(ctx, { action: 'space.guest.remove', targetType: 'space', targetId: spaceId, detail: { userId } });
  }
}
