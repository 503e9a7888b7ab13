// Visitors' answers kept in memory: a published view may be opened by thousands, and its pages
// change far less often. An answer is reused only for the same domain, view and config version
// (bumped by every change of the view), app live revision and directory version (permissions,
// fields and names the creator reads with), records epoch, locale and normalised parameters —
// never for other parameters, another view or domain (P9). Gates (password, IP) are checked
// before the cache on every request, so the unlock state is never part of an answer.
//
// Freshness: an answer is fresh for DATA_TTL_MS after it was made, so a record change shows
// within that time on every instance, with or without a live-event bus; where the bus runs, a
// `record.changed` event of the app moves its epoch and the answer is made again at the next
// request. Either way the request that finds it stale makes it again and waits for it; others
// asking meanwhile get the previous answer at once if it is at most STALE_GRACE_MS past its
// freshness (never across a change of the view, the app's revision or the directory version,
// which are in the key: those wait), so a page read by thousands is made once per period and
// nobody queues behind the making. The grace is long (10 s) because it only spans the making: a
// page made again in 0.2 s is stale for 0.2 s, while under a storm of new searches that slows the
// database (PostgreSQL on the same cores), the page everyone reads stays answered, a few seconds
// older, rather than every visitor waiting on its making. Where this process hears of its own record changes (a bus)
// and the database can tell whether another process wrote since (SQLite), an answer whose epoch
// has not moved is renewed rather than made again: on SQLite, making a page is synchronous work
// that holds up every other request, and a page nobody changed need not be made every 3 s.
//
// Busy: a view making more than MAX_MAKING_PER_VIEW answers at once (a storm of new searches or
// pages), or the process more than MAX_MAKING, refuses further new answers with CB_PV06 (429,
// retry in a second) instead of letting them pile up on the database and slow every other
// request; answers already kept are always made again when stale (one at a time each).
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import type { EventBus } from '../../events/bus.js';
import { AppError } from '../app-error.js';

export const DATA_TTL_MS = 3_000;
export const STALE_GRACE_MS = 10_000;
export const MAX_MAKING_PER_VIEW = 4;
export const MAX_MAKING = 12;
const MAX_BYTES = 64 * 1024 * 1024;

interface Entry {
  madeAt: number;
  /** The app's records epoch when the answer was begun. */
  epoch: number;
  /** The database's stamp of other processes' commits then (null: none to compare). */
  stamp: number | null;
  body: Buffer;
}

const answers = new LRUCache<string, Entry>({ maxSize: MAX_BYTES, sizeCalculation: (e, k) => e.body.length + k.length * 2 + 64 });
const epochs = new Map<string, number>();
const watched = new WeakSet<EventBus>();

/**
 * Follows record changes on `bus` (once per bus): their app's cached answers are no longer used.
 * True when there is a bus: this process then hears of every record change it makes.
 */
export function watchRecordChanges(bus: EventBus | undefined): boolean {
  if (!bus) return false;
  if (watched.has(bus)) return true;
  watched.add(bus);
  bus.subscribe((event) => {
    if (event.kind !== 'record.changed') return;
    const app = `${event.domainId}:${event.appId}`;
    epochs.set(app, (epochs.get(app) ?? 0) + 1);
  });
  return true;
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

/** The answer's key; the records epoch is kept in the entry, so a stale answer can stand in while the next is made. */
export function keyOf(k: AnswerKey): string {
  return [k.domainId, k.viewId, k.configVersion, k.liveRevision, k.directoryVersion, k.locale, k.params].join('\0');
}

const making = new Map<string, Promise<Buffer>>();
const makingByView = new Map<string, number>();

/**
 * Answers made at the same time: one per core the HTTP thread does not need. The database is
 * usually on the same machine (SQLite's read threads, or PostgreSQL's backends), and a dozen
 * searches at once would take every core from the thread serving the kept pages. The others wait
 * their turn — answers already kept (made again when stale) before new ones.
 */
export const MAKING_AT_ONCE = Math.max(1, availableParallelism() - 1);
let running = 0;
const turns: { kept: Array<() => void>; fresh: Array<() => void> } = { kept: [], fresh: [] };

async function takeTurn(kept: boolean): Promise<() => void> {
  if (running >= MAKING_AT_ONCE) await new Promise<void>((resolve) => (kept ? turns.kept : turns.fresh).push(resolve));
  else running++;
  return () => {
    const next = turns.kept.shift() ?? turns.fresh.shift();
    if (next) next();
    else running--;
  };
}

/**
 * The answer for `k`: the cached one while fresh, else made by `make` — once, however many ask
 * at the same time — and kept. See the top of this file for stale answers and CB_PV06.
 *
 * `stamp`, given when this process hears of its own record changes (a bus): at the end of its
 * freshness an answer whose epoch has not moved is renewed, not made again, if the stamp says
 * that no other process has written meanwhile (SQLite's data_version; null: cannot tell).
 */
export async function cachedAnswer(k: AnswerKey, now: Date, make: () => Promise<Buffer>, stamp?: () => Promise<number | null>): Promise<Buffer> {
  const key = keyOf(k);
  const epoch = epochs.get(`${k.domainId}:${k.appId}`) ?? 0;
  const entry = answers.get(key);
  const age = entry ? now.getTime() - entry.madeAt : -1;
  if (entry && entry.epoch === epoch && age >= 0 && age < DATA_TTL_MS) return entry.body;
  if (entry && stamp && entry.epoch === epoch && entry.stamp !== null && age >= 0 && (await stamp()) === entry.stamp) {
    entry.madeAt = now.getTime();
    return entry.body;
  }
  const standIn = entry && age >= 0 && age < DATA_TTL_MS + STALE_GRACE_MS ? entry.body : undefined;
  const pending = making.get(key);
  if (pending) return standIn ?? pending;
  const view = `${k.domainId}:${k.viewId}`;
  const byView = makingByView.get(view) ?? 0;
  // Only new answers are refused: an answer already kept (a page many read) is always made again,
  // once at a time, so a storm of new searches cannot starve the pages everyone reads.
  if (!entry && (byView >= MAX_MAKING_PER_VIEW || making.size >= MAX_MAKING)) {
    throw new AppError('CB_PV06', { headers: { 'retry-after': '1' } });
  }
  makingByView.set(view, byView + 1);
  const made = (async () => {
    try {
      const release = await takeTurn(entry !== undefined);
      let body: Buffer;
      let stamped: number | null;
      try {
        stamped = stamp ? await stamp() : null;
        body = await make();
      } finally {
        release();
      }
      answers.set(key, { madeAt: now.getTime(), epoch, stamp: stamped, body });
      return body;
    } finally {
      making.delete(key);
      const left = (makingByView.get(view) ?? 1) - 1;
      if (left > 0) makingByView.set(view, left);
      else makingByView.delete(view);
    }
  })();
  making.set(key, made);
  return made;
}

const etags = new WeakMap<Buffer, string>();

/** A strong validator for an answer's bytes (computed once per answer made). */
export function etagOf(body: Buffer): string {
  let etag = etags.get(body);
  if (!etag) {
    etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    etags.set(body, etag);
  }
  return etag;
}

/** Answers smaller than this go as they are: compressing them saves less than it costs. */
export const COMPRESS_FROM_BYTES = 1_024;
export type AnswerEncoding = 'br' | 'gzip';
const encoded = { br: new WeakMap<Buffer, Buffer>(), gzip: new WeakMap<Buffer, Buffer>() };

/**
 * An answer's bytes compressed for a browser that takes them (a page of records is mostly
 * repeated keys, a tenth of its size compressed): made once per answer, like its validator, and
 * kept with it, so a page read by thousands is compressed once, not once per visitor.
 */
export function encodedBody(body: Buffer, encoding: AnswerEncoding): Buffer {
  let out = encoded[encoding].get(body);
  if (!out) {
    out =
      encoding === 'br'
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : gzipSync(body, { level: 6 });
    encoded[encoding].set(body, out);
  }
  return out;
}
