// What one live event stream watches: the topics its page named, and — never shown to anyone —
// which spaces hold what the subscriber could read there. Losing read access to one of those
// spaces (removed from a guest space, a space made private, a group left) closes the stream
// (G12); a topic the subscriber never could read changes nothing, so its fate says nothing (G11).
import type { EventsInput } from '../../../common/api/events.js';
import { spaceMay } from '../../policy/spaces.js';
import type { Ctx } from '../context.js';
import { findVisibleRecords } from '../records/record-scope.js';
import { recordSchema } from '../records/schema.js';
import { directoryVersion, placeIn } from '../spaces/space-access.js';
import { threadFor } from '../threads/thread-access.js';

/** Records a stream remembers having seen readable (to be told of their deletion). */
const MAX_SEEN = 5_000;

export interface Watch {
  threads: Set<number>;
  apps: Set<number>;
  /** app id → record ids */
  records: Map<number, Set<number>>;
  /** Spaces in which the subscriber read something watched, at the last look. */
  spaces: Set<number>;
  /** `app:record` of records the subscriber could read at the last look. */
  seen: Set<string>;
}

export const recordKey = (appId: number, recordId: number): string => `${appId}:${recordId}`;

export function remember(watch: Watch, key: string, readable: boolean): void {
  watch.seen.delete(key);
  if (!readable) return;
  watch.seen.add(key);
  if (watch.seen.size > MAX_SEEN) watch.seen.delete(watch.seen.values().next().value!);
}

/** The space a thread lives in, if the subscriber may read the thread now (else null). */
export async function readableThread(ctx: Ctx, threadId: number): Promise<number | null> {
  try {
    return (await threadFor(ctx, threadId, 'space.read')).thread.spaceId;
  } catch {
    return null;
  }
}

/** The app's schema as the subscriber may view its records now (else null). */
export async function readableApp(ctx: Ctx, appId: number): Promise<Awaited<ReturnType<typeof recordSchema>> | null> {
  try {
    return await recordSchema(ctx, appId, 'view');
  } catch {
    return null;
  }
}

/** A new stream's watch: every topic is kept, readable or not; only readable ones leave a trace. */
export async function openWatch(ctx: Ctx, input: EventsInput): Promise<Watch> {
  const watch: Watch = { threads: new Set(input.thread ?? []), apps: new Set(input.app ?? []), records: new Map(), spaces: new Set(), seen: new Set() };
  for (const t of input.record ?? []) {
    let ids = watch.records.get(t.appId);
    if (!ids) watch.records.set(t.appId, (ids = new Set()));
    ids.add(t.recordId);
  }
  for (const id of watch.threads) {
    const spaceId = await readableThread(ctx, id);
    if (spaceId !== null) watch.spaces.add(spaceId);
  }
  for (const appId of new Set([...watch.apps, ...watch.records.keys()])) {
    const schema = await readableApp(ctx, appId);
    if (!schema) continue;
    if (schema.app.spaceId !== null) watch.spaces.add(schema.app.spaceId);
    const ids = [...(watch.records.get(appId) ?? [])];
    const visible = ids.length ? await findVisibleRecords(ctx, schema, ids) : new Map();
    for (const id of ids) remember(watch, recordKey(appId, id), visible.has(id));
  }
  return watch;
}

/** Whether the subscriber may still read every space it read something in. */
export async function spacesStillReadable(ctx: Ctx, watch: Watch, only?: number): Promise<boolean> {
  const spaces = only === undefined ? [...watch.spaces] : watch.spaces.has(only) ? [only] : [];
  if (spaces.length === 0) return true;
  const version = await directoryVersion(ctx);
  for (const id of spaces) {
    const place = await placeIn(ctx, version, id);
    if (!place?.role || !spaceMay(place.role, 'space.read', place.space)) return false;
  }
  return true;
}
