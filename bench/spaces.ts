// What spaces and guest spaces cost a records call (issue 5): the same app and records outside
// any space, in a public space, and in a guest space — read by an administrator, a space member
// and a guest under /k/guest/{id}/v1/. Every call there also decides the caller's role in the
// space and whether the path fits; this measures that against the plain path.
//   npm run bench:spaces                   SQLite, 20,000 records per app
//   RECORDS=50000 DURATION=10 npm run bench:spaces
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/engawa_bench npm run bench:spaces   (then PostgreSQL too)
import type { CannonResult, LoadResult, Target } from './records/client.js';
import { FIELDS, USER_CODES } from './records/data.js';
import { type BenchServer, analyze, startServer } from './records/server.js';
import { AUTH, api } from './records/scenarios.js';
import { runTask } from './records/workers.js';

const RECORDS = Number(process.env.RECORDS ?? 20_000);
const DURATION = Number(process.env.DURATION ?? 8);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 16);
const DATABASE_URL = process.env.DATABASE_URL || undefined;
const FILTER = 'num > 500 and category in ("a","b") order by $id desc limit 100';
const GUEST = { login: 'bench-guest@partner.example', password: 'bench guest password' };
const MEMBER = { login: 'staff1', password: 'staff1 password' };
const basic = (login: string, password: string) => Buffer.from(`${login}:${password}`).toString('base64');

interface Place {
  title: string;
  app: number;
  prefix: string;
  auth: string;
}

async function deployedApp(server: BenchServer, prefix: string, name: string, space?: number): Promise<number> {
  const { app } = await api<{ app: string }>(server, 'POST', `${prefix}/preview/app.json`, { name, ...(space ? { space } : {}) });
  await api(server, 'POST', `${prefix}/preview/app/form/fields.json`, { app, properties: FIELDS });
  await api(server, 'POST', `${prefix}/preview/app/deploy.json`, { apps: [{ app }] });
  return Number(app);
}

async function setUp(server: BenchServer): Promise<Place[]> {
  await api(server, 'POST', '/v1/users.json', { users: USER_CODES.map((code) => ({ code, name: code, email: `${code}@example.com`, password: `${code} password` })) });
  // The records name every staff user, and a guest space's records may name only its own people.
  const members = [{ entity: { type: 'USER', code: 'admin' }, isAdmin: true }, ...USER_CODES.map((code) => ({ entity: { type: 'USER', code } }))];
  const pub = await api<{ id: string }>(server, 'POST', '/k/v1/space.json', { name: 'Public', members });
  const guestSpace = await api<{ id: string }>(server, 'POST', '/k/v1/space.json', { name: 'Partner', isGuest: true, members });
  const k = `/k/guest/${guestSpace.id}/v1`;
  await api(server, 'POST', '/k/v1/guests.json', { guests: [{ name: 'Guest', code: GUEST.login, password: GUEST.password, timezone: 'Asia/Tokyo' }] });
  await api(server, 'PUT', `${k}/space/guests.json`, { id: guestSpace.id, guests: [GUEST.login] });
  const plain = await deployedApp(server, '/k/v1', 'No space');
  const inPublic = await deployedApp(server, '/k/v1', 'Public space', Number(pub.id));
  const inGuest = await deployedApp(server, k, 'Guest space', Number(guestSpace.id));
  const admin = AUTH;
  return [
    { title: 'no space, administrator', app: plain, prefix: '/k/v1', auth: admin },
    { title: 'no space, user', app: plain, prefix: '/k/v1', auth: basic(MEMBER.login, MEMBER.password) },
    { title: 'public space, member', app: inPublic, prefix: '/k/v1', auth: basic(MEMBER.login, MEMBER.password) },
    { title: 'guest space, member', app: inGuest, prefix: k, auth: basic(MEMBER.login, MEMBER.password) },
    { title: 'guest space, guest', app: inGuest, prefix: k, auth: basic(GUEST.login, GUEST.password) },
  ];
}

async function load(server: BenchServer, places: Place[]): Promise<void> {
  const loaded = new Set<number>();
  for (const p of places) {
    if (loaded.has(p.app)) continue;
    loaded.add(p.app);
    const target: Target = { url: server.url, auth: AUTH, app: p.app, prefix: p.prefix };
    const r = await runTask<LoadResult>({ ...target, kind: 'load', from: 0, to: RECORDS, perRequest: 100, requestsPerBulk: 20, concurrency: 2 }).result;
    if (r.error) throw new Error(r.error);
  }
}

async function cannon(server: BenchServer, p: Place, path: string, randomIds: boolean): Promise<CannonResult> {
  const target: Target = { url: server.url, auth: p.auth, app: p.app, prefix: p.prefix };
  return runTask<CannonResult>({ ...target, kind: 'cannon', path, connections: CONNECTIONS, duration: DURATION, timeout: 30, ...(randomIds ? { randomIdsUpTo: RECORDS } : {}) })
    .result;
}

const line = (title: string, r: CannonResult) =>
  `| ${title} | ${Math.round(r.requests / r.seconds).toLocaleString('en')} | ${r.p50} | ${r.p99} | ${r.non2xx + r.errors + r.timeouts} |`;

async function run(kind: 'sqlite' | 'postgres'): Promise<void> {
  const server = await startServer(kind, DATABASE_URL);
  try {
    const places = await setUp(server);
    await load(server, places);
    await analyze(server, DATABASE_URL);
    console.log(`\n### ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${RECORDS.toLocaleString('en')} records per app, ${CONNECTIONS} connections, ${DURATION} s each\n`);
    for (const [what, path, randomIds] of [
      ['Single record (GET record.json, random id)', '', true],
      [`Filtered list (\`${FILTER}\`)`, `records.json?query=${encodeURIComponent(FILTER)}`, false],
    ] as const) {
      console.log(`${what}\n\n| Where, as whom | req/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|`);
      for (const p of places) {
        const full = randomIds ? `${p.prefix}/record.json?app=${p.app}&id=1` : `${p.prefix}/${path}&app=${p.app}`;
        console.log(line(p.title, await cannon(server, p, full, randomIds)));
      }
      console.log('');
    }
  } finally {
    await server.close();
  }
}

await run('sqlite');
if (DATABASE_URL) await run('postgres');
