// Live events (ours): `GET /api/events`, a server-sent-events stream for the web app's pages.
// A page names what it shows — threads, apps (their record lists), single records — and hears
// which of them changed, in kinds and ids only; it then refetches through the normal API, which
// applies every permission and field rule. Its own notifications it always hears.
// Shared by the server, the web client and the tests.
import { z } from 'zod';
import { MAX_ID } from './params.js';

export const EVENTS_PATH = '/api/events';

/** Topics one stream may name (more: CB_VA01). */
export const MAX_THREAD_TOPICS = 20;
export const MAX_APP_TOPICS = 20;
export const MAX_RECORD_TOPICS = 50;

/** `a=1&a=2`, `a[]=1&a[]=2` and `a=1,2` alike. */
function listOf(v: unknown): unknown {
  if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter(Boolean);
  return v;
}

const topicId = z
  .union([z.number().int().positive(), z.string().regex(/^\d{1,10}$/, 'invalid')])
  .transform((v) => Number(v))
  .refine((n) => n > 0 && n <= MAX_ID, 'invalid');

/** `app:record`, e.g. `5:7` for record 7 of app 5. */
const recordTopic = z
  .string()
  .regex(/^\d{1,10}:\d{1,16}$/, 'invalid')
  .transform((s) => {
    const [app, record] = s.split(':');
    return { appId: Number(app), recordId: Number(record) };
  })
  .refine((t) => t.appId > 0 && t.appId <= MAX_ID && t.recordId > 0 && Number.isSafeInteger(t.recordId), 'invalid');

const topics = <T extends z.ZodType>(item: T, max: number) => z.preprocess(listOf, z.array(item).max(max)).optional();

export const eventsInput = z
  .object({
    /** Thread ids: new, liked and deleted comments of these threads. */
    thread: topics(topicId, MAX_THREAD_TOPICS),
    /** App ids: any record of these apps added, edited, moved on or deleted. */
    app: topics(topicId, MAX_APP_TOPICS),
    /** `app:record` pairs: these records edited, moved on or deleted, and their comments added or deleted. */
    record: topics(recordTopic, MAX_RECORD_TOPICS),
  })
  .strict();
export type EventsInput = z.output<typeof eventsInput>;

/**
 * What the stream sends, one JSON object per `data:` line. Ids are strings, as in kintone's
 * answers. A topic the subscriber cannot read — unknown, in another space, hidden by record
 * permissions — is accepted like any other and never yields anything.
 */
export type LiveMessage =
  /** The subscription is in place: refetch now, so nothing between page load and stream is missed. */
  | { kind: 'ready' }
  | { kind: 'thread.comment'; spaceId: string; threadId: string; commentId: string; action: 'added' | 'edited' | 'deleted' }
  /** `revision` null: the record was deleted. Without `recordId`: many records of the app changed at once. */
  | { kind: 'record.changed'; appId: string; recordId?: string; revision?: string | null }
  /** A comment was added to or deleted from a record the subscriber named (`record` topics) and may read. */
  | { kind: 'record.comment'; appId: string; recordId: string; commentId: string; action: 'added' | 'deleted' }
  /** Notifications arrived for this user: refetch the inbox. */
  | { kind: 'notification' }
  /** This session ended (sign-out, password change, suspension, revocation): the stream closes. */
  | { kind: 'session.ended' };

/** Record changes of one app in one delivery beyond which a list page is told to refetch instead. */
export const MAX_RECORD_MESSAGES = 100;
