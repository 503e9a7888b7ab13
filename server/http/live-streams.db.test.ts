// What a real socket hides from a test: a client that stops reading. The stream writes into a
// response whose bytes never leave; it must drop the client once too much is waiting or once a
// whole heartbeat passed without anything draining (D7), rather than buffer without end.
import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, newDomain, startApp } from '../../test/support/app.js';
import { signInBrowser } from '../../test/support/browser.js';
import { eachDatabase } from '../../test/support/db.js';
import { sha256 } from '../domain/auth/secrets.js';
import { readContext } from '../domain/context.js';
import { liveSubscriber } from '../domain/live/subscriber.js';
import { openWatch } from '../domain/live/watch.js';
import { MemoryEventBus } from '../events/bus.js';
import { LIVE_DEFAULTS, LiveStreams, type LiveOptions } from './live-streams.js';

/** A response nobody reads: every byte written stays buffered. */
class StuckResponse extends EventEmitter {
  writableLength = 0;
  destroyed = false;
  ended = false;
  socket = { destroyed: false, setNoDelay: () => {} };
  get writableNeedDrain(): boolean {
    return this.writableLength > 0;
  }
  writeHead(): this {
    return this;
  }
  write(text: string): boolean {
    this.writableLength += Buffer.byteLength(text);
    return false;
  }
  end(): void {
    this.ended = true;
    this.emit('close');
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('close');
  }
}

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  async function stuckStream(options: Partial<LiveOptions>) {
    const d = await newDomain(h);
    const session = await signInBrowser(d, d.member);
    const bus = new MemoryEventBus();
    const services = { ...h.services, events: bus };
    const live = new LiveStreams(services, { ...LIVE_DEFAULTS, ...options }, pino({ level: 'silent' }) as FastifyBaseLogger);
    const actor = (await liveSubscriber(services, d.id, sha256(session.token)))!;
    const res = new StuckResponse();
    const reply = { raw: res, hijack: () => {}, getHeaders: () => ({}) } as unknown as FastifyReply;
    await live.open({
      reply,
      actor: { ...actor, sessionIdHash: sha256(session.token) },
      peer: '127.0.0.1',
      facts: { ip: null, userAgent: null, requestId: null },
      watch: () => openWatch(readContext(services, { actor, locale: 'en', request: { ip: null, userAgent: null, requestId: null } }), {}),
    });
    return { live, res, notify: () => bus.publish({ kind: 'notification', domainId: d.id, userIds: [d.member.id] }) };
  }

  describe('a client that does not read', () => {
    it('is dropped once more than the buffer allows is waiting for it', async () => {
      const { live, res, notify } = await stuckStream({ maxBufferBytes: 200, heartbeatMs: 60_000 });
      expect(live.size).toBe(1);
      while (!res.destroyed) {
        notify();
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(res.writableLength).toBeGreaterThan(200);
      expect(res.writableLength).toBeLessThan(400);
      expect(live.size).toBe(0);
    });

    it('is dropped when a whole heartbeat passes without what was written draining', async () => {
      const { live, res } = await stuckStream({ heartbeatMs: 50 });
      await new Promise((r) => setTimeout(r, 200));
      expect(res.destroyed).toBe(true);
      expect(res.ended).toBe(false);
      expect(live.size).toBe(0);
    });
  });
});
