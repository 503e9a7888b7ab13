// What a graph costs (app/report/data.json): the benchmark app of bench/records loaded with N
// records, then each graph below aggregated one request at a time — the first run and the median
// of the next five — with the time spent in SQL statements apart from the rest.
//   npx tsx bench/reports.ts                         SQLite, 20,000 records
//   RECORDS=100000 npx tsx bench/reports.ts
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/engawa_bench npx tsx bench/reports.ts   (then PostgreSQL too)
// The machine may be shared: each graph waits (QUIET_WAIT_S, 120) for other processes to leave the
// CPU, and the share they took anyway is printed beside it.
import type { LoadResult, Target } from './records/client.js';
import { FIELDS, USER_CODES } from './records/data.js';
import { OtherLoad, waitForQuiet } from './records/machine.js';
import { type BenchServer, analyze, startServer } from './records/server.js';
import { AUTH, api, withRecordPermissions } from './records/scenarios.js';
import { runTask } from './records/workers.js';

const RECORDS = Number(process.env.RECORDS ?? 20_000);
const RUNS = 5;
const DATABASE_URL = process.env.DATABASE_URL || undefined;
const OWNER_AUTH = Buffer.from('staff1:staff1 password').toString('base64');
const QUIET_WAIT_S = process.env.QUIET_WAIT_S === undefined ? 120 : Number(process.env.QUIET_WAIT_S);
const PG_DATABASE = DATABASE_URL ? decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1)) : undefined;

const GRAPHS: Array<[title: string, definition: object, restricted?: boolean]> = [
  ['SUM(amount) by category (drop-down)', { chartType: 'COLUMN', chartMode: 'NORMAL', groups: [{ code: 'category' }], aggregations: [{ type: 'SUM', code: 'amount' }] }],
  ['COUNT by logged_at per MONTH (date-time, Asia/Tokyo)', { chartType: 'LINE', groups: [{ code: 'logged_at', per: 'MONTH' }], aggregations: [{ type: 'COUNT' }] }],
  ['COUNT, SUM(price) by tags (checkbox, several per record)', { chartType: 'BAR', chartMode: 'STACKED', groups: [{ code: 'tags' }], aggregations: [{ type: 'COUNT' }, { type: 'SUM', code: 'price' }] }],
  [
    'cross table category × owner (user selection), COUNT, SUM, AVERAGE, MAX',
    {
      chartType: 'PIVOT_TABLE',
      groups: [{ code: 'category' }, { code: 'owner' }],
      aggregations: [{ type: 'COUNT' }, { type: 'SUM', code: 'amount' }, { type: 'AVERAGE', code: 'price' }, { type: 'MAX', code: 'logged_at' }],
    },
  ],
  ['SUM(amount) by start_date per DAY, with filter `num > 500`', { chartType: 'COLUMN', chartMode: 'NORMAL', groups: [{ code: 'start_date', per: 'DAY' }], aggregations: [{ type: 'SUM', code: 'amount' }], filterCond: 'num > 500' }],
  ['SUM(amount) by category, as staff1 under record permissions', { chartType: 'COLUMN', chartMode: 'NORMAL', groups: [{ code: 'category' }], aggregations: [{ type: 'SUM', code: 'amount' }] }, true],
];

async function aggregate(server: BenchServer, app: number, definition: object, auth: string): Promise<{ ms: number; cpuMs: number; sqlMs: number; statements: number; records: number; rows: number }> {
  server.timer.reset();
  server.timer.on = true;
  // The server runs on this thread (the loader's worker is idle by now): this process's CPU time
  // is the server's, steadier than wall time on a shared machine. PostgreSQL's own is not in it.
  const cpu = process.cpuUsage();
  const started = performance.now();
  const res = await fetch(`${server.url}/k/v1/app/report/data.json`, {
    method: 'POST',
    headers: { 'x-cybozu-authorization': auth, 'content-type': 'application/json' },
    body: JSON.stringify({ app, definition }),
  });
  const body = (await res.json()) as { totals: { count: number }; rows: unknown[] };
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  server.timer.on = false;
  if (!res.ok) throw new Error(`data.json answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
  return { ms, cpuMs: (used.user + used.system) / 1000, sqlMs: server.timer.ms, statements: server.timer.statements, records: body.totals.count, rows: body.rows.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f = (ms: number) => (ms < 100 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en'));

async function run(kind: 'sqlite' | 'postgres'): Promise<void> {
  const server = await startServer(kind, DATABASE_URL);
  try {
    await api(server, 'POST', '/v1/users.json', { users: USER_CODES.map((code) => ({ code, name: code, email: `${code}@example.com`, password: `${code} password` })) });
    const { app } = await api<{ app: string }>(server, 'POST', '/k/v1/preview/app.json', { name: 'グラフのベンチマーク' });
    await api(server, 'POST', '/k/v1/preview/app/form/fields.json', { app, properties: FIELDS });
    await api(server, 'POST', '/k/v1/preview/app/deploy.json', { apps: [{ app }] });
    const target: Target = { url: server.url, auth: AUTH, app: Number(app), prefix: '/k/v1' };
    const loading = performance.now();
    const loaded = await runTask<LoadResult>({ ...target, kind: 'load', from: 0, to: RECORDS, perRequest: 100, requestsPerBulk: 20, concurrency: 2 }).result;
    if (loaded.error) throw new Error(loaded.error);
    await analyze(server, DATABASE_URL);
    console.log(`\n### ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${RECORDS.toLocaleString('en')} records (loaded in ${((performance.now() - loading) / 1000).toFixed(0)} s)\n`);
    console.log('| Graph | records counted | rows | first ms | median of next 5 ms | its Node CPU ms | its SQL ms (statements) | others\' CPU |\n|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const [title, definition, restricted] of GRAPHS) {
      const measure = async () => {
        const auth = restricted ? OWNER_AUTH : AUTH;
        await waitForQuiet(PG_DATABASE, QUIET_WAIT_S, (line) => console.log(line));
        const others = new OtherLoad(PG_DATABASE);
        others.start();
        const first = await aggregate(server, Number(app), definition, auth);
        const next: Array<Awaited<ReturnType<typeof aggregate>>> = [];
        for (let i = 0; i < RUNS; i++) next.push(await aggregate(server, Number(app), definition, auth));
        const mid = next.find((r) => r.ms === median(next.map((x) => x.ms)))!;
        const share = others.share();
        console.log(`| ${title} | ${first.records.toLocaleString('en')} | ${first.rows} | ${f(first.ms)} | ${f(mid.ms)} | ${f(mid.cpuMs)} | ${f(mid.sqlMs)} (${mid.statements}) | ${share === null ? '' : `${Math.round(share * 100)}%`} |`);
      };
      await withRecordPermissions(server, Number(app), restricted === true, measure);
    }
    const rss = process.memoryUsage().rss / 2 ** 20;
    console.log(`\nProcess RSS at the end: ${Math.round(rss)} MB.`);
  } finally {
    await server.close();
  }
}

await run('sqlite');
if (DATABASE_URL) await run('postgres');
