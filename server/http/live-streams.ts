// The open live event streams of this instance (GET /api/events, routes/events.ts). One bus
// subscription serves them all: an event goes to the streams of its domain that listen for it,
// and each stream checks it against its subscriber's rights before saying anything
// (domain/live/sift.ts). A stream closes within moments of its session ending or its subscriber
// losing a space it watched, on whichever instance ended it (the bus carries that too), and in
// any case at its next periodic check.
//
// Bounded everywhere (D7): streams per session, person and address; events waiting per stream;
// bytes a client leaves unread. Heartbeats keep proxies from dropping a quiet stream and find
// clients that stopped reading; they never count as the person's activity.
import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply } from 'fastify';
import type { LiveMessage } from '../../common/api/events.js';
import { AppError } from '../domain/app-error.js';
import { type Ctx, type RequestFacts, type Services, readContext } from '../domain/context.js';
import { sift, concerns } from '../domain/live/sift.js';
import { liveSubscriber } from '../domain/live/subscriber.js';
import { type Watch, spacesStillReadable } from '../domain/live/watch.js';
import type { LiveEvent } from '../events/bus.js';
import type { SignedInActor } from '../policy/actor.js';

export interface LiveOptions {
  /** A `: ping` comment this often. */
  heartbeatMs: number;
  /** The session and the watched spaces are checked again this often, whatever the bus says. */
  revalidateMs: number;
  perSession: number;
  perUser: number;
  /** Per address (IPv6 per /64). */
  perIp: number;
  /** Unsent bytes beyond which a client that does not read is dropped. */
  maxBufferBytes: number;
  /** Events waiting for their check beyond which a stream is closed (its page refetches). */
  maxQueuedEvents: number;
  /** What the browser waits before reconnecting (the SSE `retry:` field). */
  retryMs: number;
}

export const LIVE_DEFAULTS: Readonly<LiveOptions> = Object.freeze({
  heartbeatMs: 25_000,
  revalidateMs: 20_000,
  perSession: 5,
  perUser: 10,
  perIp: 50,
  maxBufferBytes: 64 * 1024,
  maxQueuedEvents: 1_000,
  retryMs: 5_000,
});

declare module 'fastify' {
  interface FastifyInstance {
    liveStreams: LiveStreams;
  }
}

/** buildApp: the registry, and its end before the server closes (graceful SIGTERM). */
export function registerLiveStreams(app: FastifyInstance, services: Services, options: Partial<LiveOptions> = {}): void {
  const live = new LiveStreams(services, { ...LIVE_DEFAULTS, ...options }, app.log);
  app.decorate('liveStreams', live);
  app.addHook('preClose', async () => live.close());
}

export interface StreamOpening {
  reply: FastifyReply;
  actor: SignedInActor & { sessionIdHash: string };
  /** Peer key for the per-address cap (throttle.ts peerKey). */
  peer: string;
  facts: RequestFacts;
  /** Resolves the page's topics once the stream's places are reserved. */
  watch(): Promise<Watch>;
}

export class LiveStreams {
  private readonly byDomain = new Map<string, Set<LiveStream>>();
  private readonly counts = new Map<string, number>();
  private readonly unsubscribe: () => void;
  private closing = false;

  constructor(
    readonly services: Services,
    readonly options: Readonly<LiveOptions>,
    readonly log: FastifyBaseLogger,
  ) {
    this.unsubscribe = services.events?.subscribe((e) => this.hear(e)) ?? (() => {});
  }

  /** Streams open on this instance (for tests and logs). */
  get size(): number {
    let n = 0;
    for (const s of this.byDomain.values()) n += s.size;
    return n;
  }

  async open(o: StreamOpening): Promise<FastifyReply> {
    if (this.closing) throw new AppError('CB_SU01', { headers: { 'retry-after': '1' } });
    const { actor } = o;
    const keys = [`s:${actor.sessionIdHash}`, `u:${actor.domainId}:${actor.userId}`, `i:${o.peer}`];
    const limits = [this.options.perSession, this.options.perUser, this.options.perIp];
    if (keys.some((k, i) => (this.counts.get(k) ?? 0) >= limits[i]!)) {
      throw new AppError('CB_TM01', { headers: { 'retry-after': String(Math.ceil(this.options.retryMs / 1000)) } });
    }
    // Taken before the first await, so concurrent openings cannot pass the caps together.
    for (const k of keys) this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
    const release = () => {
      for (const k of keys) {
        const n = (this.counts.get(k) ?? 1) - 1;
        if (n > 0) this.counts.set(k, n);
        else this.counts.delete(k);
      }
    };
    let watch: Watch;
    try {
      watch = await o.watch();
    } catch (err) {
      release();
      throw err;
    }
    // The client may have hung up meanwhile.
    const socket = o.reply.raw.socket;
    if (this.closing || o.reply.raw.destroyed || !socket || socket.destroyed) {
      release();
      throw new AppError('CB_SU01', { headers: { 'retry-after': '1' } });
    }
    o.reply.hijack();
    const stream = new LiveStream(this, o.reply.raw, actor, watch, o.facts, () => {
      release();
      this.byDomain.get(actor.domainId)?.delete(stream);
      if (this.byDomain.get(actor.domainId)?.size === 0) this.byDomain.delete(actor.domainId);
    });
    let streams = this.byDomain.get(actor.domainId);
    if (!streams) this.byDomain.set(actor.domainId, (streams = new Set()));
    streams.add(stream);
    stream.start(o.reply.getHeaders());
    return o.reply;
  }

  private hear(e: LiveEvent): void {
    const streams = this.byDomain.get(e.domainId);
    if (streams) for (const s of streams) s.hear(e);
  }

  /** Ends every stream and takes no more (the server is shutting down). */
  async close(): Promise<void> {
    this.closing = true;
    this.unsubscribe();
    for (const streams of [...this.byDomain.values()]) for (const s of [...streams]) s.finish();
  }
}

class LiveStream {
  private queue: LiveEvent[] = [];
  /** A session check is due; `all`: the watched spaces too; else these spaces. */
  private due: { session: boolean; all: boolean; spaces: Set<number> } = { session: false, all: false, spaces: new Set() };
  private working = false;
  private scheduled = false;
  private done = false;
  private stalled = false;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly hub: LiveStreams,
    private readonly res: ServerResponse,
    private readonly actor: SignedInActor & { sessionIdHash: string },
    private readonly watch: Watch,
    private readonly facts: RequestFacts,
    private readonly onEnd: () => void,
  ) {}

  start(headers: Record<string, unknown>): void {
    const { options } = this.hub;
    const res = this.res;
    res.on('close', () => this.cleanup());
    res.on('error', () => this.cleanup());
    // Gone before it began: no 'close' is coming to give the places back.
    if (res.destroyed || !res.socket || res.socket.destroyed) return this.cleanup();
    const inherited: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(headers)) if (v !== undefined) inherited[k] = Array.isArray(v) ? v.map(String) : String(v);
    res.writeHead(200, {
      ...inherited,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      // nginx and its kind would otherwise hold events back to fill a buffer.
      'x-accel-buffering': 'no',
      // The connection is the stream's alone: when it ends, so does the connection.
      connection: 'close',
    });
    res.socket?.setNoDelay(true);
    this.write(`retry: ${options.retryMs}\n${frame({ kind: 'ready' })}`);
    // Spread out, so streams opened together do not check together.
    const every = Math.round(options.revalidateMs * (0.9 + Math.random() * 0.2));
    this.timers.push(setInterval(() => this.heartbeat(), options.heartbeatMs).unref());
    this.timers.push(
      setInterval(() => {
        this.due.session = true;
        this.due.all = true;
        this.schedule();
      }, every).unref(),
    );
  }

  hear(e: LiveEvent): void {
    if (this.done) return;
    const { userId } = this.actor;
    if (e.kind === 'session.ended') {
      if (!e.userIds.includes(userId)) return;
      this.due.session = true;
    } else if (e.kind === 'space.membership') {
      if (!this.watch.spaces.has(e.spaceId) || (e.userIds !== null && !e.userIds.includes(userId))) return;
      this.due.spaces.add(e.spaceId);
    } else {
      if (!concerns(this.watch, userId, e)) return;
      if (this.queue.length >= this.hub.options.maxQueuedEvents) {
        // Too much at once to check in time: the page reconnects and refetches.
        this.finish();
        return;
      }
      this.queue.push(e);
    }
    this.schedule();
  }

  /** Work starts on the next turn, so that what one commit published is checked as one batch. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.work();
    });
  }

  /** One check at a time per stream; whatever arrives meanwhile is taken by the next round. */
  private async work(): Promise<void> {
    if (this.working || this.done) return;
    this.working = true;
    try {
      while (!this.done && (this.queue.length > 0 || this.due.session || this.due.all || this.due.spaces.size > 0)) {
        const events = this.queue.splice(0);
        const due = this.due;
        this.due = { session: false, all: false, spaces: new Set() };
        // Every round starts from the session: rights are those of the person as they are now.
        const actor = await liveSubscriber(this.hub.services, this.actor.domainId, this.actor.sessionIdHash);
        if (this.done) return;
        if (!actor) return this.finish({ kind: 'session.ended' });
        const ctx = readContext(this.hub.services, { actor, locale: actor.locale, request: this.facts }) as Ctx & { actor: SignedInActor };
        const spaces = due.all ? [undefined] : [...due.spaces];
        for (const space of spaces) {
          if (!(await spacesStillReadable(ctx, this.watch, space))) return this.finish();
        }
        if (events.length === 0) continue;
        const messages = await sift(ctx, this.watch, events);
        if (!this.done && messages.length) this.write(messages.map(frame).join(''));
      }
    } catch (err) {
      this.hub.log.error({ err }, 'live event stream failed');
      this.finish();
    } finally {
      this.working = false;
    }
  }

  private heartbeat(): void {
    if (this.done) return;
    // Still unable to pass on what was written a whole heartbeat ago: the client is not reading.
    if (this.res.writableNeedDrain) {
      if (this.stalled) return this.drop();
      this.stalled = true;
    } else {
      this.stalled = false;
    }
    this.write(': ping\n\n');
  }

  private write(text: string): void {
    if (this.done || this.res.destroyed) return;
    this.res.write(text);
    if (this.res.writableLength > this.hub.options.maxBufferBytes) this.drop();
  }

  /** Ends the stream politely, with a last word if there is one. */
  finish(last?: LiveMessage): void {
    if (this.done) return;
    if (last) this.write(frame(last));
    this.cleanup();
    if (!this.res.destroyed) this.res.end();
  }

  /** A client that does not read gets nothing more, not even an ending. */
  private drop(): void {
    this.cleanup();
    this.res.destroy();
  }

  private cleanup(): void {
    if (this.done) return;
    this.done = true;
    for (const t of this.timers) clearInterval(t);
    this.queue = [];
    this.onEnd();
  }
}

function frame(m: LiveMessage): string {
  return `data: ${JSON.stringify(m)}\n\n`;
}
