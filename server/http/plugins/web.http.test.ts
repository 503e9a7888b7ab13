// Serving the web app (plugins/web.ts) from a small build of our own: hashed assets cached for a
// year, index.html for every page a browser opens (deep links), kintone's JSON for every API path
// and for anything that is not a page, 421 for a host no domain answers, and the app even for a
// session that may only change its expired password. Without a build the server serves none.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import type { Services } from '../../domain/context.js';
import { MemoryLimiter } from '../../infra/limiter.js';
import { type TestDomain, TestClock, newDomain } from '../../../test/support/app.js';
import { XHR, expectErrorBody } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { buildApp } from '../app.js';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/app-Ab12.js"></script></head><body><div id="root"></div></body></html>';
const VISITOR = '<!doctype html><html><head><script type="module" src="/assets/public-Cd34.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2000))});\n`;
const PAGE = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

eachDatabase((database) => {
  let root: string;
  let app: FastifyInstance;
  let bare: FastifyInstance;
  let clock: TestClock;
  // The harness's domain factory wants these two of a Harness only.
  let h: { app: FastifyInstance; services: Services };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'engawa-web-'));
    await mkdir(path.join(root, 'assets'));
    await writeFile(path.join(root, 'index.html'), INDEX);
    await writeFile(path.join(root, 'public.html'), VISITOR);
    await writeFile(path.join(root, 'assets/app-Ab12.js'), SCRIPT);
    await writeFile(path.join(root, 'assets/app-Ab12.js.gz'), gzipSync(SCRIPT));
    await writeFile(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    clock = new TestClock();
    const config = loadConfig({ DEFAULT_LOCALE: 'en', DATA_DIR: path.join(root, 'data') });
    const services: Services = { db: database().db, ids: database().ids, dialect: database().kind, clock: clock.now, config, onMailQueued: () => {} };
    app = await buildApp({ services, limiter: new MemoryLimiter(() => clock.now().getTime()), webRoot: root });
    bare = await buildApp({ services, limiter: new MemoryLimiter(), webRoot: path.join(root, 'missing') });
    await Promise.all([app.ready(), bare.ready()]);
    h = { app, services };
  });
  afterAll(async () => {
    await app?.close();
    await bare?.close();
    await rm(root, { recursive: true, force: true });
  });

  const domain = () => newDomain(h as Parameters<typeof newDomain>[0]);
  const get = (d: TestDomain, url: string, headers: Record<string, string> = {}) => d.request({ method: 'GET', url, headers });

  describe('the built app', () => {
    it('serves hashed assets for a year, compressed when the browser takes it', async () => {
      const d = await domain();
      const plain = await get(d, '/assets/app-Ab12.js');
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(plain.headers['content-type']).toMatch(/javascript/);
      expect(plain.body).toBe(SCRIPT);
      const zipped = await get(d, '/assets/app-Ab12.js', { 'accept-encoding': 'gzip' });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toMatch(/accept-encoding/i);
      const icon = await get(d, '/favicon.svg');
      expect(icon.statusCode).toBe(200);
      expect(icon.headers['cache-control']).toBe('public, max-age=3600');
    });

    it('answers every page a browser opens with index.html, revalidated, under the CSP', async () => {
      const d = await domain();
      for (const url of ['/', '/login', '/invitations/abc-123', '/password-reset/x?y=1', '/some/deep/link']) {
        const res = await get(d, url, PAGE);
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(res.headers['content-security-policy']).toContain("script-src 'self'");
        expect(res.body).toBe(INDEX);
      }
      const head = await d.request({ method: 'HEAD', url: '/login', headers: PAGE });
      expect(head.statusCode).toBe(200);
      expect(head.headers['content-type']).toMatch(/^text\/html/);
    });

    it('sends the pages of mailed links, whose path is a secret, with no-referrer; the others as usual (I6)', async () => {
      const d = await domain();
      const token = 'Ab3_-x'.repeat(7).concat('y');
      for (const url of [`/invitations/${token}`, '/invitations', `/password-reset/${token}`, '/password-reset', `/allow-list-reset/${token}`]) {
        const res = await get(d, url, PAGE);
        expect(res.statusCode, url).toBe(200);
        expect(res.body).toBe(INDEX);
        expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      }
      for (const url of ['/', '/login', '/invitationsx/abc', '/k/1/']) {
        expect((await get(d, url, PAGE)).headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      }
    });

    it('sends the pages compressed when the browser takes it, 304 when it has them, and a rebuild within a second', async () => {
      const d = await domain();
      await writeFile(path.join(root, 'index.html.br'), brotliCompressSync(INDEX));
      await new Promise((r) => setTimeout(r, 1_100)); // past the second the page is kept unchecked
      const br = await get(d, '/spaces', { ...PAGE, 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(INDEX);
      const refused = await get(d, '/spaces', { ...PAGE, 'accept-encoding': 'br;q=0' });
      expect([refused.headers['content-encoding'], refused.body]).toEqual([undefined, INDEX]);
      const again = await get(d, '/spaces', { ...PAGE, 'if-none-match': String(br.headers.etag) });
      expect([again.statusCode, again.body]).toEqual([304, '']);
      const rebuilt = INDEX.replace('app-Ab12', 'app-Ef56');
      await writeFile(path.join(root, 'index.html'), rebuilt);
      await rm(path.join(root, 'index.html.br'));
      await new Promise((r) => setTimeout(r, 1_100));
      const fresh = await get(d, '/spaces', { ...PAGE, 'if-none-match': String(br.headers.etag) });
      expect([fresh.statusCode, fresh.body]).toEqual([200, rebuilt]);
      await writeFile(path.join(root, 'index.html'), INDEX);
      await new Promise((r) => setTimeout(r, 1_100));
    });

    it('keeps kintone JSON answers for API paths, missing files and requests that are not page loads', async () => {
      const d = await domain();
      for (const url of ['/k/v1/nothing.json', '/k/', '/v1/nothing', '/api/nothing', '/healthz/x', '/something.json', '/assets/missing-1.js']) {
        expectErrorBody(await get(d, url, PAGE), 404, 'CB_NF01');
      }
      // Only plain names under /assets/ are files: nothing climbs out of the build.
      for (const url of ['/assets/..%2F..%2Fpackage.json', '/assets/%2e%2e/%2e%2e/server/main.ts', '/assets/.source-hash', '/.source-hash']) {
        expectErrorBody(await get(d, url), 404, 'CB_NF01');
      }
      expectErrorBody(await get(d, '/login'), 404, 'CB_NF01');
      expectErrorBody(await d.request({ method: 'POST', url: '/login', headers: { ...PAGE, ...XHR }, payload: {} }), 404, 'CB_NF01');
      // Real routes are untouched, a browser's Accept notwithstanding.
      expect((await get(d, '/api/setup', PAGE)).json()).toEqual({ required: false });
    });

    it('answers a public view’s pages with the visitors’ own page, never the app', async () => {
      const d = await domain();
      const token = 'A'.repeat(43);
      for (const url of [`/public/${token}`, `/public/${token}/`, `/public/${token}?page=2&q=x`, `/public/${token}/records/12`, `/public/${token}/members/1/records/3`]) {
        const res = await get(d, url, PAGE);
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(res.headers['content-security-policy']).toContain("script-src 'self'");
        expect(res.headers['referrer-policy']).toBe('no-referrer');
        expect(res.body).toBe(VISITOR);
      }
      // Data paths stay JSON; a malformed token or a script's request is no page.
      expectErrorBody(await get(d, `/public/${token}/data.json`), 404, 'CB_PV05');
      const refusal = await get(d, `/public/${token}/data.json`, PAGE);
      expect([refusal.statusCode, refusal.body === VISITOR]).toEqual([404, false]);
      for (const url of ['/public/short', `/public/${token}/a/b/c/d/e`]) expectErrorBody(await get(d, url, PAGE), 404, 'CB_NF01');
      expectErrorBody(await get(d, `/public/${token}`), 404, 'CB_NF01');
    });

    it('refuses a host no domain answers, pages and assets alike', async () => {
      for (const url of ['/', '/login', '/assets/app-Ab12.js']) {
        expectErrorBody(await app.inject({ method: 'GET', url, headers: { host: 'unknown.example', ...PAGE } }), 421, 'CB_HO01');
      }
    });

    it('serves the app to a session that may only change its expired password', async () => {
      const d = await domain();
      const policy = await d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, payload: { passwordPolicy: { expiryDays: 1 } } });
      expect(policy.statusCode, policy.body).toBe(200);
      clock.advance(2 * 86_400_000);
      const signIn = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login: d.member.code, password: d.member.password } });
      expect(signIn.json().passwordExpired).toBe(true);
      const cookies = Object.fromEntries(signIn.cookies.map((c) => [c.name, c.value]));
      const page = await d.request({ method: 'GET', url: '/', headers: PAGE, cookies });
      expect(page.statusCode).toBe(200);
      expect(page.body).toBe(INDEX);
      expect((await d.request({ method: 'GET', url: '/assets/app-Ab12.js', cookies })).statusCode).toBe(200);
      expectErrorBody(await d.request({ method: 'GET', url: '/k/v1/apps.json', headers: PAGE, cookies }), 401, 'CB_PE01');
    });
  });

  describe('without a build', () => {
    it('sends the security headers with every answer, the API’s too', async () => {
      const d = await domain();
      for (const res of [await get(d, '/spaces', PAGE), await get(d, '/k/v1/apps.json'), await bare.inject({ method: 'GET', url: '/healthz', headers: { host: d.host } })]) {
        expect(res.headers).toMatchObject({
          'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
          'x-frame-options': 'DENY',
          'x-content-type-options': 'nosniff',
          'strict-transport-security': 'max-age=31536000; includeSubDomains',
          'cross-origin-opener-policy': 'same-origin',
          'referrer-policy': 'strict-origin-when-cross-origin',
        });
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('serves no app and leaves every answer as the API gives it', async () => {
      const d = await domain();
      const res = await bare.inject({ method: 'GET', url: '/login', headers: { host: d.host, ...PAGE } });
      expectErrorBody(res, 404, 'CB_NF01');
      expect((await bare.inject({ method: 'GET', url: '/healthz', headers: { host: d.host } })).statusCode).toBe(200);
    });
  });
});
