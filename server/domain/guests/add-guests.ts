import type { NewGuest } from '../../../common/api/guests.js';
import { nextIds } from '../../storage/db.js';
import { type NewGuestRow, insertGuests, takenCodes } from '../../storage/guests.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword } from '../auth/passwords.js';
import { checkNewPassword } from '../auth/password-policy.js';
import { guestCode } from '../auth/sign-in.js';
import { attachImage, localeFor } from './guest-values.js';

/**
 * Adds guest accounts (kintone's POST guests.json), all or none. No invitation goes out and no
 * space is joined: PUT space/guests.json does that. A guest's login is its e-mail address, its
 * account code `guest/<e-mail>`; a regular user with the same address stays someone else (G17).
 */
export async function addGuests(ctx: Ctx, guests: NewGuest[]): Promise<number[]> {
  const domainId = ctx.actor.domainId;
  const problems: Record<string, FieldProblem[]> = {};
  const seen = new Map<string, number>();
  guests.forEach((g, i) => {
    const key = codeKey(guestCode(g.code));
    if (seen.has(key)) problems[`guests[${i}].code`] = [{ key: 'duplicateInRequest' }];
    else seen.set(key, i);
  });
  for (const [i, g] of guests.entries()) {
    const pw = await checkNewPassword(ctx, { password: g.password, login: g.code });
    if (pw.length) problems[`guests[${i}].password`] = pw;
  }
  for (const key of await takenCodes(ctx.db, domainId, guests.map((g) => guestCode(g.code)))) {
    problems[`guests[${seen.get(key)}].code`] = [{ key: 'guestExists' }];
  }
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });

  const hashes = await Promise.all(guests.map((g) => hashPassword(g.password)));
  const ids = await nextIds(ctx.db, domainId, 'user', guests.length);
  const rows: NewGuestRow[] = [];
  for (const [i, g] of guests.entries()) {
    const imageFileId = g.image ? await attachImage(ctx, g.image, `guests[${i}].image`) : null;
    rows.push({
      id: ids[i]!,
      code: guestCode(g.code),
      name: g.name,
      email: g.code,
      passwordHash: hashes[i]!,
      locale: localeFor(ctx, g.locale),
      timezone: g.timezone,
      phone: g.phone ?? '',
      profile: {
        company: g.company ?? '',
        division: g.division ?? '',
        callto: g.callto ?? '',
        surNameReading: g.surNameReading ?? '',
        givenNameReading: g.givenNameReading ?? '',
        imageFileId,
      },
    });
  }
  await insertGuests(ctx.db, domainId, rows, ctx.now);
  for (const row of rows) {
    await recordAudit(ctx, { action: 'guest.create', targetType: 'user', targetId: row.id, detail: { email: row.email } });
  }
  return ids;
}
