// The threads of a space made from a template: the new space's default thread takes the first
// template thread's name and body, and each further one becomes a new thread, in order. These are
// copies set up with the space, not posts (so not createThread, which needs the creator to hold
// 'thread.create' in the new space and notifies): nobody is notified, nobody follows them yet,
// as with the default thread createSpace makes.
import { THREAD_SEQUENCE } from '../../storage/spaces.repo.js';
import { insertThread, updateThread } from '../../storage/threads.repo.js';
import type { Ctx } from '../context.js';
import { actorUserId } from '../apps/load-app.js';
import { sanitizeRichText } from '../rich-text.js';
import type { TemplateDefinition } from './space-templates-model.js';

/** The new thread ids, by the template's thread index. */
export async function copyTemplateThreads(ctx: Ctx, template: TemplateDefinition, space: { id: number; defaultThread: number }): Promise<number[]> {
  const [first, ...rest] = template.threads;
  if (!first) return [space.defaultThread];
  const domainId = ctx.actor.domainId;
  const userId = actorUserId(ctx);
  const multi = template.threads.length > 1 || template.space.useMultiThread;
  // A single-thread space's thread has no name of its own (create-space.ts).
  await updateThread(ctx.db, domainId, space.defaultThread, {
    ...(multi && first.name ? { name: first.name } : {}),
    ...(first.body ? { body: sanitizeRichText(first.body) } : {}),
    modifierId: userId,
    modifiedAt: ctx.now,
  });
  // Thread ids come from ctx.takeIds everywhere (createSpace, createThread): mixing it with
  // nextIds on the transaction would, on PostgreSQL, wait on a sequence row this transaction locked.
  const ids = await ctx.takeIds(THREAD_SEQUENCE, rest.length);
  for (const [i, t] of rest.entries()) {
    await insertThread(ctx.db, domainId, {
      id: ids[i]!,
      spaceId: space.id,
      name: t.name,
      body: t.body ? sanitizeRichText(t.body) : null,
      creatorId: userId,
      createdAt: ctx.now,
      modifierId: userId,
      modifiedAt: ctx.now,
    });
  }
  return [space.defaultThread, ...ids];
}
