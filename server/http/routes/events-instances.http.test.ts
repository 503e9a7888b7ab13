// Two server instances on one database, their live events shared through Redis (REDIS_URL): what
// is written through one reaches the streams held by the other, and a session ended or a guest
// removed on one closes the streams on the other within a second (A17, G12). Each run has a
// Redis channel of its own, so test files running side by side never hear each other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type TestDomain, newDomain } from '../../../test/support/app.js';
import { XHR, signInBrowser } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest, setSpaceGuests } from '../../../test/support/guests.js';
import { type Instances, readyStream, startInstances } from '../../../test/support/instances.js';
import type { LiveHarness, SseStream } from '../../../test/support/live.js';
import { WITH_REDIS } from '../../../test/support/redis.js';
import { addSpace } from '../../../test/support/spaces.js';

describe.skipIf(!WITH_REDIS)('two instances sharing live events through Redis', () => {
  eachDatabase((database, kind) => {
    let instances: Instances;
    let a: LiveHarness;
    let b: LiveHarness;
    beforeAll(async () => {
      // Periodic checks far apart: what closes a stream within a second is the bus.
      instances = await startInstances(database(), kind, 2, { live: { revalidateMs: 60_000 } });
      [a, b] = instances.all as [LiveHarness, LiveHarness];
    });
    afterAll(async () => instances?.close());

    const watchOnB = (d: TestDomain, cookie: string, query = ''): Promise<SseStream> => readyStream(b, d, cookie, query);

    it('delivers a comment and a notification written through instance A to a stream on instance B', async () => {
      const d = await newDomain(a);
      const carol = await d.addUser('carol');
      const P = await addSpace(d, d.admin, { name: 'P', members: [d.member, carol] });
      const stream = await watchOnB(d, (await signInBrowser(d, carol)).cookie, `thread=${P.defaultThread}`);
      // d.request goes to instance A.
      const res = await d.request({
        method: 'POST',
        url: '/k/v1/space/thread/comment.json',
        as: d.member,
        payload: { space: P.id, thread: P.defaultThread, comment: { text: 'hello from A', mentions: [{ code: 'carol', type: 'USER' }] } },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(await stream.next((m) => m.kind === 'thread.comment')).toEqual({
        kind: 'thread.comment',
        spaceId: String(P.id),
        threadId: String(P.defaultThread),
        commentId: res.json().id,
        action: 'added',
      });
      await stream.next((m) => m.kind === 'notification');
      expect(a.app.liveStreams.size).toBe(0);
      stream.close();
    });

    it('closes on B, within a second, the streams of a session ended on A and of a guest removed on A', async () => {
      const d = await newDomain(a);
      const s = await signInBrowser(d, d.member);
      const memberStream = await watchOnB(d, s.cookie);
      const out = await d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'member', password: 'changed on instance A' }] } });
      expect(out.statusCode, out.body).toBe(200);
      const changedAt = Date.now();
      expect((await memberStream.closed) - changedAt).toBeLessThan(1_000);
      expect(memberStream.messages.at(-1)).toEqual({ kind: 'session.ended' });

      const A = await addSpace(d, d.admin, { name: 'A', isGuest: true });
      const g = await addGuest(d, 'g@partner.example');
      await setSpaceGuests(d, A.id, [g]);
      const signIn = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login: g.code, password: PASSWORD, guest: true } });
      const cookie = signIn.cookies.find((c) => c.name === '__Host-engawa_sid')!;
      const guestStream = await watchOnB(d, `${cookie.name}=${cookie.value}`, `thread=${A.defaultThread}`);
      await setSpaceGuests(d, A.id, []);
      const removedAt = Date.now();
      expect((await guestStream.closed) - removedAt).toBeLessThan(1_000);
    });
  });
});
