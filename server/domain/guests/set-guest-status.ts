import type { GuestStatusChange } from '../../../common/api/guests.js';
import { toDb } from '../../storage/dialect.js';
import { loadGuestsByCodes } from '../../storage/guests.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { guestCode } from '../auth/sign-in.js';
import { endUserSessions } from '../auth/sessions.js';

/**
 * Suspends (`valid: false`) or reactivates guests by e-mail address, all or none. A suspended
 * guest's sessions end at once and every sign-in fails like a wrong password (G14); a cached
 * X-Cybozu-Authorization is re-checked against the row on each request, so it stops too.
 */
export async function setGuestStatus(ctx: Ctx, changes: GuestStatusChange[]): Promise<void> {
  const domainId = ctx.actor.domainId;
  const guests = await loadGuestsByCodes(ctx.db, domainId, changes.map((c) => guestCode(c.code)));
  const problems: Record<string, FieldProblem[]> = {};
  changes.forEach((c, i) => {
    if (!guests.has(codeKey(guestCode(c.code)))) problems[`guests[${i}].code`] = [{ key: 'notFound' }];
  });
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });

  for (const c of changes) {
    const guest = guests.get(codeKey(guestCode(c.code)))!;
    if (guest.valid === c.valid) continue;
    await ctx.db
      .updateTable('users')
      .set({ valid: toDb.bool(ctx.dialect, c.valid), updatedAt: toDb.time(ctx.now) })
      .where('domainId', '=', domainId)
      .where('id', '=', guest.id)
      .execute();
    guest.valid = c.valid;
    if (!c.valid) await endUserSessions(ctx, [guest.id]);
    await recordAudit(ctx, {
      action: c.valid ? 'guest.reactivate' : 'guest.suspend',
      targetType: 'user',
      targetId: guest.id,
      detail: { email: guest.email },
    });
  }
}
