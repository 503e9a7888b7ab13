// First run on a fresh database: no domain is bound to a host, so the default domain answers
// on any host, and the setup link creates the first administrator exactly once.
import { afterEach, describe, expect, it } from 'vitest';
import { prepareFirstRun } from '../../domain/auth/first-run.js';
import { type Harness, basicAuth, startApp } from '../../../test/support/app.js';
import { DATABASE_KINDS, type TestDatabase, openTestDatabase } from '../../../test/support/db.js';

describe.each(DATABASE_KINDS)('first run on %s', (kind) => {
  let database: TestDatabase;
  let h: Harness;
  afterEach(async () => {
    await h?.close();
    await database?.close();
  });

  async function fresh(env: Record<string, string> = {}) {
    database = await openTestDatabase(kind);
    h = await startApp(database, env);
    return prepareFirstRun(h.services);
  }

  it('prints a one-time setup link that creates the first administrator', async () => {
    const first = await fresh();
    expect(first.state).toBe('setup-link');
    const token = first.state === 'setup-link' ? new URL(first.url).hash.replace('#token=', '') : '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Any host reaches the single, default domain while no host is bound.
    const needed = await h.app.inject({ method: 'GET', url: '/api/setup', headers: { host: '192.168.1.10:3000' } });
    expect(needed.json()).toEqual({ required: true });

    const wrong = await h.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: { host: 'localhost' },
      payload: { token: 'guess', code: 'boss', name: 'Boss', email: 'boss@example.com', password: 'a long password' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('GAIA_SE01');

    const ok = await h.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: { host: 'localhost' },
      payload: { token, code: 'boss', name: 'Boss', email: 'boss@example.com', password: 'a long password' },
    });
    expect(ok.statusCode).toBe(200);

    const list = await h.app.inject({
      method: 'GET',
      url: '/v1/users.json',
      headers: { host: 'localhost', 'x-cybozu-authorization': basicAuth('boss', 'a long password') },
    });
    expect(list.json().users).toMatchObject([{ code: 'boss', isAdmin: true }]);

    const again = await h.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: { host: 'localhost' },
      payload: { token, code: 'intruder', name: 'I', email: 'i@example.com', password: 'a long password' },
    });
    expect(again.statusCode).toBe(400);
    expect((await h.app.inject({ method: 'GET', url: '/api/setup', headers: { host: 'localhost' } })).json()).toEqual({ required: false });
  });

  it('voids the previous link at each start while setup is unfinished', async () => {
    const first = await fresh();
    const second = await prepareFirstRun(h.services);
    const tokenOf = (f: typeof first) => (f.state === 'setup-link' ? new URL(f.url).hash.replace('#token=', '') : '');
    const old = await h.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: { host: 'localhost' },
      payload: { token: tokenOf(first), code: 'boss', name: 'Boss', email: 'boss@example.com', password: 'a long password' },
    });
    expect(old.statusCode).toBe(400);
    expect(tokenOf(second)).not.toBe(tokenOf(first));
  });

  it('creates the administrator from ENGAWA_ADMIN_LOGIN and ENGAWA_ADMIN_PASSWORD, once', async () => {
    const first = await fresh({ ENGAWA_ADMIN_LOGIN: 'root', ENGAWA_ADMIN_PASSWORD: 'root password!' });
    expect(first).toMatchObject({ state: 'admin-created', login: 'root' });
    expect(await prepareFirstRun(h.services)).toMatchObject({ state: 'ready' });
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { host: 'localhost', 'x-cybozu-authorization': basicAuth('root', 'root password!') },
    });
    expect(me.json().user).toMatchObject({ code: 'root', isAdmin: true });
  });
});
