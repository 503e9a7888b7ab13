// Live updates: one server-sent-events stream per tab (GET /api/events), shared by every screen
// that wants to hear of changes. Each subscriber names what it shows (threads, apps, single
// records) and the kinds of message it handles; the stream asks for the union of those topics and
// is reopened only when that union changes. A message is passed on to the subscribers it
// concerns, which refetch through the normal API: the stream says what changed, never what it is,
// so every permission is applied by the server as usual.
import { useEffect, useRef } from 'react';
import { EVENTS_PATH, type LiveMessage, MAX_APP_TOPICS, MAX_RECORD_TOPICS, MAX_THREAD_TOPICS } from '../../../common/api/events.js';

export type { LiveMessage };
export type LiveKind = LiveMessage['kind'];

export interface LiveTopics {
  thread?: readonly string[];
  app?: readonly string[];
  /** `app:record` pairs, e.g. `5:7`. */
  record?: readonly string[];
}

export type LiveHandlers = { [K in LiveKind]?: (m: Extract<LiveMessage, { kind: K }>) => void };

interface Subscriber {
  topics: LiveTopics;
  handlers: { current: LiveHandlers };
}

const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 60_000;

const subscribers = new Set<Subscriber>();
let source: EventSource | null = null;
let openedUrl = '';
let scheduled = false;
let retry: ReturnType<typeof setTimeout> | undefined;
/** Wait before reopening a stream the server refused (busy, restarting): grows up to a minute. */
let retryMs = RETRY_FIRST_MS;

const LIMITS: Record<keyof LiveTopics, number> = { thread: MAX_THREAD_TOPICS, app: MAX_APP_TOPICS, record: MAX_RECORD_TOPICS };

/** The stream's address for the topics of every subscriber (the server refuses more than its caps). */
function streamUrl(): string {
  const params: string[] = [];
  for (const key of ['thread', 'app', 'record'] as const) {
    const ids = [...new Set([...subscribers].flatMap((s) => s.topics[key] ?? []))].sort().slice(0, LIMITS[key]);
    if (ids.length) params.push(`${key}=${encodeURIComponent(ids.join(','))}`);
  }
  return params.length ? `${EVENTS_PATH}?${params.join('&')}` : EVENTS_PATH;
}

/** Whether a message is about something this subscriber shows (its own notifications always are). */
function concerns(topics: LiveTopics, m: LiveMessage): boolean {
  if (m.kind === 'thread.comment') return topics.thread?.includes(m.threadId) === true;
  if (m.kind === 'record.comment') return topics.record?.includes(`${m.appId}:${m.recordId}`) === true;
  if (m.kind === 'record.changed') {
    if (topics.app?.includes(m.appId)) return true;
    const prefix = `${m.appId}:`;
    return (topics.record ?? []).some((r) => (m.recordId === undefined ? r.startsWith(prefix) : r === `${prefix}${m.recordId}`));
  }
  return true;
}

function deliver(m: LiveMessage): void {
  for (const s of [...subscribers]) {
    if (!concerns(s.topics, m)) continue;
    const handler = s.handlers.current[m.kind] as ((m: LiveMessage) => void) | undefined;
    handler?.(m);
  }
}

/** Opens, reopens or closes the stream to match the subscribers, once per turn of changes. */
function reconcile(): void {
  scheduled = false;
  clearTimeout(retry);
  if (subscribers.size === 0 || typeof EventSource === 'undefined') {
    source?.close();
    source = null;
    openedUrl = '';
    return;
  }
  const url = streamUrl();
  if (source && url === openedUrl) return;
  source?.close();
  openedUrl = url;
  const es = new EventSource(url, { withCredentials: true });
  source = es;
  // EventSource itself reconnects after a dropped stream, but gives up on a refusal (an answer
  // other than a stream: too many streams, a restart); try again later, more slowly each time.
  es.onerror = () => {
    if (es.readyState !== EventSource.CLOSED || source !== es) return;
    source = null;
    retry = setTimeout(schedule, retryMs);
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  };
  es.onmessage = (e: MessageEvent<string>) => {
    retryMs = RETRY_FIRST_MS;
    let m: LiveMessage;
    try {
      m = JSON.parse(e.data) as LiveMessage;
    } catch {
      return; // not ours
    }
    // The session is over: no reconnecting; a new page after signing in opens a new stream.
    if (m.kind === 'session.ended') {
      es.close();
      if (source === es) source = null;
    }
    deliver(m);
  };
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // A page change unsubscribes and subscribes in one go: decide once it has settled.
  setTimeout(reconcile, 0);
}

/** Adds a subscriber (its handlers read at each message); answers its removal. */
export function subscribe(topics: LiveTopics, handlers: { current: LiveHandlers }): () => void {
  const subscriber: Subscriber = { topics, handlers };
  subscribers.add(subscriber);
  schedule();
  return () => {
    subscribers.delete(subscriber);
    schedule();
  };
}

/**
 * Hears the live messages about `topics` (and one's notifications) while `enabled`. `ready`
 * comes whenever the stream (re)opens: refetch then, so nothing between load and stream is missed.
 */
export function useLive(topics: LiveTopics, handlers: LiveHandlers, enabled = true): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  const key = JSON.stringify([topics.thread ?? [], topics.app ?? [], topics.record ?? []]);
  useEffect(() => {
    if (!enabled) return;
    const [thread, app, record] = JSON.parse(key) as [string[], string[], string[]];
    return subscribe({ thread, app, record }, current);
  }, [key, enabled]);
}
