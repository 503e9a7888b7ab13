// Visitors' answers kept in memory: a published view may be opened by thousands, and its pages
// change far less often. An answer is reused only for the same domain, view and config version
// (bumped by every change of the view), app live revision and directory version (permissions,
// fields and names the creator reads with), records epoch, locale and normalised parameters —
// never for other parameters, another view or domain (P9). Gates (password, IP) are checked
// before the cache on every request, so the unlock state is never part of an answer.
//
// Freshness: an answer is served for at most DATA_TTL_MS after it was made, so a record change
// shows within that time on every instance, with or without a live-event bus; where the bus
// runs, a `record.changed` event of the app moves its epoch and the next request reads afresh.
import { LRUCache } from 'lru-cache';
import type { EventBus } from '../../events/bus.js';

export const DATA_TTL_MS = 3_000;
const MAX_BYTES = 64 * 1024 * 1024;

interface Entry {
  madeAt: number;
  body: Buffer;
}

const answers = new LRUCache<string, Entry>({ maxSize: MAX_BYTES, sizeCalculation: (e, k) => e.body.length + k.length * 2 + 64 });
const epochs = new Map<string, number>();
const watched = new WeakSet<EventBus>();

/** Follows record changes on `bus` (once per bus): their app's cached answers are no longer used. */
export function watchRecordChanges(bus: EventBus | undefined): void {
  if (!bus || watched.has(bus)) return;
  watched.add(bus);
  bus.subscribe((event) => {
    if (event.kind !== 'record.changed') return;
    const app = `${event.domainId}:${event.appId}`;
    epochs.set(app, (epochs.get(app) ?? 0) + 1);
  });
}

export interface AnswerKey {
  domainId: string;
  viewId: string;
  configVersion: number;
  appId: number;
  liveRevision: number;
  directoryVersion: number;
  locale: string;
  /** What was asked, normalised: `list:2:text`, `record:12`. */
  params: string;
}

export function keyOf(k: AnswerKey): string {
  const epoch = epochs.get(`${k.domainId}:${k.appId}`) ?? 0;
  return [k.domainId, k.viewId, k.configVersion, k.liveRevision, k.directoryVersion, epoch, k.locale, k.params].join('\0');
}

export function cachedAnswer(key: string, now: Date): Buffer | undefined {
  const entry = answers.get(key);
  if (!entry) return undefined;
  const age = now.getTime() - entry.madeAt;
  if (age >= 0 && age < DATA_TTL_MS) return entry.body;
  answers.delete(key);
  return undefined;
}

export function keepAnswer(key: string, now: Date, body: Buffer): void {
  answers.set(key, { madeAt: now.getTime(), body });
}
