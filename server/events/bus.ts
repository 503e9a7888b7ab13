// One bus for live events: what changed, said in kinds and ids only — never a name, a text or a
// value. Writes publish after their transaction commits (Ctx.events, domain/context.ts); open
// event streams (http/live-streams.ts) subscribe, check each event against the subscriber's
// rights at that moment, and pass on ids for the browser to refetch through the normal API.
//
// In one process the bus is a list of handlers. With REDIS_URL every instance publishes to one
// Redis channel and hears the others there, so instances sharing a database deliver each
// other's events: one global channel rather than one per domain, because every instance serves
// every domain and would subscribe to all of them anyway; the domain id travels in the event.
// Several workers without Redis relay through their primary; createEventBus (events/cluster.ts)
// picks the bus of a process.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { z } from 'zod';

/** A record written (revision after the write) or deleted (revision null). */
export interface RecordChange {
  id: number;
  revision: number | null;
}

export type LiveEvent =
  | { kind: 'thread.comment'; domainId: string; spaceId: number; threadId: number; commentId: number; action: 'added' | 'edited' | 'deleted' }
  | { kind: 'record.changed'; domainId: string; appId: number; records: RecordChange[] }
  /** A comment added to or deleted from a record (the record itself is unchanged). */
  | { kind: 'record.comment'; domainId: string; appId: number; recordId: number; commentId: number; action: 'added' | 'deleted' }
  /** Notifications were delivered to these people. */
  | { kind: 'notification'; domainId: string; userIds: number[] }
  /** Some sessions of these people ended: each of their streams checks its own. */
  | { kind: 'session.ended'; domainId: string; userIds: number[] }
  /** Who belongs to the space changed; null: anyone may be concerned (members via groups). */
  | { kind: 'space.membership'; domainId: string; spaceId: number; userIds: number[] | null };

export type LiveEventKind = LiveEvent['kind'];
export type LiveEventHandler = (event: LiveEvent) => void;

export interface EventBus {
  /** Delivers `event` to every subscriber of every instance; never throws (failures are logged). */
  publish(event: LiveEvent): void;
  subscribe(handler: LiveEventHandler): () => void;
  close(): Promise<void>;
}

const id = z.number().int().positive();
const userIds = z.array(id).max(100_000);
/** What may arrive from Redis (or a sibling worker): checked, since it crossed a process boundary. */
export const liveEventSchema: z.ZodType<LiveEvent> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('thread.comment'), domainId: z.string().min(1).max(64), spaceId: id, threadId: id, commentId: id, action: z.enum(['added', 'edited', 'deleted']) }),
  z.object({ kind: z.literal('record.changed'), domainId: z.string().min(1).max(64), appId: id, records: z.array(z.object({ id, revision: id.nullable() })).max(10_000) }),
  z.object({ kind: z.literal('record.comment'), domainId: z.string().min(1).max(64), appId: id, recordId: id, commentId: id, action: z.enum(['added', 'deleted']) }),
  z.object({ kind: z.literal('notification'), domainId: z.string().min(1).max(64), userIds }),
  z.object({ kind: z.literal('session.ended'), domainId: z.string().min(1).max(64), userIds }),
  z.object({ kind: z.literal('space.membership'), domainId: z.string().min(1).max(64), spaceId: id, userIds: userIds.nullable() }),
]);

export type BusErrorHandler = (err: unknown, what: string) => void;

/** Handlers of this process. Delivery is deferred, so a publisher never runs subscriber code. */
export class MemoryEventBus implements EventBus {
  private readonly handlers = new Set<LiveEventHandler>();
  constructor(private readonly onError: BusErrorHandler = () => {}) {}

  publish(event: LiveEvent): void {
    setImmediate(() => this.deliver(event));
  }

  /** To this process's subscribers only (the Redis and cluster buses call it for what they hear). */
  deliver(event: LiveEvent): void {
    for (const h of [...this.handlers]) {
      try {
        h(event);
      } catch (err) {
        this.onError(err, 'live event handler failed');
      }
    }
  }

  subscribe(handler: LiveEventHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}

export interface RedisBusOptions {
  url: string;
  /** Default `engawa:events`; tests take one of their own. */
  channel?: string;
  onError?: BusErrorHandler;
}

/**
 * Redis pub/sub. This instance's own subscribers hear its events at once, without the round
 * trip (and so even while Redis is away); the copy Redis echoes back is recognised by its
 * origin and dropped. Pub/sub keeps nothing: an instance that is disconnected misses what is
 * said meanwhile, which the streams' periodic session checks make up for where it matters.
 */
export class RedisEventBus implements EventBus {
  readonly channel: string;
  private readonly local: MemoryEventBus;
  private readonly origin = randomUUID();
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly onError: BusErrorHandler;
  /** Resolves once the subscription is in place (tests wait for it). */
  readonly ready: Promise<void>;

  constructor(options: RedisBusOptions) {
    this.channel = options.channel ?? 'engawa:events';
    this.onError = options.onError ?? (() => {});
    this.local = new MemoryEventBus(this.onError);
    this.pub = new Redis(options.url, { maxRetriesPerRequest: 2, enableOfflineQueue: false });
    this.sub = new Redis(options.url, { maxRetriesPerRequest: null });
    this.pub.on('error', (err) => this.onError(err, 'redis (publish) connection'));
    this.sub.on('error', (err) => this.onError(err, 'redis (subscribe) connection'));
    this.sub.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.hear(message);
    });
    this.ready = this.sub.subscribe(this.channel).then(
      () => undefined,
      (err: unknown) => this.onError(err, 'redis subscribe failed'),
    );
  }

  publish(event: LiveEvent): void {
    this.local.publish(event);
    this.pub.publish(this.channel, JSON.stringify({ origin: this.origin, event })).catch((err: unknown) => this.onError(err, 'redis publish failed'));
  }

  subscribe(handler: LiveEventHandler): () => void {
    return this.local.subscribe(handler);
  }

  private hear(message: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    const origin = (parsed as { origin?: unknown } | null)?.origin;
    if (origin === this.origin) return;
    const event = liveEventSchema.safeParse((parsed as { event?: unknown }).event);
    if (event.success) this.local.deliver(event.data);
  }

  async close(): Promise<void> {
    await this.local.close();
    await Promise.allSettled([this.sub.quit(), this.pub.quit()]);
  }
}
