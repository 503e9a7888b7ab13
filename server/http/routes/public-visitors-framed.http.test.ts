// Signing in inside another site's frame: a view that other sites may embed (frameAncestors)
// sends its visitor cookies — the password unlock, the e-mail session and the sign-in link's
// browser cookie — as SameSite=None, Secure and Partitioned, so a browser keeps them for the frame
// in the framing site's own jar; they are cleared with the same attributes. A view nobody may
// frame keeps SameSite=Lax, and so does every view where cookies cannot be Secure (plain http).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { VISITOR_COOKIE, publishedView, viewWorld, visitor } from '../../../test/support/public-views.js';
import { BROWSER_COOKIE, EMAIL_COOKIE, MEMBER_LIST, XHR, askSignIn, codeFromOutbox, giveCode, memberView, memberWorld, register, setEmailAuth } from '../../../test/support/public-visitors.js';

const SITE = 'https://shop.example';

/** The Set-Cookie line that sets `name`. */
function setCookieLine(res: { headers: Record<string, unknown> }, name: string): string {
  const line = ([] as string[]).concat((res.headers['set-cookie'] as string[] | string | undefined) ?? []).find((l) => l.startsWith(`${name}=`));
  expect(line, `no ${name} cookie set`).toBeDefined();
  return line!;
}

function expectFramed(line: string, path: string): void {
  expect(line).toContain(`Path=${path}`);
  expect(line).toMatch(/; HttpOnly/);
  expect(line).toMatch(/; Secure/);
  expect(line).toMatch(/; SameSite=None/);
  expect(line).toMatch(/; Partitioned/);
  expect(line).not.toMatch(/Domain=/);
}

function expectLax(line: string): void {
  expect(line).toMatch(/; SameSite=Lax/);
  expect(line).not.toMatch(/Partitioned|SameSite=None/);
}

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(() => h.close());

  describe('a view other sites may frame', () => {
    it('unlocks with a password cookie kept for the frame, and one nobody may frame stays Lax', async () => {
      const w = await viewWorld(h);
      const framed = await publishedView(w, { password: 'open sesame 1', frameAncestors: [SITE] });
      const plain = await publishedView(w, { password: 'open sesame 1' });
      const unlock = (path: string) => visitor(w.d, `${path}/unlock.json`, { method: 'POST', payload: { password: 'open sesame 1' } });

      const inFrame = await unlock(framed.path);
      expect(inFrame.statusCode, inFrame.body).toBe(200);
      const line = setCookieLine(inFrame, VISITOR_COOKIE);
      expectFramed(line, framed.path);
      // The cookie opens the view as before.
      const cookie = line.split(';')[0]!;
      expect((await visitor(w.d, `${framed.path}/data.json`, { headers: { cookie } })).statusCode).toBe(200);
      expectLax(setCookieLine(await unlock(plain.path), VISITOR_COOKIE));

      // The sites taken away, the next unlock is Lax again.
      const cleared = await w.d.request({ method: 'PUT', url: '/v1/public-views.json', as: w.manager, payload: { id: framed.id, frameAncestors: [] } });
      expect(cleared.statusCode, cleared.body).toBe(200);
      expectLax(setCookieLine(await unlock(framed.path), VISITOR_COOKIE));
    });

    it('signs a visitor in by e-mail with cookies kept for the frame, and signs out with the same attributes', async () => {
      const w = await memberWorld(h);
      const v = await memberView(w, { kind: 'myPage', settings: { ...MEMBER_LIST, match: [{ field: 'owner', attribute: 'email' }] }, frameAncestors: [SITE] });
      expect((await setEmailAuth(w, v.id, 'registered')).statusCode).toBe(200);
      await register(w, v.id, [{ email: 'alice@example.com' }]);

      const asked = await askSignIn(w.d, v.path, 'alice@example.com');
      expect(asked.statusCode, asked.body).toBe(200);
      expectFramed(setCookieLine(asked, BROWSER_COOKIE), v.path);
      const given = await giveCode(w.d, v.path, 'alice@example.com', await codeFromOutbox(h, w, 'alice@example.com'));
      expect(given.statusCode, given.body).toBe(200);
      const session = setCookieLine(given, EMAIL_COOKIE);
      expectFramed(session, v.path);

      const cookies = { [EMAIL_COOKIE]: session.split(';')[0]!.split('=')[1]! };
      const data = await w.d.request({ method: 'GET', url: `${v.path}/data.json`, cookies });
      expect(data.statusCode, data.body).toBe(200);
      const out = await w.d.request({ method: 'POST', url: `${v.path}/sign-out.json`, headers: XHR, cookies });
      expect(out.statusCode, out.body).toBe(200);
      // A partitioned cookie is removed only by a Set-Cookie naming the same partition.
      const gone = setCookieLine(out, EMAIL_COOKIE);
      expectFramed(gone, v.path);
      expect(gone).toMatch(/Expires=Thu, 01 Jan 1970/);
      expect((await w.d.request({ method: 'GET', url: `${v.path}/data.json`, cookies })).json().code).toBe('CB_PV30');
    });
  });

  describe('where cookies cannot be Secure (plain http)', () => {
    let insecure: Harness;
    beforeAll(async () => {
      insecure = await startApp(database(), { BASE_URL: 'http://engawa.example.jp' });
    });
    afterAll(() => insecure.close());

    it('keeps SameSite=Lax even for a view other sites may frame: browsers refuse None without Secure', async () => {
      const w = await viewWorld(insecure);
      const framed = await publishedView(w, { password: 'open sesame 1', frameAncestors: [SITE] });
      const res = await visitor(w.d, `${framed.path}/unlock.json`, { method: 'POST', payload: { password: 'open sesame 1' } });
      expect(res.statusCode, res.body).toBe(200);
      const line = setCookieLine(res, 'engawa_pv');
      expectLax(line);
      expect(line).not.toMatch(/; Secure/);
    });
  });
});
