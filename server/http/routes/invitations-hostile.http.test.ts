// Hostile invitations (spec/security.md §3.7, probes I1–I10 and G14): forged, foreign, replayed
// and raced tokens, a suspended guest's link, someone signed in as another account, oversized
// and malformed address lists, header injection, people who may not invite, and mail bombing.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, newDomain, startApp } from '../../../test/support/app.js';
import { XHR } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest, seedSpace, setSpaceGuests } from '../../../test/support/guests.js';
import { BASE_URL, accept, invitations, invite, inviteWorld, openLink, register, sessionFrom } from '../../../test/support/invitations.js';
import { DOMAIN_MAILS_PER_HOUR, INVITER_MAILS_PER_HOUR, LINK_REQUESTS_PER_MINUTE, RECIPIENT_MAILS_PER_DAY } from './invitations.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database(), { BASE_URL });
  });
  afterAll(async () => h.close());

  /** The link of the latest invitation mail queued for `to` (the embedded outbox keeps its params). */
  async function queuedToken(domainId: string, to: string): Promise<string> {
    const row = await h.services.db
      .selectFrom('mailOutbox')
      .select(['params', 'createdAt'])
      .where('domainId', '=', domainId)
      .where('recipient', '=', to)
      .where('template', '=', 'invitation')
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const params = typeof row.params === 'string' ? JSON.parse(row.params) : row.params;
    return String(params.url).split('/invitations/')[1]!;
  }

  const queued = async (domainId: string) =>
    (await h.services.db.selectFrom('mailOutbox').select('id').where('domainId', '=', domainId).where('template', '=', 'invitation').execute()).length;

  /** An error answer without its per-error id. */
  const shape = (res: LightMyRequestResponse) => {
    const { id: _id, ...rest } = res.json();
    return { status: res.statusCode, ...rest };
  };

  describe('tokens', () => {
    it('answers every unusable link alike: forged, malformed, another domain’s (I1)', async () => {
      const { d, sa, space } = await inviteWorld(h);
      await invite(d, space, ['ann@example.com'], sa);
      const real = await queuedToken(d.id, 'ann@example.com');
      const other = await newDomain(h);
      const base = shape(await openLink(d, 'A'.repeat(43)));
      expect(base).toMatchObject({ status: 404, code: 'GAIA_IV01' });
      for (const forged of ['x', `${real}x`, real.slice(0, -1), "' or 1=1 --", '%00', 'Z'.repeat(300)]) {
        expect(shape(await openLink(d, forged)), forged).toEqual(base);
      }
      expect(shape(await openLink(other, real))).toEqual(base);
      expect(shape(await register(other, real))).toEqual(base);
      expect(shape(await accept(other, real))).toEqual(base);
      expect((await openLink(d, real)).statusCode).toBe(200);
      const audited = await h.services.db.selectFrom('auditLog').select('result').where('domainId', '=', other.id).where('action', '=', 'invitation.accept').execute();
      expect(audited.map((a) => a.result)).toEqual(['failure', 'failure']);
    });

    it('uses a link once, even when two registrations race (I2)', async () => {
      const { d, sa, space } = await inviteWorld(h);
      await invite(d, space, ['ben@example.com'], sa);
      const token = await queuedToken(d.id, 'ben@example.com');
      const results = await Promise.all([register(d, token, { name: 'One' }), register(d, token, { name: 'Two' })]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 404]);
      const accounts = await h.services.db.selectFrom('users').select('name').where('domainId', '=', d.id).where('kind', '=', 'guest').execute();
      expect(accounts).toHaveLength(1);
      expect(shape(await register(d, token))).toMatchObject({ status: 404, code: 'GAIA_IV01' });
      expect(shape(await accept(d, token))).toMatchObject({ status: 404, code: 'GAIA_IV01' });
      expect(shape(await openLink(d, token))).toMatchObject({ status: 404, code: 'GAIA_IV01' });
    });

    it('keeps a link for registration: a bad password uses nothing up', async () => {
      const { d, sa, space } = await inviteWorld(h);
      await invite(d, space, ['cat@example.com'], sa);
      const token = await queuedToken(d.id, 'cat@example.com');
      const short = await register(d, token, { password: 'short' });
      expect(short.statusCode).toBe(400);
      expect(Object.keys(short.json().errors)).toEqual(['password']);
      const same = await register(d, token, { password: 'cat@example.com' });
      expect(Object.keys(same.json().errors)).toEqual(['password']);
      const tz = await register(d, token, { timezone: 'Mars/Olympus' });
      expect(Object.keys(tz.json().errors)).toEqual(['timezone']);
      expect((await register(d, token)).statusCode).toBe(200);
    });

    it('never reactivates a suspended guest: its link answers like a bad one (G14)', async () => {
      const { d, sa, space } = await inviteWorld(h);
      await addGuest(d, 'dan@example.com');
      await invite(d, space, ['dan@example.com'], sa);
      const token = await queuedToken(d.id, 'dan@example.com');
      await d.request({ method: 'PUT', url: '/v1/guests/status.json', as: d.admin, payload: { guests: [{ code: 'dan@example.com', valid: false }] } });
      const bad = shape(await openLink(d, 'B'.repeat(43)));
      expect(shape(await openLink(d, token))).toEqual(bad);
      expect(shape(await accept(d, token))).toEqual(bad);
      expect(shape(await register(d, token))).toEqual(bad);
      const header = Buffer.from('dan@example.com:correct horse battery').toString('base64');
      expect((await d.request({ method: 'GET', url: '/api/session', headers: { 'x-cybozu-authorization': header } })).statusCode).toBe(401);
      expect((await invitations(d, space, sa))[0]!.status).toBe('INVITED');
    });

    it('refuses a link opened while signed in as someone else, and leaves it invited (I5)', async () => {
      const { d, sa, space } = await inviteWorld(h);
      const other = await addGuest(d, 'eve@example.com');
      const otherSpace = await seedSpace(h, d, { admins: [sa] });
      await setSpaceGuests(d, otherSpace, [other], sa);
      await addGuest(d, 'fay@example.com');
      await invite(d, space, ['new@example.com', 'fay@example.com'], sa);
      const signIn = await d.request({ method: 'POST', url: '/api/session', payload: { login: 'eve@example.com', password: 'correct horse battery', guest: true }, headers: XHR });
      expect(signIn.statusCode, signIn.body).toBe(200);
      const headers = { cookie: sessionFrom(signIn), 'x-request-token': signIn.json().csrfToken };
      for (const [to, call] of [
        ['new@example.com', (t: string) => register(d, t, {}, headers)],
        ['fay@example.com', (t: string) => accept(d, t, headers)],
      ] as const) {
        const res = await call(await queuedToken(d.id, to));
        expect(res.statusCode, res.body).toBe(409);
        expect(res.json().code).toBe('GAIA_IV03');
      }
      expect((await invitations(d, space, sa)).map((i) => i.status)).toEqual(['INVITED', 'INVITED']);
      expect((await d.request({ method: 'GET', url: `/k/guest/${space}/v1/space.json?id=${space}`, as: other })).statusCode).toBe(403);
    });

    it('follows the sign-in page’s cross-site rules', async () => {
      const { d, sa, space } = await inviteWorld(h);
      await invite(d, space, ['gus@example.com'], sa);
      const token = await queuedToken(d.id, 'gus@example.com');
      const noXhr = await d.request({ method: 'POST', url: `/api/invitations/${token}/register`, payload: { name: 'G', password: 'a long passphrase 42', timezone: 'UTC' } });
      expect(noXhr.json().code).toBe('CB_CS01');
      expect((await register(d, token, {}, { origin: 'https://evil.example' })).json().code).toBe('CB_CS01');
      expect((await register(d, token, {}, { 'sec-fetch-site': 'cross-site' })).json().code).toBe('CB_CS01');
      expect((await openLink(d, token)).statusCode).toBe(200);
    });

    it('limits how often one address may try links (I1)', async () => {
      const d = await newDomain(h);
      let last: LightMyRequestResponse | undefined;
      for (let i = 0; i <= LINK_REQUESTS_PER_MINUTE; i++) last = await openLink(d, `forged-${i}`);
      expect(last!.statusCode).toBe(429);
      expect(last!.json().code).toBe('CB_TM01');
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('addresses and message', () => {
    it('names every bad address, and refuses oversized lists and messages; nothing is sent (I9, I10)', async () => {
      const { d, sa, space } = await inviteWorld(h);
      const bad = await invite(d, space, ['ok@example.com', 'not-an-address', 'a@example.com\r\nBcc: evil@example.com', 'x＠example.com', 'alıce@example.com', 'a@example.com.', 'zero\u200bwidth@example.com', 'a@example.com, b@example.com'], sa);
      expect(bad.statusCode).toBe(400);
      expect(Object.keys(bad.json().errors).sort()).toEqual(['emails[1]', 'emails[2]', 'emails[3]', 'emails[4]', 'emails[5]', 'emails[6]', 'emails[7]']);
      const many = Array.from({ length: 101 }, (_, i) => `p${i}@example.com`);
      expect((await invite(d, space, many, sa)).json().errors).toHaveProperty('emails');
      const thousand = Array.from({ length: 1000 }, (_, i) => `q${i}@example.com`);
      expect((await invite(d, space, thousand, sa)).statusCode).toBe(400);
      expect((await invite(d, space, [], sa)).statusCode).toBe(400);
      const long = await invite(d, space, ['ok@example.com'], sa, { message: 'x'.repeat(1001) });
      expect(Object.keys(long.json().errors)).toEqual(['message']);
      expect(await queued(d.id)).toBe(0);
    });

    it('keeps the message in the body: no header, no extra recipient (I9)', async () => {
      const { d, sa, space } = await inviteWorld(h);
      const message = 'Hi\r\nBcc: evil@example.com\r\nSubject: pwned\r\n\r\n<script>alert(1)</script>\u0007';
      expect((await invite(d, space, ['hal@example.com'], sa, { message })).statusCode).toBe(200);
      const rows = await h.services.db.selectFrom('mailOutbox').select(['recipient', 'params']).where('domainId', '=', d.id).execute();
      expect(rows.map((r) => r.recipient)).toEqual(['hal@example.com']);
      const stored = await h.services.db.selectFrom('guestInvitations').select('message').where('domainId', '=', d.id).executeTakeFirstOrThrow();
      expect(stored.message).toBe('Hi\nBcc: evil@example.com\nSubject: pwned\n\n<script>alert(1)</script>');
    });
  });

  describe('who may invite', () => {
    it('lets the space’s administrators and domain administrators only, on the space’s own path (I7)', async () => {
      const { d, sa, space } = await inviteWorld(h);
      const guest = await addGuest(d, 'ivy@example.com');
      await setSpaceGuests(d, space, [guest], sa);
      const otherAdmin = await d.addUser('sa2');
      const otherSpace = await seedSpace(h, d, { admins: [otherAdmin] });
      const plainSpace = await seedSpace(h, d, { admins: [sa], isGuest: false });
      const refused = [
        await invite(d, space, ['x@example.com'], d.member),
        await invite(d, space, ['x@example.com'], guest),
        await invite(d, space, ['x@example.com'], otherAdmin),
        await invite(d, space, ['x@example.com'], otherAdmin, { id: otherSpace }),
        await invite(d, otherSpace, ['x@example.com'], sa),
        await invite(d, space, ['x@example.com'], sa, { url: '/k/v1/space/invitations.json' }),
        await invite(d, space, ['x@example.com'], sa, { url: `/k/guest/${plainSpace}/v1/space/invitations.json`, id: plainSpace }),
        await invite(d, space, ['x@example.com'], d.admin, { url: `/k/guest/999999/v1/space/invitations.json`, id: 999999 }),
        await d.request({ method: 'GET', url: `/k/guest/${space}/v1/space/invitations.json?id=${space}`, as: d.member }),
        await d.request({ method: 'GET', url: `/k/guest/${space}/v1/space/invitations.json?id=${space}`, as: guest }),
        await d.request({ method: 'POST', url: `/k/guest/${space}/v1/space/invitations/resend.json`, as: guest, payload: { id: space, invitation: 1 } }),
        await d.request({ method: 'DELETE', url: `/k/guest/${space}/v1/space/invitation.json?id=${space}&invitation=1`, as: d.member }),
      ];
      for (const res of refused) expect(shape(res), res.body).toMatchObject({ status: 403, code: 'CB_NO02' });
      expect(await queued(d.id)).toBe(0);
      const byAdmin = await invite(d, space, ['x@example.com'], d.admin);
      expect(byAdmin.statusCode, byAdmin.body).toBe(200);
      expect((await invitations(d, space, d.admin))[0]!.inviter).toEqual({ code: 'admin', name: 'admin' });
    });
  });

  describe('mail bombing (I8)', () => {
    it('caps the mails of one inviter per hour, audits the refusal, and sends nothing of it', async () => {
      const { d, sa, space } = await inviteWorld(h);
      const batch = Array.from({ length: INVITER_MAILS_PER_HOUR }, (_, i) => `r${i}@example.com`);
      expect((await invite(d, space, batch, sa)).statusCode).toBe(200);
      const over = await invite(d, space, ['one-more@example.com'], sa);
      expect(over.statusCode).toBe(429);
      expect(over.json().code).toBe('CB_TM01');
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      expect(await queued(d.id)).toBe(INVITER_MAILS_PER_HOUR);
      const audit = await h.services.db.selectFrom('auditLog').select('result').where('domainId', '=', d.id).where('action', '=', 'invitation.limit').execute();
      expect(audit).toEqual([{ result: 'failure' }]);
      // Another administrator still may; an hour later the first one may again.
      expect((await invite(d, space, ['one-more@example.com'], d.admin)).statusCode).toBe(200);
      h.clock.advance(3_600_000);
      expect((await invite(d, space, ['two-more@example.com'], sa)).statusCode).toBe(200);
    });

    it('caps the mails of the whole domain per hour, whoever sends them', async () => {
      const { d, space } = await inviteWorld(h);
      const admins = [d.admin, await d.addUser('admin2', { isAdmin: true }), await d.addUser('admin3', { isAdmin: true })];
      for (const [n, as] of admins.entries()) {
        const batch = Array.from({ length: DOMAIN_MAILS_PER_HOUR / admins.length }, (_, i) => `s${n}-${i}@example.com`);
        expect((await invite(d, space, batch, as)).statusCode).toBe(200);
      }
      const fourth = await d.addUser('admin4', { isAdmin: true });
      expect((await invite(d, space, ['late@example.com'], fourth)).statusCode).toBe(429);
      expect(await queued(d.id)).toBe(DOMAIN_MAILS_PER_HOUR);
    });

    it('caps the mails one address gets in a day, whoever sends them', async () => {
      const { d, sa, space } = await inviteWorld(h);
      expect((await invite(d, space, ['target@example.com'], sa)).statusCode).toBe(200);
      const [inv] = await invitations(d, space, sa);
      for (let i = 1; i < RECIPIENT_MAILS_PER_DAY; i++) {
        h.clock.advance(61_000);
        const as = i % 2 ? d.admin : sa;
        const res = await d.request({ method: 'POST', url: `/k/guest/${space}/v1/space/invitations/resend.json`, as, payload: { id: space, invitation: inv!.id } });
        expect(res.statusCode, res.body).toBe(200);
      }
      h.clock.advance(61_000);
      const over = await invite(d, space, ['target@example.com'], d.admin);
      expect(over.statusCode).toBe(429);
      expect((await invitations(d, space, sa))[0]!.sentCount).toBe(String(RECIPIENT_MAILS_PER_DAY));
    });
  });
});
