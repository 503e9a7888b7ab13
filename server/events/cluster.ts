// WORKERS > 1 without REDIS_URL: the HTTP workers of one machine hear each other's live events
// through their primary (run/primary.ts), which passes each on to the other workers, and sends
// its own — notifications from the background jobs — to all of them. With REDIS_URL set, Redis
// does this for every instance instead (bus.ts).
import cluster, { type Worker } from 'node:cluster';
import { type BusErrorHandler, type EventBus, type LiveEvent, type LiveEventHandler, MemoryEventBus, RedisEventBus, liveEventSchema } from './bus.js';

export const LIVE_EVENT = 'engawa:live-event';

interface LiveEventMessage {
  type: typeof LIVE_EVENT;
  event: LiveEvent;
}

function isLiveEventMessage(m: unknown): m is LiveEventMessage {
  return m !== null && typeof m === 'object' && (m as { type?: unknown }).type === LIVE_EVENT;
}

/** A worker's bus: its own subscribers at once, its siblings through the primary. */
export class WorkerEventBus implements EventBus {
  private readonly local: MemoryEventBus;
  private readonly listener = (m: unknown) => {
    if (!isLiveEventMessage(m)) return;
    const event = liveEventSchema.safeParse(m.event);
    if (event.success) this.local.deliver(event.data);
  };

  constructor(onError: BusErrorHandler = () => {}) {
    this.local = new MemoryEventBus(onError);
    process.on('message', this.listener);
  }

  publish(event: LiveEvent): void {
    this.local.publish(event);
    process.send?.({ type: LIVE_EVENT, event } satisfies LiveEventMessage);
  }

  subscribe(handler: LiveEventHandler): () => void {
    return this.local.subscribe(handler);
  }

  async close(): Promise<void> {
    process.off('message', this.listener);
    await this.local.close();
  }
}

function workers(): Worker[] {
  return Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && w.isConnected());
}

/** In the primary: a worker said `m`; if it is a live event, its siblings hear it too. */
export function relayLiveEvent(from: Worker, m: unknown): void {
  if (!isLiveEventMessage(m)) return;
  for (const w of workers()) if (w !== from) w.send(m);
}

/** The primary's bus: what its background jobs publish goes to every worker. */
export class PrimaryEventBus implements EventBus {
  publish(event: LiveEvent): void {
    for (const w of workers()) w.send({ type: LIVE_EVENT, event } satisfies LiveEventMessage);
  }

  subscribe(): () => void {
    // The primary serves no streams.
    return () => {};
  }

  async close(): Promise<void> {}
}

/**
 * The bus of a process: Redis when REDIS_URL is set; otherwise the primary's relay for a worker
 * and for the primary itself, or this process alone (WORKERS=1).
 */
export function createEventBus(options: { redisUrl?: string; onError?: BusErrorHandler }, place: 'instance' | 'primary' = 'instance'): EventBus {
  if (options.redisUrl) return new RedisEventBus({ url: options.redisUrl, onError: options.onError });
  if (place === 'primary') return new PrimaryEventBus();
  return cluster.isWorker ? new WorkerEventBus(options.onError) : new MemoryEventBus(options.onError);
}
