// Scale-out probes on live events (spec/security.md §3.11: K1, K2, K6): two instances over one
// database sharing events through Redis. The bus uses one channel per install with the domain id
// inside each event (events/bus.ts), so what is probed is the property — no delivery across
// domains, nothing but kinds and ids on the wire, rights checked per event — not channel names.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestDomain, newDomain } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { signInBrowser } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { type Instances, readyStream, startInstances } from '../../../test/support/instances.js';
import { type LiveHarness, type SseStream, openStream } from '../../../test/support/live.js';
import { TEST_REDIS_URL, WITH_REDIS } from '../../../test/support/redis.js';
import { type TestSpace, addSpace } from '../../../test/support/spaces.js';
import type { LiveMessage } from '../../../common/api/events.js';

type Said = Extract<LiveMessage, { kind: 'thread.comment' }>;
const isComment = (m: LiveMessage): m is Said => m.kind === 'thread.comment';
/** A number id, a list of them, or a record's {id, revision}: nothing that could be a text. */
const onlyIds = (v: unknown): boolean =>
  (typeof v === 'number' && Number.isInteger(v) && v > 0) ||
  (Array.isArray(v) && v.every(onlyIds)) ||
  (typeof v === 'object' && v !== null && Object.entries(v).every(([k, x]) => (k === 'id' || k === 'revision') && (x === null || onlyIds(x))));
const commentsIn = (s: SseStream, space: TestSpace) => s.messages.filter(isComment).filter((m) => m.spaceId === String(space.id));

describe.skipIf(!WITH_REDIS)('scale-out probes: live events across instances', () => {
  eachDatabase((database, kind) => {
    let instances: Instances;
    let a: LiveHarness;
    let b: LiveHarness;
    beforeAll(async () => {
      // Periodic checks far apart: what a stream does within the test is the bus's doing.
      instances = await startInstances(database(), kind, 2, { live: { revalidateMs: 60_000 } });
      [a, b] = instances.all as [LiveHarness, LiveHarness];
    });
    afterAll(async () => instances?.close());

    /** A comment on the space's default thread, written through instance A (`d.request`). */
    async function say(d: TestDomain, as: Persona, space: TestSpace, text: string): Promise<string> {
      const res = await d.request({ method: 'POST', url: '/k/v1/space/thread/comment.json', as, payload: { space: space.id, thread: space.defaultThread, comment: { text } } });
      expect(res.statusCode, res.body).toBe(200);
      return String(res.json().id);
    }
    const watchOnB = async (d: TestDomain, who: Persona, ...spaces: TestSpace[]) =>
      readyStream(b, d, (await signInBrowser(d, who)).cookie, `thread=${spaces.map((s) => s.defaultThread).join(',')}`);
    const setMembers = async (d: TestDomain, space: TestSpace, members: unknown[]) => {
      const res = await d.request({ method: 'PUT', url: '/k/v1/space/members.json', as: d.admin, payload: { id: space.id, members } });
      expect(res.statusCode, res.body).toBe(200);
    };
    const user = (code: string, isAdmin = false) => ({ entity: { type: 'USER', code }, isAdmin });

    it("K1: a comment in domain X's space reaches X's members on B, never Y's stream on the same space and thread ids", async () => {
      const x = await newDomain(a, 'X');
      const y = await newDomain(a, 'Y');
      const P = await addSpace(x, x.admin, { name: 'P', members: [x.member] });
      const Q = await addSpace(y, y.admin, { name: 'Q', members: [y.member] });
      // Ids are numbered per domain: both spaces, and their threads, have the same numbers.
      expect([Q.id, Q.defaultThread]).toEqual([P.id, P.defaultThread]);
      const xStream = await watchOnB(x, x.member, P);
      const yStream = await watchOnB(y, y.member, Q);

      const inX = await say(x, x.admin, P, 'for the members of P in X');
      expect(await xStream.next(isComment)).toEqual({ kind: 'thread.comment', spaceId: String(P.id), threadId: String(P.defaultThread), commentId: inX, action: 'added' });
      // Y's own comments, published after X's on the same channel, are all Y's stream hears (the
      // first has X's comment's number: the second tells them apart).
      const inY = [await say(y, y.admin, Q, 'for the members of Q in Y'), await say(y, y.admin, Q, 'and again')];
      expect(inY[0]).toBe(inX);
      await yStream.next((m) => isComment(m) && m.commentId === inY[1]);
      expect(yStream.messages.filter(isComment)).toEqual(inY.map((commentId) => ({ kind: 'thread.comment', spaceId: String(Q.id), threadId: String(Q.defaultThread), commentId, action: 'added' })));
      expect(xStream.messages.filter(isComment).map((m) => m.commentId)).toEqual([inX]);

      // Topics are numbers of the subscriber's own domain: a domain, a channel or a key is refused.
      const cookie = (await signInBrowser(y, y.member)).cookie;
      for (const query of [`thread=${x.id}:${P.defaultThread}`, `domain=${x.id}&thread=${P.defaultThread}`, `channel=${instances.channel}`, 'thread=*', `record=${x.id}:1:1`]) {
        const refused = await openStream(b, y.host, { cookie, query });
        expect([refused.status, refused.body().code], query).toEqual([400, 'CB_VA01']);
      }
      // Y's session cookie is nothing on X's host.
      const foreign = await b.app.inject({ method: 'GET', url: '/api/events', headers: { host: x.host, cookie, accept: 'text/event-stream' } });
      expect(foreign.statusCode).toBe(401);
      // However many streams opened, with whatever topics, the instances listen on their one channel.
      const redis = new Redis(TEST_REDIS_URL);
      try {
        expect(await redis.pubsub('CHANNELS', `${instances.channel.split(':').slice(0, 2).join(':')}:*`)).toEqual([instances.channel]);
        expect(await redis.pubsub('NUMSUB', instances.channel)).toEqual([instances.channel, 2]);
      } finally {
        await redis.quit();
      }
      xStream.close();
      yStream.close();
    });

    it('K2: the channel carries kinds and ids only, and an open stream on B re-checks rights per event', async () => {
      const d = await newDomain(a);
      const carol = await d.addUser('carol');
      const P = await addSpace(d, d.admin, { name: 'Confidential plans', isPrivate: true, members: [carol] });
      const app = await deployedApp(d, { memo: { type: 'SINGLE_LINE_TEXT', code: 'memo', label: 'Memo label' } });
      const wire: string[] = [];
      const listener = new Redis(TEST_REDIS_URL);
      listener.on('message', (_channel: string, message: string) => wire.push(message));
      await listener.subscribe(instances.channel);
      try {
        await say(d, d.admin, P, 'secret comment text for @carol');
        const added = await d.request({ method: 'POST', url: '/k/v1/record.json', as: d.admin, payload: { app, record: { memo: { value: 'secret record value' } } } });
        expect(added.statusCode, added.body).toBe(200);
        const remark = await d.request({ method: 'POST', url: '/k/v1/record/comment.json', as: d.admin, payload: { app, record: Number(added.json().id), comment: { text: 'secret remark', mentions: [{ code: 'carol', type: 'USER' }] } } });
        expect(remark.statusCode, remark.body).toBe(200);
        await expect.poll(() => wire.map((m) => JSON.parse(m).event.kind).sort(), { timeout: 1_000 }).toEqual(expect.arrayContaining(['notification', 'record.changed', 'record.comment', 'thread.comment']));
      } finally {
        await listener.quit();
      }
      for (const message of wire) {
        expect(message).not.toMatch(/secret|carol|example\.com|@|Confidential|memo|Memo/i);
        const { origin, event, ...rest } = JSON.parse(message);
        expect(rest).toEqual({});
        expect(typeof origin).toBe('string');
        for (const [key, value] of Object.entries(event as Record<string, unknown>)) {
          if (key === 'kind' || key === 'action') expect(value).toMatch(/^[a-z.]+$/);
          else if (key === 'domainId') expect(value).toBe(d.id);
          else expect(onlyIds(value), `${key}: ${JSON.stringify(value)}`).toBe(true);
        }
      }

      // Removed from P through A: carol's open stream on B hears nothing more of P.
      const R = await addSpace(d, d.admin, { name: 'R', members: [carol] });
      const stream = await watchOnB(d, carol, P);
      const before = await say(d, d.admin, P, 'still for carol');
      await stream.next((m) => isComment(m) && m.commentId === before);
      await setMembers(d, P, [user('admin', true)]);
      await say(d, d.admin, P, 'no longer for carol');
      await stream.closed;
      expect(commentsIn(stream, P).map((m) => m.commentId)).toEqual([before]);

      // Out of P through a group, which no membership broadcast names: her stream stays open, and
      // each event of P is checked as it comes and withheld, while R's still arrive.
      const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBe(200);
      ok(await d.request({ method: 'POST', url: '/v1/groups.json', as: d.admin, payload: { groups: [{ code: 'crew', name: 'Crew' }] } }));
      ok(await d.request({ method: 'PUT', url: '/v1/userGroups.json', as: d.admin, payload: { userGroups: [{ code: 'carol', groups: ['crew'] }] } }));
      await setMembers(d, P, [user('admin', true), { entity: { type: 'GROUP', code: 'crew' }, isAdmin: false }]);
      const both = await watchOnB(d, carol, P, R);
      const viaGroup = await say(d, d.admin, P, 'for the crew');
      await both.next((m) => isComment(m) && m.commentId === viaGroup);
      ok(await d.request({ method: 'PUT', url: '/v1/userGroups.json', as: d.admin, payload: { userGroups: [{ code: 'carol', groups: [] }] } }));
      await say(d, d.admin, P, 'the crew without carol');
      const inR = await say(d, d.admin, R, 'R goes on');
      await both.next((m) => isComment(m) && m.spaceId === String(R.id) && m.commentId === inR);
      expect(commentsIn(both, P).map((m) => m.commentId)).toEqual([viaGroup]);
      expect(both.isClosed()).toBe(false);
      both.close();
    });

    it('K6: removed through A, a reconnect to B with Last-Event-ID replays nothing of the space, old or new', async () => {
      const d = await newDomain(a);
      const carol = await d.addUser('carol');
      const P = await addSpace(d, d.admin, { name: 'P', isPrivate: true, members: [carol] });
      const R = await addSpace(d, d.admin, { name: 'R', members: [carol] });
      const first = await watchOnB(d, carol, P, R);
      const old = [await say(d, d.admin, P, 'old one'), await say(d, d.admin, P, 'old two')];
      await first.next((m) => isComment(m) && m.commentId === old[1]);
      // Nothing to resume from: no event carries an id.
      expect(first.raw()).not.toMatch(/^id:/m);
      await setMembers(d, P, [user('admin', true)]);
      await first.closed;

      // The page reconnects to B as browsers do, with the last id it saw (or one made up).
      const cookie = (await signInBrowser(d, carol)).cookie;
      for (const lastEventId of ['0', old[0]!, old[1]!, '999999']) {
        const stream = await readyStream(b, d, cookie, `thread=${P.defaultThread},${R.defaultThread}`, { 'last-event-id': lastEventId });
        const fresh = await say(d, d.admin, P, `new after ${lastEventId}`);
        const inR = await say(d, d.admin, R, `R after ${lastEventId}`);
        await stream.next((m) => isComment(m) && m.commentId === inR);
        expect(commentsIn(stream, P), `Last-Event-ID: ${lastEventId}`).toEqual([]);
        expect(stream.messages.filter(isComment).map((m) => m.commentId)).toEqual([inR]);
        expect(fresh).not.toBe(inR);
        stream.close();
      }
    });
  });
});

