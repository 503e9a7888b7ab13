import type { Ctx } from '../context.js';

/** Who writes, as the field and formula modules need it: defaults, LOGINUSER(), time zone. */
export interface Writer {
  userId: number;
  code: string;
  timeZone: string;
  locale: 'ja' | 'en';
  primaryOrganization: string | null;
}

export async function writerOf(ctx: Ctx): Promise<Writer> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' && actor.kind !== 'guest') {
    return { userId: 0, code: '', timeZone: 'Asia/Tokyo', locale: ctx.locale, primaryOrganization: null };
  }
  const row = await ctx.db
    .selectFrom('users')
    .leftJoin('organizations', (j) =>
      j.onRef('organizations.domainId', '=', 'users.domainId').onRef('organizations.id', '=', 'users.primaryOrganizationId'),
    )
    .select(['users.code', 'users.timezone', 'users.locale', 'organizations.code as orgCode'])
    .where('users.domainId', '=', actor.domainId)
    .where('users.id', '=', actor.userId)
    .executeTakeFirst();
  return {
    userId: actor.userId,
    code: row?.code ?? actor.code,
    timeZone: row?.timezone ?? 'Asia/Tokyo',
    locale: row?.locale ?? ctx.locale,
    primaryOrganization: row?.orgCode ?? null,
  };
}
