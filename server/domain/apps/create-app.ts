import { nextIds } from '../../storage/db.js';
import { insertApp, saveDefinition } from '../../storage/apps.repo.js';
import { assertRoomFor } from '../licences/enforce.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { roleMay } from '../../../common/access.js';
import { roleOf } from '../../policy/actor.js';
import { newDefinition } from './definition.js';
import { actorUserId } from './load-app.js';
import { spaceFor } from '../spaces/space-access.js';

/** The thread an app in a space hangs under: the one named (it must be the space's), or the default. */
async function threadOfSpace(ctx: Ctx, spaceId: number, threadId: number | undefined): Promise<number | null> {
  if (threadId !== undefined) {
    const row = await ctx.db.selectFrom('spaceThreads').select('id').where('domainId', '=', ctx.actor.domainId).where('id', '=', threadId).where('spaceId', '=', spaceId).executeTakeFirst();
    if (!row) throw AppError.invalid({ thread: 'notFound' });
    return threadId;
  }
  const space = await ctx.db.selectFrom('spaces').select('defaultThreadId').where('domainId', '=', ctx.actor.domainId).where('id', '=', spaceId).executeTakeFirst();
  return space?.defaultThreadId == null ? null : Number(space.defaultThreadId);
}

/** The first preview revision of a new app, as kintone answers it. */
export const FIRST_REVISION = 2;

/**
 * Creates an app in preview: it has settings and the system fields, but no live form until it
 * is deployed.
 */
export async function createApp(ctx: Ctx, input: { name: string; space?: number; thread?: number }): Promise<{ app: number; revision: number }> {
  const role = roleOf(ctx.actor);
  if (!role || !roleMay(role, 'app.create')) throw new AppError('CB_NO02');
  if (input.space === undefined && input.thread !== undefined) throw AppError.invalid({ space: 'required' });
  // Under a guest space's path an app can only be made in that space.
  if (input.space === undefined && ctx.guestSpaceId !== undefined) throw new AppError('CB_NO02');
  const place = input.space === undefined ? null : await spaceFor(ctx, input.space, 'space.createApp');
  const threadId = place ? await threadOfSpace(ctx, place.space.id, input.thread) : null;
  await assertRoomFor(ctx, 'apps');
  const [id] = await nextIds(ctx.db, ctx.actor.domainId, 'app');
  const userId = actorUserId(ctx);
  await insertApp(ctx.db, {
    domainId: ctx.actor.domainId,
    id: id!,
    code: '',
    name: input.name,
    description: '',
    spaceId: place ? place.space.id : null,
    threadId,
    creatorId: userId,
    createdAt: ctx.now,
    modifierId: userId,
    modifiedAt: ctx.now,
    deployed: false,
  });
  const def = newDefinition(input.name, ctx.locale);
  await saveDefinition(ctx.db, ctx.actor.domainId, id!, 'preview', FIRST_REVISION, def, ctx.now);
  await recordAudit(ctx, { action: 'app.create', targetType: 'app', targetId: id, detail: { name: input.name } });
  return { app: id!, revision: FIRST_REVISION };
}
