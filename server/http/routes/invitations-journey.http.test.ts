// The outsider's whole way in (issue 6, "Done when"), every step from a mail received over real
// SMTP: a space administrator invites; the invitee opens the link, registers, later signs in
// with the password and the code mailed for two-step verification, and works in the guest space
// — all from a network outside the domain's allow-list, where regular users are held to the
// allow-list, the Basic gate and client certificates.
import { expect, it } from 'vitest';
import { PASSWORD, newDomain } from '../../../test/support/app.js';
import { XHR } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { BASE_URL, deliver, invitations, invite, mailTo, sessionFrom, tokenOf } from '../../../test/support/invitations.js';
import { appWithSmtp } from '../../../test/support/smtp-app.js';
import { addSpace } from '../../../test/support/spaces.js';

const OUTSIDE = '198.51.100.77';
const GATE_PASSWORD = 'gate password 1';
const GUEST_PASSWORD = 'a long passphrase 42';
const INVITEE = 'partner@example.com';

eachDatabase((database) => {
  const { h, smtp } = appWithSmtp(database, { BASE_URL });

  it('invites, registers, passes the e-mailed code and works in the space from outside; users there are held to the gates', async () => {
    const d = await newDomain(h(), 'Harbor Co');
    const sa = await d.addUser('sa');
    const space = await addSpace(d, d.admin, { name: 'Harbor renovation', isGuest: true, members: [{ entity: { type: 'USER', code: 'sa' }, isAdmin: true }] });
    const settings = await d.request({
      method: 'PUT',
      url: '/v1/security/settings.json',
      as: d.admin,
      payload: {
        guestTwoStep: true,
        ipRestriction: { enabled: true, allow: ['127.0.0.1'] },
        basicGate: { enabled: true, user: 'site', password: GATE_PASSWORD },
        secureAccess: { enabled: true },
      },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    /** What the invitee's browser sends: always from outside, never a Basic gate nor a certificate. */
    const outside = (method: 'GET' | 'POST', url: string, extra: { payload?: object; headers?: Record<string, string> } = {}) =>
      d.request({ method, url, remoteAddress: OUTSIDE, payload: extra.payload, headers: { ...XHR, ...extra.headers } });

    // 1. The invitation arrives over SMTP, in the language the administrator chose.
    const invited = await invite(d, space.id, [INVITEE], sa, { locale: 'en', message: 'Welcome to the harbor project.' });
    expect(invited.statusCode, invited.body).toBe(200);
    const invitation = mailTo(await deliver(h(), smtp()), INVITEE);
    expect(invitation.mail.subject).toBe('Invitation to the guest space "Harbor renovation"');
    expect(invitation.mail.text).toContain('Welcome to the harbor project.');
    const token = tokenOf(invitation);

    // 2. The link opens and registers from outside: the guest lands in the space at once.
    const page = await outside('GET', `/api/invitations/${token}`);
    expect(page.json()).toMatchObject({ email: INVITEE, spaceName: 'Harbor renovation', registered: false });
    const registered = await outside('POST', `/api/invitations/${token}/register`, { payload: { name: 'Pat Partner', password: GUEST_PASSWORD, timezone: 'Asia/Tokyo', locale: 'ja' } });
    expect(registered.statusCode, registered.body).toBe(200);
    const first = sessionFrom(registered);
    const landed = await outside('GET', `/k/guest/${space.id}/v1/space.json?id=${space.id}`, { headers: { cookie: first } });
    expect(landed.statusCode, landed.body).toBe(200);
    const welcome = mailTo(await deliver(h(), smtp()), INVITEE);
    expect(welcome.mail.subject).toBe('Engawa ゲストユーザー登録完了のお知らせ');
    expect((await invitations(d, space.id, sa))[0]).toMatchObject({ email: INVITEE, status: 'ACTIVE' });

    // 3. Signing in again: the password alone opens nothing; the code comes over SMTP, in Japanese.
    const password = await outside('POST', '/api/session', { payload: { login: INVITEE, password: GUEST_PASSWORD, guest: true } });
    expect(password.statusCode, password.body).toBe(200);
    expect(password.headers['set-cookie']).toBeUndefined();
    const { challenge } = password.json().twoStep;
    const codeMail = mailTo(await deliver(h(), smtp()), INVITEE);
    expect(codeMail.mail.subject).toContain('確認コード');
    const code = /\b(\d{6})\b/.exec(codeMail.mail.text ?? '')?.[1];
    expect(code).toBeDefined();
    const verified = await outside('POST', '/api/session/verify', { payload: { challenge, code } });
    expect(verified.statusCode, verified.body).toBe(200);
    const cookie = sessionFrom(verified);
    const csrf: string = verified.json().csrfToken;
    // The password header would skip the code: refused.
    const header = Buffer.from(`${INVITEE}:${GUEST_PASSWORD}`).toString('base64');
    const skipped = await d.request({ method: 'GET', url: `/k/guest/${space.id}/v1/space.json?id=${space.id}`, remoteAddress: OUTSIDE, headers: { 'x-cybozu-authorization': header } });
    expect([skipped.statusCode, skipped.json().code]).toEqual([401, 'CB_TS03']);

    // 4. Work in the space: a comment the space administrator reads.
    const k = `/k/guest/${space.id}/v1`;
    const posted = await outside('POST', `${k}/space/thread/comment.json`, {
      payload: { space: space.id, thread: space.defaultThread, comment: { text: 'Site visit on Monday?' } },
      headers: { cookie, 'x-request-token': csrf },
    });
    expect(posted.statusCode, posted.body).toBe(200);
    const read = await d.request({ method: 'GET', url: `${k}/space/thread/comments.json?space=${space.id}&thread=${space.defaultThread}`, as: sa });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().comments.map((c: { text: string; creator: { code: string } }) => [c.creator.code, c.text])).toEqual([[`guest/${INVITEE}`, 'Site visit on Monday?']]);

    // 5. A regular user from the same network: refused without the gates, by session or header.
    const userSignIn = await outside('POST', '/api/session', { payload: { login: 'member', password: PASSWORD } });
    expect([userSignIn.statusCode, userSignIn.json().code]).toEqual([401, 'CB_BA01']);
    const viaHeader = await d.request({ method: 'GET', url: `${k}/space.json?id=${space.id}`, as: sa, remoteAddress: OUTSIDE });
    expect([viaHeader.statusCode, viaHeader.json().code]).toEqual([401, 'CB_BA01']);
    const gate = `Basic ${Buffer.from(`site:${GATE_PASSWORD}`).toString('base64')}`;
    const withGate = await d.request({ method: 'GET', url: `${k}/space.json?id=${space.id}`, as: sa, remoteAddress: OUTSIDE, headers: { authorization: gate } });
    expect(withGate.statusCode, withGate.body).toBe(200);
    const blocked = await h().services.db.selectFrom('auditLog').select(['actorCode']).where('domainId', '=', d.id).where('action', '=', 'access.blocked').execute();
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.map((b) => b.actorCode)).not.toContain(`guest/${INVITEE}`);
  });
});
