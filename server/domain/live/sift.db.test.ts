// The per-event check of live streams (sift.ts, watch.ts) on its own: even when no bus event
// says that something changed — a write behind the application's back, a lost Redis message —
// each event is judged by the subscriber's rights at that moment, and a stream's periodic check
// sees the lost space.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, PASSWORD, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { XHR, signInBrowser } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest, setSpaceGuests } from '../../../test/support/guests.js';
import { addSpace } from '../../../test/support/spaces.js';
import type { LiveEvent } from '../../events/bus.js';
import type { SignedInActor } from '../../policy/actor.js';
import { sha256 } from '../auth/secrets.js';
import { type Ctx, readContext } from '../context.js';
import { sift } from './sift.js';
import { liveSubscriber } from './subscriber.js';
import { openWatch, spacesStillReadable } from './watch.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  async function subscriberCtx(d: TestDomain, token: string): Promise<Ctx & { actor: SignedInActor }> {
    const actor = await liveSubscriber(h.services, d.id, sha256(token));
    expect(actor).not.toBeNull();
    return readContext(h.services, { actor: actor!, locale: 'en', request: { ip: null, userAgent: null, requestId: null } }) as Ctx & { actor: SignedInActor };
  }

  describe('sift', () => {
    it('drops a thread event for a guest taken out of the space behind the bus’s back, and the periodic check sees it', async () => {
      const d = await newDomain(h);
      const A = await addSpace(d, d.admin, { name: 'A', isGuest: true });
      const g = await addGuest(d, 'g@partner.example');
      await setSpaceGuests(d, A.id, [g]);
      const res = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login: g.code, password: PASSWORD, guest: true } });
      const ctx = await subscriberCtx(d, res.cookies.find((c) => c.name === '__Host-engawa_sid')!.value);
      const watch = await openWatch(ctx, { thread: [A.defaultThread] });
      expect([...watch.spaces]).toEqual([A.id]);
      const event: LiveEvent = { kind: 'thread.comment', domainId: d.id, spaceId: A.id, threadId: A.defaultThread, commentId: 7, action: 'added' };
      expect(await sift(ctx, watch, [event])).toEqual([{ kind: 'thread.comment', spaceId: String(A.id), threadId: String(A.defaultThread), commentId: '7', action: 'added' }]);
      expect(await spacesStillReadable(ctx, watch)).toBe(true);

      await h.services.db.deleteFrom('spaceGuests').where('domainId', '=', d.id).where('spaceId', '=', A.id).execute();
      expect(await sift(ctx, watch, [event])).toEqual([]);
      expect(await spacesStillReadable(ctx, watch)).toBe(false);
    });

    it('passes only what concerns this person in this domain, and notifications once', async () => {
      const d = await newDomain(h);
      const other = await newDomain(h);
      const s = await signInBrowser(d, d.member);
      const ctx = await subscriberCtx(d, s.token);
      const watch = await openWatch(ctx, { thread: [1, 2] });
      expect(watch.spaces.size).toBe(0);
      const mine: LiveEvent = { kind: 'notification', domainId: d.id, userIds: [d.member.id] };
      const events: LiveEvent[] = [
        { kind: 'notification', domainId: d.id, userIds: [d.admin.id] },
        { kind: 'notification', domainId: other.id, userIds: [d.member.id] },
        mine,
        mine,
        { kind: 'thread.comment', domainId: d.id, spaceId: 1, threadId: 1, commentId: 1, action: 'added' },
        { kind: 'record.changed', domainId: d.id, appId: 1, records: [{ id: 1, revision: null }] },
      ];
      expect(await sift(ctx, watch, events)).toEqual([{ kind: 'notification' }]);
    });
  });
});
