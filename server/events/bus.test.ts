// The event bus: in one process, and over Redis between instances (when a Redis answers at
// TEST_REDIS_URL, by default the one on this machine).
import { afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { TEST_REDIS_URL, WITH_REDIS, testChannel } from '../../test/support/redis.js';
import { type EventBus, type LiveEvent, MemoryEventBus, RedisEventBus } from './bus.js';

const event = (userIds: number[]): LiveEvent => ({ kind: 'notification', domainId: 'dom_1', userIds });

function collect(bus: EventBus): LiveEvent[] {
  const heard: LiveEvent[] = [];
  bus.subscribe((e) => heard.push(e));
  return heard;
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('MemoryEventBus', () => {
  it('delivers in order, after the publisher has moved on, to every subscriber until it unsubscribes', async () => {
    const bus = new MemoryEventBus();
    const a = collect(bus);
    const b: LiveEvent[] = [];
    const off = bus.subscribe((e) => b.push(e));
    bus.publish(event([1]));
    expect(a).toEqual([]);
    await until(() => a.length === 1);
    off();
    bus.publish(event([2]));
    await until(() => a.length === 2);
    expect(a).toEqual([event([1]), event([2])]);
    expect(b).toEqual([event([1])]);
  });

  it('keeps a failing subscriber from stopping the others', async () => {
    const errors: unknown[] = [];
    const bus = new MemoryEventBus((err) => errors.push(err));
    bus.subscribe(() => {
      throw new Error('broken handler');
    });
    const heard = collect(bus);
    bus.publish(event([1]));
    await until(() => heard.length === 1);
    expect(errors).toHaveLength(1);
  });
});

describe.skipIf(!WITH_REDIS)('RedisEventBus', () => {
  const buses: RedisEventBus[] = [];
  afterEach(async () => {
    for (const b of buses.splice(0)) await b.close();
  });
  function bus(channel: string): RedisEventBus {
    const b = new RedisEventBus({ url: TEST_REDIS_URL, channel });
    buses.push(b);
    return b;
  }

  it('carries an event from one instance to another once, and to the publisher’s own subscribers once', async () => {
    const channel = testChannel();
    const a = bus(channel);
    const b = bus(channel);
    await Promise.all([a.ready, b.ready]);
    const onA = collect(a);
    const onB = collect(b);
    a.publish(event([1]));
    await until(() => onB.length === 1 && onA.length === 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(onA).toEqual([event([1])]);
    expect(onB).toEqual([event([1])]);
  });

  it('ignores what is not a well-formed event, and other channels', async () => {
    const channel = testChannel();
    const b = bus(channel);
    const other = bus(`${channel}:other`);
    await Promise.all([b.ready, other.ready]);
    const heard = collect(b);
    const raw = new Redis(TEST_REDIS_URL);
    try {
      await raw.publish(channel, 'not json');
      await raw.publish(channel, JSON.stringify({ origin: 'x', event: { kind: 'notification', domainId: 'd', userIds: ['1'] } }));
      await raw.publish(channel, JSON.stringify({ origin: 'x', event: { kind: 'everything', domainId: 'd' } }));
      other.publish(event([9]));
      await raw.publish(channel, JSON.stringify({ origin: 'x', event: event([3]) }));
    } finally {
      raw.disconnect();
    }
    await until(() => heard.length === 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toEqual([event([3])]);
  });
});
