// The thread a call is about, as the caller may reach it. Every thread is reached through its
// space with spaceFor, so the path rules hold (spec/security.md §2, probe G2): under
// /k/guest/{id}/ the thread must be in guest space {id}, and a thread the caller cannot see —
// in a private space they are not in, in another guest space, or under the wrong prefix —
// answers exactly like one that does not exist.
import type { SpaceAction } from '../../policy/spaces.js';
import { spaceMay } from '../../policy/spaces.js';
import { type StoredThread, findThread } from '../../storage/threads.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { type SpacePlace, spaceFor } from '../spaces/space-access.js';

export interface ThreadPlace extends SpacePlace {
  role: NonNullable<SpacePlace['role']>;
  version: number;
  thread: StoredThread;
}

/** A missing or unreachable thread: 404 to users on the plain path, CB_NO02 to guests and under a guest prefix. */
export function threadUnseen(ctx: Ctx, threadId: number): AppError {
  if (ctx.actor.kind === 'guest' || ctx.guestSpaceId !== undefined) return new AppError('CB_NO02');
  return new AppError('GAIA_TH01', { params: { id: threadId } });
}

/** The thread by id alone (thread.json): its space is the one it lives in. */
export async function threadFor(ctx: Ctx, threadId: number, action: SpaceAction): Promise<ThreadPlace> {
  const thread = await findThread(ctx.db, ctx.actor.domainId, threadId);
  if (!thread) throw threadUnseen(ctx, threadId);
  try {
    return { ...(await spaceFor(ctx, thread.spaceId, action)), thread };
  } catch (err) {
    // "No such space" would name the thread's space: the thread is what was asked for.
    if (err instanceof AppError && err.code === 'GAIA_SP01') throw threadUnseen(ctx, threadId);
    throw err;
  }
}

/** The thread of a space (comment.json): the space is entered first, the thread must be in it. */
export async function threadIn(ctx: Ctx, spaceId: number, threadId: number, action: SpaceAction): Promise<ThreadPlace> {
  const place = await spaceFor(ctx, spaceId, action);
  const thread = await findThread(ctx.db, ctx.actor.domainId, threadId);
  if (!thread || thread.spaceId !== spaceId) throw threadUnseen(ctx, threadId);
  return { ...place, thread };
}

/** Who acts: a user or a guest (thread routes are for people only). */
export function actorId(ctx: Ctx): number {
  const a = ctx.actor;
  if (a.kind === 'user' || a.kind === 'guest') return a.userId;
  throw new AppError('CB_NO02');
}

/**
 * Editing and deleting: one's own thread needs `thread.editOwn`, anyone else's `thread.editAny`
 * (space administrators). A caller who sees the thread learns nothing from CB_NO02.
 */
export function checkEditable(ctx: Ctx, place: ThreadPlace): void {
  const own = place.thread.creatorId === actorId(ctx);
  const may = spaceMay(place.role, 'thread.editAny', place.space) || (own && spaceMay(place.role, 'thread.editOwn', place.space));
  if (!may) throw new AppError('CB_NO02');
}
