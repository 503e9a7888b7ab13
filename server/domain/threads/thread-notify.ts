// Who hears of what happens in a thread, written in the transaction of the change:
// - a new thread: every member and guest of the space, "All"; "To me" with notifyAll;
// - a new comment: those it mentions, "To me"; the thread's followers, "All";
// - a like: the comment's author, "All".
// Only people who may read the thread now are written to (thread-readers.ts), nobody hears of
// their own act (deliver.ts), and what each sees is decided again when they read it
// (notifications/threads.ts).
import type { Mention, MentionType } from '../../../common/api/comments.js';
import type { NotificationKind } from '../../../common/api/notifications.js';
import { spaceGuestIds } from '../../storage/guests.repo.js';
import { followerIds, spaceMemberRefs } from '../../storage/threads.repo.js';
import type { Ctx } from '../context.js';
import { deliver } from '../notifications/deliver.js';
import { Audience, type PeopleRef, resolvePeople } from '../notifications/recipients.js';
import type { ThreadPlace } from './thread-access.js';
import { readersOf } from './thread-readers.js';

interface Reach {
  refs: PeopleRef[];
  toMe: boolean;
}

async function notify(ctx: Ctx, place: ThreadPlace, kind: NotificationKind, commentId: number | null, reach: Reach[], kindOf?: (userId: number) => NotificationKind): Promise<void> {
  const domainId = ctx.actor.domainId;
  const people = await resolvePeople(ctx, domainId, reach.flatMap((r) => r.refs));
  const audience = new Audience();
  for (const r of reach) for (const ref of r.refs) audience.add(people.usersOf(ref), r.toMe);
  const readers = await readersOf(ctx, place.version, place.space, [...audience.users.keys()]);
  for (const id of [...audience.users.keys()]) if (!readers.has(id)) audience.users.delete(id);
  await deliver(ctx, [
    { kind, appId: null, recordId: null, spaceId: place.space.id, threadId: place.thread.id, threadCommentId: commentId, audience, ...(kindOf ? { kindOf } : {}) },
  ]);
}

/** Everyone in the space: its member rows expanded, and its guests. */
async function everyoneIn(ctx: Ctx, spaceId: number): Promise<PeopleRef[]> {
  const domainId = ctx.actor.domainId;
  const refs: PeopleRef[] = (await spaceMemberRefs(ctx.db, domainId, spaceId)).map((m): PeopleRef => {
    if (m.type === 'USER') return { type: 'ID', id: m.userId! };
    if (m.type === 'GROUP') return { type: 'GROUP', code: m.code! };
    return { type: 'ORGANIZATION', code: m.code!, includeSubs: m.includeSubs };
  });
  for (const id of await spaceGuestIds(ctx.db, domainId, spaceId)) refs.push({ type: 'ID', id });
  return refs;
}

export async function threadCreated(ctx: Ctx, place: ThreadPlace, notifyAll: boolean): Promise<void> {
  await notify(ctx, place, 'threadCreated', null, [{ refs: await everyoneIn(ctx, place.space.id), toMe: notifyAll }]);
}

const MENTION: Record<MentionType, (code: string) => PeopleRef> = {
  USER: (code) => ({ type: 'USER', code }),
  GROUP: (code) => ({ type: 'GROUP', code }),
  ORGANIZATION: (code) => ({ type: 'ORGANIZATION', code, includeSubs: false }),
};

export async function threadCommentPosted(ctx: Ctx, place: ThreadPlace, commentId: number, mentions: Mention[]): Promise<void> {
  const mentioned = mentions.map((m) => MENTION[m.type](m.code));
  const followers: PeopleRef[] = (await followerIds(ctx.db, ctx.actor.domainId, place.thread.id)).map((id) => ({ type: 'ID', id }));
  const people = await resolvePeople(ctx, ctx.actor.domainId, mentioned);
  const mentionedIds = new Set(mentioned.flatMap((r) => people.usersOf(r)));
  await notify(
    ctx,
    place,
    'commentAdded',
    commentId,
    [
      { refs: followers, toMe: false },
      { refs: mentioned, toMe: true },
    ],
    (userId) => (mentionedIds.has(userId) ? 'mention' : 'commentAdded'),
  );
}

export async function threadCommentLiked(ctx: Ctx, place: ThreadPlace, commentId: number, authorId: number): Promise<void> {
  await notify(ctx, place, 'commentLiked', commentId, [{ refs: [{ type: 'ID', id: authorId }], toMe: false }]);
}
