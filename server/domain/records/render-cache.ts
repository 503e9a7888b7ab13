// Records already written as kintone's JSON text, kept in memory: the first page of a busy
// view is read far more often than its records change. An entry is used only while its stamp
// matches what this request read from the database — the record's revision, the app's live
// revision and code, and the domain's directory version (names shown in the record) — so
// every process may keep its own cache and none ever answers with stale data.
import { LRUCache } from 'lru-cache';
import type { Config } from '../../config.js';
import { type Ctx, mayFillCaches } from '../context.js';
import type { RecordSchema } from './schema.js';

interface Entry {
  stamp: string;
  json: Buffer;
}

const caches = new WeakMap<Readonly<Config>, LRUCache<string, Entry> | null>();

/**
 * The cache serves only texts that are the same for every reader: an actor with field
 * permissions that hide something gets its records written for it alone.
 */
function cacheFor(ctx: Ctx, schema: RecordSchema): LRUCache<string, Entry> | null {
  return schema.fieldLimits.none ? cacheOf(ctx.config) : null;
}

function cacheOf(config: Readonly<Config>): LRUCache<string, Entry> | null {
  let cache = caches.get(config);
  if (cache === undefined) {
    cache =
      config.recordCacheBytes > 0
        ? new LRUCache<string, Entry>({ maxSize: config.recordCacheBytes, sizeCalculation: (e) => e.json.length + 2 * e.stamp.length + 96 })
        : null;
    caches.set(config, cache);
  }
  return cache;
}

const keyOf = (schema: RecordSchema, id: number) => `${schema.app.domainId}:${schema.app.id}:${id}`;
const stampOf = (schema: RecordSchema, revision: number) => `${revision}:${schema.revision}:${schema.directoryVersion}:${schema.app.code}`;

/** The cached text of each record, or undefined where there is none for this revision. */
export function cachedTexts(ctx: Ctx, schema: RecordSchema, keys: Array<{ id: number; revision: number }>): Array<Buffer | undefined> {
  const cache = cacheFor(ctx, schema);
  if (!cache) return keys.map(() => undefined);
  return keys.map((k) => {
    const entry = cache.get(keyOf(schema, k.id));
    return entry && entry.stamp === stampOf(schema, k.revision) ? entry.json : undefined;
  });
}

export function keepTexts(ctx: Ctx, schema: RecordSchema, records: Array<{ id: number; revision: number }>, texts: Buffer[]): void {
  const cache = cacheFor(ctx, schema);
  if (!cache || !mayFillCaches(ctx)) return;
  records.forEach((r, i) => cache.set(keyOf(schema, r.id), { stamp: stampOf(schema, r.revision), json: texts[i]! }));
}
