// Guest invitations end to end, through a real SMTP server: a space administrator invites, the
// invitee reads the mail, opens the link, registers and works in the guest space at once; the
// administrators' list follows every step. Expiry runs on the injected clock.
import { describe, expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest } from '../../../test/support/guests.js';
import {
  BASE_URL,
  DAY_MS,
  accept,
  deliver,
  invitations,
  invite,
  inviteWorld,
  mailTo,
  openLink,
  register,
  sessionFrom,
  tokenOf,
} from '../../../test/support/invitations.js';
import { appWithSmtp } from '../../../test/support/smtp-app.js';

eachDatabase((database) => {
  const { h, smtp } = appWithSmtp(database, { BASE_URL });

  describe('the whole flow', () => {
    it('invites two addresses; one registers from the mail and works in the space at once; reading the link uses nothing up (I6)', async () => {
      const { d, sa, space } = await inviteWorld(h());
      const res = await invite(d, space, [' Alice@Example.COM ', 'bob@example.com', 'alice@example.com'], sa, { message: 'Welcome aboard!' });
      expect(res.statusCode, res.body).toBe(200);
      const invited = res.json().invitations;
      expect(invited).toEqual([
        { id: expect.any(String), email: 'Alice@example.com', status: 'INVITED' },
        { id: expect.any(String), email: 'bob@example.com', status: 'INVITED' },
      ]);

      const mails = await deliver(h(), smtp());
      expect(mails).toHaveLength(2);
      const mail = mailTo(mails, 'Alice@example.com');
      expect(mail.envelope.to).toEqual(['Alice@example.com']);
      expect(mail.mail.subject).toBe('Invitation to the guest space "Project Sakura"');
      expect(mail.mail.text).toContain('sa has invited you to the guest space "Project Sakura"');
      expect(mail.mail.text).toContain('Welcome aboard!');
      expect(mail.mail.text).toMatch(/until 8 April 2026 at 09:00 \(Asia\/Tokyo\)|until 8 April 2026, 09:00 \(Asia\/Tokyo\)/);
      const token = tokenOf(mail);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // Only the hash is kept.
      const rows = await h().services.db.selectFrom('guestInvitations').select('tokenHash').where('domainId', '=', d.id).execute();
      expect(rows.every((r) => r.tokenHash && r.tokenHash.length === 64 && r.tokenHash !== token)).toBe(true);

      const page = await openLink(d, token);
      expect(page.statusCode, page.body).toBe(200);
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.json()).toEqual({ email: 'Alice@example.com', spaceName: 'Project Sakura', inviterName: 'sa', expiresAt: '2026-04-08T00:00:00.000Z', registered: false });
      // Opening it again (a mail scanner, then the person) uses nothing up (I6).
      expect((await openLink(d, token)).statusCode).toBe(200);

      const done = await register(d, token, { name: 'Alice Liddell', locale: 'ja', email: 'mallory@example.com', code: 'mallory@example.com' });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toEqual({ space: String(space) });
      const cookie = sessionFrom(done);

      const inSpace = await d.request({ method: 'GET', url: `/k/guest/${space}/v1/space.json?id=${space}`, headers: { cookie } });
      expect(inSpace.statusCode, inSpace.body).toBe(200);
      expect(inSpace.json().name).toBe('Project Sakura');
      const me = await d.request({ method: 'GET', url: '/api/session', headers: { cookie } });
      expect(me.json().user).toMatchObject({ kind: 'guest', code: 'guest/Alice@example.com', name: 'Alice Liddell', locale: 'ja', timezone: 'Asia/Tokyo' });
      // The login is the invited address; the password chosen works on the guest page.
      const header = Buffer.from('alice@example.com:a long passphrase 42').toString('base64');
      const viaHeader = await d.request({ method: 'GET', url: `/k/guest/${space}/v1/space.json?id=${space}`, headers: { 'x-cybozu-authorization': header } });
      expect(viaHeader.statusCode, viaHeader.body).toBe(200);

      const welcome = mailTo(await deliver(h(), smtp()), 'Alice@example.com');
      expect(welcome.mail.subject).toBe('Engawa ゲストユーザー登録完了のお知らせ');
      expect(welcome.mail.text).toContain(`アクセス URL: ${BASE_URL}/guest/${space}`);
      expect(welcome.mail.text).toContain('ログイン名: Alice@example.com');
      expect(welcome.mail.text).not.toContain('a long passphrase 42');

      const list = await invitations(d, space, sa);
      expect(list.map((i) => [i.email, i.status, i.sentCount])).toEqual([
        ['Alice@example.com', 'ACTIVE', '1'],
        ['bob@example.com', 'INVITED', '1'],
      ]);
      expect(list[0]).toMatchObject({ inviter: { code: 'sa', name: 'sa' }, invitedAt: '2026-04-01T00:00:00.000Z', acceptedAt: expect.any(String) });

      // Suspended: INACTIVE.
      const suspend = await d.request({ method: 'PUT', url: '/v1/guests/status.json', as: d.admin, payload: { guests: [{ code: 'alice@example.com', valid: false }] } });
      expect(suspend.statusCode, suspend.body).toBe(200);
      expect((await invitations(d, space, sa))[0]!.status).toBe('INACTIVE');

      const audit = await h().services.db.selectFrom('auditLog').select(['action', 'actorKind']).where('domainId', '=', d.id).where('action', 'like', 'invitation.%').execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['invitation.accept', 'invitation.create', 'invitation.create']);
    });

    it('writes the mail in the invitation language, escaping the message in HTML', async () => {
      const { d, sa, space } = await inviteWorld(h(), '営業部 <共有>');
      const message = 'よろしくお願いします。\r\nBcc: evil@example.com\r\nSubject: pwned\r\n\r\n<b>bold</b> <a href="javascript:alert(1)">x</a>';
      expect((await invite(d, space, ['yuki@example.jp'], sa, { locale: 'ja', message })).statusCode).toBe(200);
      const received = await deliver(h(), smtp());
      expect(received).toHaveLength(1);
      const mail = mailTo(received, 'yuki@example.jp');
      // The message stays in the body: no header, no extra recipient (I9).
      expect(mail.envelope.to).toEqual(['yuki@example.jp']);
      expect(mail.mail.headers.has('bcc')).toBe(false);
      expect(mail.mail.text).toContain('Bcc: evil@example.com\nSubject: pwned');
      expect(mail.mail.subject).toBe('ゲストスペース「営業部 <共有>」への招待');
      expect(mail.mail.text).toContain('sa さんから、Engawa のゲストスペース「営業部 <共有>」に招待されました。');
      expect(mail.mail.text).toContain('<b>bold</b>');
      expect(mail.mail.text).toMatch(/このリンクの有効期限は 2026年4月\d+日 \d+:\d+ \(Asia\/Tokyo\) です。/);
      const html = String(mail.mail.html);
      expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
      expect(html).not.toContain('<b>bold</b>');
      expect(html).not.toContain('href="javascript:');
      expect(html).toContain('営業部 &lt;共有&gt;');
      expect(html).toContain(`href="${BASE_URL}/invitations/${tokenOf(mail)}"`);
    });

    it('lets an address that is already a guest join without a new password', async () => {
      const { d, sa, space } = await inviteWorld(h());
      const guest = await addGuest(d, 'carol@example.com');
      const res = await invite(d, space, ['carol@example.com'], sa);
      expect(res.json().invitations[0].status).toBe('INVITED');
      const token = tokenOf(mailTo(await deliver(h(), smtp()), 'carol@example.com'));
      expect((await openLink(d, token)).json().registered).toBe(true);
      expect((await register(d, token)).statusCode).toBe(400);

      const joined = await accept(d, token);
      expect(joined.statusCode, joined.body).toBe(200);
      expect(joined.json()).toEqual({ space: String(space), signIn: true });
      expect(joined.headers['set-cookie']).toBeUndefined();
      const read = await d.request({ method: 'GET', url: `/k/guest/${space}/v1/space.json?id=${space}`, as: guest });
      expect(read.statusCode, read.body).toBe(200);
      expect((await invitations(d, space, sa))[0]!.status).toBe('ACTIVE');
      // Already in: a new invitation is reported, not sent.
      const again = await invite(d, space, ['CAROL@example.com', 'dave@example.com'], sa);
      expect(again.json().invitations).toEqual([
        { id: null, email: 'CAROL@example.com', status: 'ALREADY_GUEST' },
        { id: expect.any(String), email: 'dave@example.com', status: 'INVITED' },
      ]);
      expect((await deliver(h(), smtp())).map((m) => m.envelope.to[0])).toEqual(['dave@example.com']);
    });

    it('keeps the session of the invited guest when it accepts while signed in', async () => {
      const { d, sa, space } = await inviteWorld(h());
      await addGuest(d, 'erin@example.com');
      await invite(d, space, ['erin@example.com'], sa);
      const token = tokenOf(mailTo(await deliver(h(), smtp()), 'erin@example.com'));
      const signIn = await d.request({ method: 'POST', url: '/api/session', payload: { login: 'erin@example.com', password: 'correct horse battery', guest: true }, headers: { 'x-requested-with': 'XMLHttpRequest' } });
      expect(signIn.statusCode, signIn.body).toBe(200);
      const cookie = sessionFrom(signIn);
      const joined = await accept(d, token, { cookie, 'x-request-token': signIn.json().csrfToken });
      expect(joined.statusCode, joined.body).toBe(200);
      expect(joined.json()).toEqual({ space: String(space) });
      expect((await d.request({ method: 'GET', url: `/k/guest/${space}/v1/space.json?id=${space}`, headers: { cookie } })).statusCode).toBe(200);
    });
  });

  describe('expiry, re-sending and cancelling', () => {
    it('works until seven days have passed, then fails until re-sent; a re-send kills the old link (I3, I4)', async () => {
      const { d, sa, space } = await inviteWorld(h());
      await invite(d, space, ['frank@example.com'], sa);
      const first = tokenOf(mailTo(await deliver(h(), smtp()), 'frank@example.com'));
      h().clock.advance(7 * DAY_MS - 1000);
      expect((await openLink(d, first)).statusCode).toBe(200);
      h().clock.advance(2000); // day 7 + 1 s, on the server's clock (I3)
      const late = await openLink(d, first);
      expect(late.statusCode).toBe(404);
      expect(late.json().code).toBe('GAIA_IV01');
      expect((await register(d, first)).statusCode).toBe(404);
      const [expired] = await invitations(d, space, sa);
      expect(expired!.status).toBe('EXPIRED');

      const resent = await d.request({ method: 'POST', url: `/k/guest/${space}/v1/space/invitations/resend.json`, as: sa, payload: { id: space, invitation: expired!.id } });
      expect(resent.statusCode, resent.body).toBe(200);
      const second = tokenOf(mailTo(await deliver(h(), smtp()), 'frank@example.com'));
      expect(second).not.toBe(first);
      const [revived] = await invitations(d, space, sa);
      expect(revived).toMatchObject({ status: 'INVITED', sentCount: '2' });
      expect((await openLink(d, second)).statusCode).toBe(200);

      // Re-sending again within a minute: 429; after it, the second link dies too.
      const soon = await d.request({ method: 'POST', url: `/k/guest/${space}/v1/space/invitations/resend.json`, as: sa, payload: { id: space, invitation: revived!.id } });
      expect(soon.statusCode).toBe(429);
      expect(Number(soon.headers['retry-after'])).toBeGreaterThan(0);
      h().clock.advance(61_000);
      // Inviting the address again re-sends the pending invitation rather than adding one.
      const again = await invite(d, space, ['frank@example.com'], sa);
      expect(again.json().invitations).toEqual([{ id: revived!.id, email: 'frank@example.com', status: 'RESENT' }]);
      const third = tokenOf(mailTo(await deliver(h(), smtp()), 'frank@example.com'));
      expect((await openLink(d, second)).statusCode).toBe(404);
      expect((await register(d, third)).statusCode).toBe(200);
      expect(await invitations(d, space, sa)).toHaveLength(1);
    });

    it('cancels: the link dies at once and the list says CANCELLED (I4)', async () => {
      const { d, sa, space } = await inviteWorld(h());
      const { id } = (await invite(d, space, ['gina@example.com'], sa)).json().invitations[0];
      const token = tokenOf(mailTo(await deliver(h(), smtp()), 'gina@example.com'));
      const cancel = await d.request({ method: 'DELETE', url: `/k/guest/${space}/v1/space/invitation.json?id=${space}&invitation=${id}`, as: sa });
      expect(cancel.statusCode, cancel.body).toBe(200);
      expect((await openLink(d, token)).statusCode).toBe(404);
      expect((await register(d, token)).statusCode).toBe(404);
      expect((await invitations(d, space, sa))[0]!.status).toBe('CANCELLED');
      const twice = await d.request({ method: 'DELETE', url: `/k/guest/${space}/v1/space/invitation.json?id=${space}&invitation=${id}`, as: sa });
      expect(twice.statusCode).toBe(400);
      const resend = await d.request({ method: 'POST', url: `/k/guest/${space}/v1/space/invitations/resend.json`, as: sa, payload: { id: space, invitation: id } });
      expect(resend.statusCode).toBe(400);
      const unknown = await d.request({ method: 'DELETE', url: `/k/guest/${space}/v1/space/invitation.json?id=${space}&invitation=999999`, as: sa });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().code).toBe('GAIA_IV02');
      // A new invitation to the address is a new row.
      expect((await invite(d, space, ['gina@example.com'], sa)).json().invitations[0].status).toBe('INVITED');
      expect(await invitations(d, space, sa)).toHaveLength(2);
    });
  });
});
