// Which of the events a stream heard its subscriber may be told now: each is checked against the
// subscriber's rights at this moment, exactly as their own GET would be — a thread comment only
// to those who may read the thread, a record change only to those who may read the record, a
// notification only to its recipient. What passes is said in kinds and ids only.
import { MAX_RECORD_MESSAGES, type LiveMessage } from '../../../common/api/events.js';
import type { LiveEvent, RecordChange } from '../../events/bus.js';
import type { SignedInActor } from '../../policy/actor.js';
import type { Ctx } from '../context.js';
import { findVisibleRecords } from '../records/record-scope.js';
import { type Watch, readableApp, readableThread, recordKey, remember } from './watch.js';

type ThreadEvent = Extract<LiveEvent, { kind: 'thread.comment' }>;
type CommentEvent = Extract<LiveEvent, { kind: 'record.comment' }>;

/** Whether the stream listens for this event at all (before any rights are checked). */
export function concerns(watch: Watch, userId: number, e: LiveEvent): boolean {
  switch (e.kind) {
    case 'thread.comment':
      return watch.threads.has(e.threadId);
    case 'record.changed':
      return watch.apps.has(e.appId) || watch.records.has(e.appId);
    case 'record.comment':
      return watch.records.get(e.appId)?.has(e.recordId) ?? false;
    case 'notification':
      return e.userIds.includes(userId);
    default:
      return false;
  }
}

export async function sift(ctx: Ctx & { actor: SignedInActor }, watch: Watch, events: LiveEvent[]): Promise<LiveMessage[]> {
  const out: LiveMessage[] = [];
  const threads = new Map<number, ThreadEvent[]>();
  const records = new Map<number, Map<number, RecordChange>>();
  const comments: CommentEvent[] = [];
  let notified = false;
  for (const e of events) {
    if (e.domainId !== ctx.actor.domainId || !concerns(watch, ctx.actor.userId, e)) continue;
    if (e.kind === 'notification') notified = true;
    else if (e.kind === 'thread.comment') threads.set(e.threadId, [...(threads.get(e.threadId) ?? []), e]);
    else if (e.kind === 'record.comment') comments.push(e);
    else if (e.kind === 'record.changed') {
      let changes = records.get(e.appId);
      if (!changes) records.set(e.appId, (changes = new Map()));
      // The latest word on each record stands; a record written then deleted is deleted.
      for (const r of e.records) {
        changes.delete(r.id);
        changes.set(r.id, r);
      }
    }
  }
  if (notified) out.push({ kind: 'notification' });
  for (const [threadId, said] of threads) {
    const spaceId = await readableThread(ctx, threadId);
    if (spaceId === null) continue;
    watch.spaces.add(spaceId);
    for (const e of said) {
      out.push({ kind: 'thread.comment', spaceId: String(e.spaceId), threadId: String(e.threadId), commentId: String(e.commentId), action: e.action });
    }
  }
  for (const [appId, changes] of records) out.push(...(await recordMessages(ctx, watch, appId, [...changes.values()])));
  out.push(...(await commentMessages(ctx, comments)));
  return out;
}

/** Record comments, told only to a subscriber who may read the record now (as GET record/comments.json). */
async function commentMessages(ctx: Ctx, comments: CommentEvent[]): Promise<LiveMessage[]> {
  const out: LiveMessage[] = [];
  const readable = new Map<string, boolean>();
  for (const e of comments) {
    const key = recordKey(e.appId, e.recordId);
    let may = readable.get(key);
    if (may === undefined) {
      const schema = await readableApp(ctx, e.appId);
      may = schema !== null && (await findVisibleRecords(ctx, schema, [e.recordId])).has(e.recordId);
      readable.set(key, may);
    }
    if (may) out.push({ kind: 'record.comment', appId: String(e.appId), recordId: String(e.recordId), commentId: String(e.commentId), action: e.action });
  }
  return out;
}

async function recordMessages(ctx: Ctx, watch: Watch, appId: number, changes: RecordChange[]): Promise<LiveMessage[]> {
  const wanted = watch.apps.has(appId) ? changes : changes.filter((c) => watch.records.get(appId)?.has(c.id));
  if (wanted.length === 0) return [];
  const schema = await readableApp(ctx, appId);
  if (!schema) return [];
  if (schema.app.spaceId !== null) watch.spaces.add(schema.app.spaceId);
  const written = wanted.filter((c) => c.revision !== null).map((c) => c.id);
  const visible = new Set<number>();
  for (let i = 0; i < written.length; i += 1000) {
    for (const id of (await findVisibleRecords(ctx, schema, written.slice(i, i + 1000))).keys()) visible.add(id);
  }
  // Without record permissions whoever views the app views every record, deleted ones included;
  // with them, a deletion is told only of a record this stream saw readable.
  const everyRecord = (schema.def.recordAcl ?? []).length === 0;
  const out: LiveMessage[] = [];
  for (const c of wanted) {
    const key = recordKey(appId, c.id);
    if (c.revision === null) {
      const told = everyRecord || watch.seen.has(key);
      remember(watch, key, false);
      if (told) out.push({ kind: 'record.changed', appId: String(appId), recordId: String(c.id), revision: null });
      continue;
    }
    const readable = visible.has(c.id);
    remember(watch, key, readable);
    if (readable) out.push({ kind: 'record.changed', appId: String(appId), recordId: String(c.id), revision: String(c.revision) });
  }
  return out.length > MAX_RECORD_MESSAGES ? [{ kind: 'record.changed', appId: String(appId) }] : out;
}
