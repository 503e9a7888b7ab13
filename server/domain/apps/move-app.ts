// app/move: an app changes space (or leaves every space). Guest spaces keep their apps and take
// no others: kintone offers no guest space as a target, and apps there relate only to each
// other (features A2, probe S4). The mover must manage the app and may create apps where it goes.
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { directoryVersion, guestSpaceOf, spaceFor } from '../spaces/space-access.js';
import { actorUserId, appFor } from './load-app.js';

export async function moveApp(ctx: Ctx, appId: number, spaceId: number | null): Promise<void> {
  const app = await appFor(ctx, appId, 'app.manage');
  const version = await directoryVersion(ctx);
  if ((await guestSpaceOf(ctx, version, app.spaceId)) !== null) throw new AppError('CB_NO02');
  let threadId: number | null = null;
  if (spaceId !== null) {
    const target = await spaceFor(ctx, spaceId, 'space.createApp');
    if (target.space.isGuest) throw AppError.invalid({ space: 'guestSpaceTarget' });
    const row = await ctx.db.selectFrom('spaces').select('defaultThreadId').where('domainId', '=', ctx.actor.domainId).where('id', '=', spaceId).executeTakeFirst();
    threadId = row?.defaultThreadId == null ? null : Number(row.defaultThreadId);
  }
  await ctx.db
    .updateTable('apps')
    .set({ spaceId, threadId, modifierId: actorUserId(ctx), modifiedAt: ctx.now.toISOString() })
    .where('domainId', '=', ctx.actor.domainId)
    .where('id', '=', appId)
    .execute();
  await recordAudit(ctx, { action: 'app.move', targetType: 'app', targetId: appId, detail: { from: app.spaceId, to: spaceId } });
}
