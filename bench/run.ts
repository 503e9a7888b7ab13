// Measures the foundation's request paths with autocannon against a real listening server.
//   npm run bench                      (SQLite in a temp directory)
//   DATABASE_URL=postgres://… npm run bench
// Prints one line per scenario: requests/s and latency percentiles. Figures go to
// docs/performance.md by hand, with the machine they were measured on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../server/config.js';
import type { Services } from '../server/domain/context.js';
import { hashPassword } from '../server/domain/auth/passwords.js';
import { prepareFirstRun } from '../server/domain/auth/first-run.js';
import { inTransaction } from '../server/domain/context.js';
import { createUsers } from '../server/domain/users/create-users.js';
import { buildApp } from '../server/http/app.js';
import { systemActor } from '../server/policy/actor.js';
import { migrateToLatest, openDatabase } from '../server/storage/db.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engawa-bench-'));
const config = loadConfig({
  DATA_DIR: dir,
  ENGAWA_ADMIN_LOGIN: 'admin',
  ENGAWA_ADMIN_PASSWORD: 'bench password',
  LOGIN_RATE_PER_MINUTE: '1000000',
  DATABASE_URL: process.env.DATABASE_URL ?? '',
  LOG_LEVEL: 'silent',
});
const storage = openDatabase(config.database);
await migrateToLatest(storage.db);
const services: Services = { db: storage.db, ids: storage.ids, dialect: storage.kind, clock: () => new Date(), config, onMailQueued: () => {} };
const first = await prepareFirstRun(services);
const domainId = first.domainId!;

// 1,000 users so the list has something to page through.
const hash = await hashPassword('member password');
const existing = await storage.db.selectFrom('users').select('id').where('domainId', '=', domainId).execute();
if (existing.length < 1000) {
  await inTransaction(services, { actor: systemActor(domainId), locale: 'en', request: { ip: null, userAgent: null, requestId: null } }, (ctx) =>
    createUsers(
      ctx,
      Array.from({ length: 999 }, (_, i) => ({ code: `u${i}`, name: `User ${i}`, email: `u${i}@example.com`, password: 'member password' })),
      Array(999).fill(hash),
    ),
  );
}

const app = await buildApp({ services });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const auth = Buffer.from('admin:bench password').toString('base64');

async function scenario(name: string, { path: p, ...opts }: Omit<autocannon.Options, 'url'> & { path: string }) {
  const r = await autocannon({ connections: 10, duration: 8, ...opts, url: url + p });
  const line = `${name.padEnd(46)} ${String(Math.round(r.requests.average)).padStart(6)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   non-2xx ${r.non2xx}`;
  console.log(line);
}

console.log(`database: ${storage.kind}; node ${process.version}; ${os.cpus().length} × ${os.cpus()[0]?.model}`);
await scenario('GET /healthz', { path: '/healthz' });
await scenario('GET /v1/users.json size=100 (password header)', {
  path: '/v1/users.json?size=100&offset=500',
  headers: { 'x-cybozu-authorization': auth },
});
await scenario('POST /api/session (argon2id sign-in)', {
  path: '/api/session',
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-requested-with': 'XMLHttpRequest' },
  body: JSON.stringify({ login: 'u1', password: 'member password' }),
  connections: 4,
});
await scenario('wrong X-Cybozu-Authorization (throttled after 20)', {
  path: '/v1/users.json',
  headers: { 'x-cybozu-authorization': Buffer.from('admin:wrong').toString('base64') },
  duration: 3,
});

await app.close();
await storage.close();
fs.rmSync(dir, { recursive: true, force: true });
