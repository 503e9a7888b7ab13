// Notifications about threads, as the reader may see them when they read them (or when they are
// mailed), never as they were when written (spec/security.md §2, probe G13): the thread must
// still exist and its space must still be the reader's — a guest taken out of the space, a user
// who left a private one, sees nothing of it any more, not even that it was there. The space's
// and thread's names and the comment come from the rows as they are now.
import type { NotificationJson, NotificationKind } from '../../../common/api/notifications.js';
import type { StoredNotification } from '../../storage/notifications.repo.js';
import { type StoredThreadComment, findThreadCommentsByIds } from '../../storage/thread-comments.repo.js';
import { type StoredThread, type ThreadSpace, findThreadSpace, findThreadsByIds } from '../../storage/threads.repo.js';
import type { Ctx } from '../context.js';
import { loadNames } from '../directory/cache.js';
import { directoryVersion, placeIn } from '../spaces/space-access.js';
import { mentionCodes, personOf, shownText } from '../threads/comment-text.js';

interface SeenThread {
  thread: StoredThread;
  space: ThreadSpace;
}

/** One reader's view of thread notifications, asked once per thread and request. */
export class ThreadNotices {
  readonly #threads = new Map<number, SeenThread | null>();
  readonly #spaces = new Map<number, ThreadSpace | null>();
  #version: number | undefined;

  constructor(readonly ctx: Ctx) {}

  async #versionNow(): Promise<number> {
    this.#version ??= await directoryVersion(this.ctx);
    return this.#version;
  }

  /** Works out, for the threads of these rows not asked about yet, whether the reader sees them. */
  async load(rows: StoredNotification[]): Promise<void> {
    const ids = [...new Set(rows.flatMap((n) => (n.threadId === null || this.#threads.has(n.threadId) ? [] : [n.threadId])))];
    if (ids.length === 0) return;
    const ctx = this.ctx;
    const version = await this.#versionNow();
    const found = await findThreadsByIds(ctx.db, ctx.actor.domainId, ids);
    for (const id of ids) {
      const thread = found.get(id);
      const place = thread ? await placeIn(ctx, version, thread.spaceId) : null;
      const space = thread && place?.role ? await this.#space(thread.spaceId) : null;
      this.#threads.set(id, thread && space ? { thread, space } : null);
    }
  }

  async #space(id: number): Promise<ThreadSpace | null> {
    if (!this.#spaces.has(id)) this.#spaces.set(id, await findThreadSpace(this.ctx.db, this.ctx.actor.domainId, id));
    return this.#spaces.get(id)!;
  }

  /** Whether the reader may see this thread notification (call load first). */
  sees(n: StoredNotification): boolean {
    return n.threadId !== null && Boolean(this.#threads.get(n.threadId));
  }

  /** The visible ones of these thread notifications, presented without their summary line. */
  async present(rows: StoredNotification[]): Promise<Map<number, NotificationJson>> {
    await this.load(rows);
    const visible = rows.filter((n) => this.sees(n));
    const out = new Map<number, NotificationJson>();
    if (visible.length === 0) return out;
    const ctx = this.ctx;
    const commentIds = [...new Set(visible.flatMap((n) => (n.threadCommentId === null ? [] : [n.threadCommentId])))];
    const comments = await findThreadCommentsByIds(ctx.db, ctx.actor.domainId, commentIds);
    const senders = new Set(visible.flatMap((n) => (n.senderId ? [n.senderId] : [])));
    const names = await loadNames(ctx, await this.#versionNow(), mentionCodes(comments.values()), senders);
    for (const n of visible) {
      const seen = this.#threads.get(n.threadId!)!;
      const c: StoredThreadComment | undefined = n.threadCommentId === null ? undefined : comments.get(n.threadCommentId);
      out.set(n.id, {
        id: String(n.id),
        kind: n.kind as NotificationKind,
        toMe: n.toMe,
        read: n.readAt !== null,
        createdAt: n.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        sender: n.senderId === null ? null : n.senderId === 0 ? { code: 'Administrator', name: 'Administrator' } : personOf(n.senderId, names),
        app: null,
        record: null,
        space: { id: String(seen.space.id), name: seen.space.name },
        thread: { id: String(seen.thread.id), name: seen.thread.name },
        // A comment moved to another thread cannot happen; a deleted one shows as null.
        comment: c && c.threadId === seen.thread.id ? { id: String(c.id), text: shownText(c, names) } : null,
        summary: '',
      });
    }
    return out;
  }
}

/** What a thread notification is titled with: the space, and the thread when it has a name of its own. */
export function threadTitle(n: Pick<NotificationJson, 'space' | 'thread'>): string {
  const space = n.space?.name ?? '';
  const thread = n.thread?.name ?? '';
  return thread && thread !== space ? `${space} / ${thread}` : space;
}
