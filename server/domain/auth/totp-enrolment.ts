// A regular user turns TOTP on (secret and QR code, then a first code confirms it and yields the
// recovery codes, shown this once) and off (with the password, unless the domain requires it);
// an administrator resets a user's TOTP, e.g. after a lost phone. Guests have no TOTP (features
// A3): they get CB_NO02. Every change is audited.
import { RECOVERY_CODE_COUNT, type TotpEnrolment, type TotpStatus } from '../../../common/api/two-step.js';
import { voidChallenges } from '../../storage/challenges.repo.js';
import { confirmTotp, deleteTotp, findTotp, saveEnrolment } from '../../storage/totp.repo.js';
import { findUserByCode, findUserWithHash } from '../../storage/users.repo.js';
import type { UserActor } from '../../policy/actor.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { securityOf } from '../security/settings.js';
import { verifyPassword } from './passwords.js';
import { endUserSessions } from './sessions.js';
import { matchingStep, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, otpauthUrl, qrSvg, recoveryCodeHash } from './totp.js';

function regularUser(ctx: Ctx): UserActor {
  if (ctx.actor.kind !== 'user') throw new AppError('CB_NO02');
  return ctx.actor;
}

async function checkMyPassword(ctx: Ctx, actor: UserActor, password: string | undefined): Promise<void> {
  if (password === undefined) throw AppError.invalid({ password: 'required' });
  const found = await findUserWithHash(ctx.db, actor.domainId, actor.userId);
  if (!found || !(await verifyPassword(found.passwordHash, password))) throw AppError.invalid({ password: 'wrongPassword' });
}

export async function totpStatus(ctx: Ctx): Promise<TotpStatus> {
  const actor = regularUser(ctx);
  const row = await findTotp(ctx.db, actor.domainId, actor.userId);
  const { requireTotp } = await securityOf(ctx.db, actor.domainId);
  const enabled = Boolean(row?.confirmedAt);
  return { enabled, required: requireTotp, recoveryCodesLeft: enabled ? row!.recoveryCodes.length : 0 };
}

/**
 * A new secret, not in force until confirmed; a second call replaces an unconfirmed one. The
 * password is asked (A18) unless `mustEnrol`: a session that can do nothing else was opened by
 * the password moments ago.
 */
export async function startTotpEnrolment(ctx: Ctx, input: { password?: string }, mustEnrol: boolean): Promise<TotpEnrolment> {
  const actor = regularUser(ctx);
  const row = await findTotp(ctx.db, actor.domainId, actor.userId);
  if (row?.confirmedAt) throw new AppError('CB_TS06');
  if (!mustEnrol) await checkMyPassword(ctx, actor, input.password);
  const secret = newTotpSecret();
  await saveEnrolment(ctx.db, actor.domainId, actor.userId, secret, ctx.now);
  const domain = await ctx.db.selectFrom('domains').select('name').where('id', '=', actor.domainId).executeTakeFirstOrThrow();
  const url = otpauthUrl(secret, domain.name, actor.code);
  return { secret, otpauthUrl: url, qrSvg: await qrSvg(url) };
}

/** The first code from the app turns TOTP on; the recovery codes are returned this once. */
export async function confirmTotpEnrolment(ctx: Ctx, input: { code: string }): Promise<{ recoveryCodes: string[] }> {
  const actor = regularUser(ctx);
  const row = await findTotp(ctx.db, actor.domainId, actor.userId);
  if (!row) throw AppError.invalid({ code: 'totpNotStarted' });
  if (row.confirmedAt) throw new AppError('CB_TS06');
  const step = matchingStep(row.secret, input.code.trim(), ctx.now);
  if (step === null) throw AppError.invalid({ code: 'wrongCode' });
  const recoveryCodes = newRecoveryCodes(RECOVERY_CODE_COUNT);
  const hashes = recoveryCodes.map((c) => recoveryCodeHash(normaliseRecoveryCode(c)!));
  if (!(await confirmTotp(ctx.db, actor.domainId, actor.userId, step, hashes, ctx.now))) throw new AppError('CB_TS06');
  await recordAudit(ctx, { action: 'user.totp.enable', targetType: 'user', targetId: actor.userId });
  return { recoveryCodes };
}

/** Turns the caller's TOTP off, proving the password; not while the domain requires TOTP. */
export async function disableMyTotp(ctx: Ctx, input: { password: string }): Promise<void> {
  const actor = regularUser(ctx);
  if ((await securityOf(ctx.db, actor.domainId)).requireTotp) throw new AppError('CB_TS05');
  await checkMyPassword(ctx, actor, input.password);
  if (await deleteTotp(ctx.db, actor.domainId, actor.userId)) {
    await voidChallenges(ctx.db, actor.domainId, actor.userId, ctx.now);
    await recordAudit(ctx, { action: 'user.totp.disable', targetType: 'user', targetId: actor.userId });
  }
}

/**
 * An administrator clears a user's TOTP (lost phone): the user's sessions end, and the next
 * sign-in needs the password alone — or, where the domain requires TOTP, leads to enrolment.
 */
export async function resetUserTotp(ctx: Ctx, input: { code: string }): Promise<void> {
  const found = await findUserByCode(ctx.db, ctx.actor.domainId, input.code);
  if (!found || found.user.kind !== 'user') throw new AppError('GAIA_US01', { params: { code: input.code } });
  const user = found.user;
  const had = await deleteTotp(ctx.db, user.domainId, user.id);
  await voidChallenges(ctx.db, user.domainId, user.id, ctx.now);
  const own = ctx.actor.kind === 'user' && ctx.actor.userId === user.id ? ctx.actor.sessionIdHash : undefined;
  await endUserSessions(ctx, [user.id], own);
  await recordAudit(ctx, { action: 'user.totp.reset', targetType: 'user', targetId: user.id, detail: { code: user.code, hadTotp: had } });
}
