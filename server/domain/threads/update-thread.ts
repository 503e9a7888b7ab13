// PUT space/thread.json: a thread's name and body (sanitised HTML). Its creator may change it
// ('thread.editOwn'), space administrators any thread ('thread.editAny'); a guest changing
// someone else's gets CB_NO02 while its own stays editable (probe G15). A single-thread space's
// thread has no name to change (kintone).
import type { UpdateThreadInput } from '../../../common/api/threads.js';
import { findThreadSpace, updateThread as updateStoredThread } from '../../storage/threads.repo.js';
import { AppError } from '../app-error.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { sanitizeRichText } from '../rich-text.js';
import { actorId, checkEditable, threadFor } from './thread-access.js';

export async function updateThread(ctx: Ctx, input: UpdateThreadInput): Promise<void> {
  const place = await threadFor(ctx, input.id, 'space.read');
  checkEditable(ctx, place);
  const domainId = ctx.actor.domainId;
  if (input.name !== undefined) {
    const space = await findThreadSpace(ctx.db, domainId, place.thread.spaceId);
    if (!space?.useMultiThread) throw AppError.invalid({ name: 'singleThreadSpace' });
  }
  await updateStoredThread(ctx.db, domainId, input.id, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.body !== undefined ? { body: sanitizeRichText(input.body) } : {}),
    modifierId: actorId(ctx),
    modifiedAt: ctx.now,
  });
  const changed = [...(input.name !== undefined ? ['name'] : []), ...(input.body !== undefined ? ['body'] : [])];
  await recordAudit(ctx, { action: 'thread.update', targetType: 'thread', targetId: input.id, detail: { changed } });
}
