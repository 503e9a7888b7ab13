import type { NewUser } from '../../../common/api/users.js';
import { nextIds } from '../../storage/db.js';
import { toDb } from '../../storage/dialect.js';
import { codeKey } from '../../storage/users.repo.js';
import { assertUserLicences } from '../licences/enforce.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword } from '../auth/passwords.js';
import { checkNewPassword } from '../auth/password-policy.js';

/** Adds regular users, all or none. Returns their new ids in input order. */
export async function createUsers(ctx: Ctx, users: NewUser[], hashes?: string[]): Promise<number[]> {
  const problems: Record<string, FieldProblem[]> = {};
  const seen = new Map<string, number>();
  users.forEach((u, i) => {
    const key = codeKey(u.code);
    if (seen.has(key)) problems[`users[${i}].code`] = [{ key: 'duplicateInRequest' }];
    seen.set(key, i);
  });
  for (const [i, u] of users.entries()) {
    const pw = await checkNewPassword(ctx, { password: u.password, login: u.code, email: u.email });
    if (pw.length) problems[`users[${i}].password`] = pw;
  }
  const existing = await ctx.db
    .selectFrom('users')
    .select('codeKey')
    .where('domainId', '=', ctx.actor.domainId)
    .where('codeKey', 'in', [...seen.keys()])
    .execute();
  for (const row of existing) problems[`users[${seen.get(row.codeKey)}].code`] = [{ key: 'duplicate' }];
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });

  const passwordHashes = hashes ?? (await Promise.all(users.map((u) => hashPassword(u.password))));
  const ids = await nextIds(ctx.db, ctx.actor.domainId, 'user', users.length);
  const now = toDb.time(ctx.now);
  await ctx.db
    .insertInto('users')
    .values(
      users.map((u, i) => ({
        domainId: ctx.actor.domainId,
        id: ids[i]!,
        kind: 'user' as const,
        code: u.code,
        codeKey: codeKey(u.code),
        name: u.name,
        email: u.email,
        passwordHash: passwordHashes[i]!,
        locale: u.locale ?? ctx.config.defaultLocale,
        timezone: u.timezone ?? 'Asia/Tokyo',
        valid: toDb.bool(ctx.dialect, u.valid ?? true),
        isAdmin: toDb.bool(ctx.dialect, u.isAdmin ?? false),
        description: u.description ?? '',
        phone: u.phone ?? '',
        primaryOrganizationId: null,
        sortOrder: u.sortOrder ?? null,
        failedLogins: 0,
        lockedUntil: null,
        lastLoginAt: null,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .execute();
  if (users.some((u) => u.valid ?? true)) await assertUserLicences(ctx);
  for (const [i, u] of users.entries()) {
    await recordAudit(ctx, {
      action: 'user.create',
      targetType: 'user',
      targetId: ids[i],
      detail: { code: u.code, isAdmin: u.isAdmin ?? false, valid: u.valid ?? true },
    });
  }
  return ids;
}
