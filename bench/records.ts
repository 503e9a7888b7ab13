// The records benchmark (issue 3, "Performance"): an app of ~20 fields loaded with N records
// through the API, then the list, single-record, `like` and cursor-export paths under load.
//   npm run bench:records                          SQLite, 1,000,000 records
//   RECORDS=100000 npm run bench:records           a shorter run
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/engawa_bench npm run bench:records
//                                                  SQLite, then PostgreSQL (ONLY=postgres for one)
// Other knobs: DURATION (s per load test, 10), CONNECTIONS (16), LOAD_BUDGET_MIN (20: loading
// stops there and the full load is extrapolated), PROFILE=<dir> (a CPU profile of the server
// thread per scenario, in an extra 3 s run), QUIET_WAIT_S (300: how long to wait before each
// measurement for other processes to leave the CPU alone; the share they took is reported),
// KEEP_DATABASE=1 (keep the SQLite file or the PostgreSQL schema afterwards, for EXPLAIN),
// WORKERS=<n> (the load tests run against `npm start`'s cluster of n processes on the same database).
// The server runs on this thread; every client (loader, autocannon, exporter) runs in a worker
// thread, so the figures are the server's and not the load generator's.
import type { CannonResult, ExportResult, LoadResult, Task, Target } from './records/client.js';
import { FIELDS, USER_CODES } from './records/data.js';
import { OtherLoad, describeShare, waitForQuiet } from './records/machine.js';
import { startProfile, stopProfile } from './records/profile.js';
import {
  type DatabaseFigures,
  type Memory,
  SCENARIO_TITLES,
  type ScenarioName,
  type Sequential,
  cannonLine,
  machine,
  extrapolate,
  minutes,
  n,
  summary,
} from './records/report.js';
import { type BenchServer, analyze, quiesce, startCluster, startServer } from './records/server.js';
import { AUTH, LIKE, api, authOf, paths, withRecordPermissions } from './records/scenarios.js';
import { runTask } from './records/workers.js';

function intEnv(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const parsed = Number(v.replace(/_/g, ''));
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} must be a positive number`);
  return parsed;
}

const RECORDS = Math.floor(intEnv('RECORDS', 1_000_000));
const DURATION = intEnv('DURATION', 10);
const CONNECTIONS = intEnv('CONNECTIONS', 16);
const LOAD_BUDGET_S = intEnv('LOAD_BUDGET_MIN', 20) * 60;
const DATABASE_URL = process.env.DATABASE_URL || undefined;
const ONLY = process.env.ONLY;
const PROFILE = process.env.PROFILE || undefined;
const WORKERS = Math.floor(intEnv('WORKERS', 1));
const PROGRESS_EVERY = 50_000;
const QUIET_WAIT_S = process.env.QUIET_WAIT_S === undefined ? 300 : Number(process.env.QUIET_WAIT_S);

const log = (line: string) => console.log(line);
const PG_DATABASE = DATABASE_URL ? decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1)) : undefined;
/** Other processes' share of the CPU per measured phase of the current database's run. */
let othersByPhase: Record<string, number | null> = {};

/** Runs `fn` once the machine is quiet, and notes how much CPU other processes took meanwhile. */
async function watched<T>(name: string, fn: () => Promise<T>): Promise<T> {
  await waitForQuiet(PG_DATABASE, QUIET_WAIT_S, log);
  const watch = new OtherLoad(PG_DATABASE);
  watch.start();
  const out = await fn();
  othersByPhase[name] = watch.share();
  return out;
}
const seconds = (since: number) => (performance.now() - since) / 1000;

/** The people USER_SELECT names, and the app, built and deployed through the API as a client would. */
async function createApp(server: BenchServer): Promise<number> {
  await api(server, 'POST', '/v1/users.json', {
    users: USER_CODES.map((code, i) => ({ code, name: `スタッフ${i + 1}`, email: `${code}@example.com`, password: `${code} password` })),
  });
  const { app } = await api<{ app: string }>(server, 'POST', '/k/v1/preview/app.json', { name: 'ベンチマーク案件管理' });
  await api(server, 'POST', '/k/v1/preview/app/form/fields.json', { app, properties: FIELDS });
  await api(server, 'PUT', '/k/v1/preview/app/settings.json', { app, code: 'BENCH' });
  await api(server, 'POST', '/k/v1/preview/app/deploy.json', { apps: [{ app }] });
  for (;;) {
    const status = await api<{ apps: Array<{ status: string }> }>(server, 'GET', `/k/v1/preview/app/deploy.json?apps[0]=${app}`);
    if (status.apps[0]?.status === 'SUCCESS') return Number(app);
    if (status.apps[0]?.status !== 'PROCESSING') throw new Error(`deploy ended in ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function loadRecords(kind: string, target: Target): Promise<DatabaseFigures['load']> {
  log(`loading ${n(RECORDS)} records: bulkRequest of 20 × POST records.json (100 each), 4 in flight`);
  let printed = 0;
  let window = { at: 0, loaded: 0 };
  let stoppedEarly = false;
  const windows: Array<{ midpoint: number; secondsPerRecord: number }> = [];
  const task: Task = { ...target, kind: 'load', from: 0, to: RECORDS, perRequest: 100, requestsPerBulk: 20, concurrency: 4 };
  // With PROFILE, the server thread is profiled while the first 20,000 records go in.
  let profiled: Promise<string[]> | undefined;
  await waitForQuiet(PG_DATABASE, QUIET_WAIT_S, log);
  if (PROFILE) await startProfile();
  const running = runTask<LoadResult>(task, (loaded, ms) => {
    const elapsed = ms / 1000;
    if (PROFILE && !profiled && (loaded >= 20_000 || loaded === RECORDS)) profiled = stopProfile(PROFILE, `${kind}-load`);
    if (loaded - printed >= PROGRESS_EVERY || loaded === RECORDS) {
      const rate = (loaded - window.loaded) / ((ms - window.at) / 1000);
      windows.push({ midpoint: (loaded + window.loaded) / 2, secondsPerRecord: 1 / rate });
      const projected = (RECORDS / loaded) * elapsed;
      log(`  ${n(loaded).padStart(9)} records  ${minutes(elapsed).padStart(8)}  ${n(rate).padStart(6)} records/s in the last ${n(loaded - window.loaded)}` +
        (printed === 0 && loaded < RECORDS ? `  (full load projected at ${minutes(projected)})` : ''));
      printed = loaded - (loaded % PROGRESS_EVERY);
      window = { at: ms, loaded };
    }
    if (!stoppedEarly && loaded < RECORDS && elapsed > LOAD_BUDGET_S) {
      stoppedEarly = true;
      log(`  load budget of ${minutes(LOAD_BUDGET_S)} spent: stopping at ${n(loaded)} records; the full load is extrapolated below`);
      running.stop();
    }
  });
  const watch = new OtherLoad(PG_DATABASE);
  watch.start();
  const result = await running.result;
  othersByPhase['bulk add'] = watch.share();
  // A failed bulk request is a finding, not the end of the run: report it, go on with what loaded.
  if (result.error) log(`  LOAD FAILED after ${n(result.loaded)} records: ${result.error}`);
  if (result.loaded === 0) throw new Error('no records were loaded');
  if (PROFILE) {
    log('  CPU profile of the server thread while loading the first 20,000 records — top self time:');
    for (const line of await (profiled ?? stopProfile(PROFILE, `${kind}-load`))) log(`      ${line}`);
  }
  const perSecond = result.loaded / (result.ms / 1000);
  stoppedEarly ||= result.loaded < RECORDS;
  const projectedFullSeconds = stoppedEarly ? extrapolate(windows, RECORDS, perSecond) : result.ms / 1000;
  log(`bulk add: ${n(result.loaded)} records in ${minutes(result.ms / 1000)} = ${n(perSecond)} records/s` +
    (stoppedEarly ? `; ${n(RECORDS)} would take ≈ ${minutes(projectedFullSeconds)} (EXTRAPOLATED from the cost per record as it grew; ${minutes(RECORDS / perSecond)} at the average rate)` : '') +
    `; ${describeShare(othersByPhase['bulk add'] ?? null)}`);
  return { loaded: result.loaded, seconds: result.ms / 1000, perSecond, stoppedEarly, projectedFullSeconds, ...(result.error ? { error: result.error } : {}) };
}

async function loadTests(server: BenchServer, served: Target, maxId: number): Promise<Record<ScenarioName, CannonResult>> {
  const cluster = WORKERS > 1 ? await startCluster(server, WORKERS) : null;
  const target = cluster ? { ...served, url: cluster.url } : served;
  log(`load tests: autocannon, ${CONNECTIONS} connections, ${DURATION} s each${cluster ? `, against ${WORKERS} worker processes (WORKERS=${WORKERS})` : ''}`);
  const out = {} as Record<ScenarioName, CannonResult>;
  for (const [name, path] of Object.entries(paths(target.app)) as Array<[ScenarioName, string]>) {
    const task: Task = { ...target, auth: authOf(name), kind: 'cannon', path, connections: CONNECTIONS, duration: DURATION, timeout: 60, ...(name === 'single' ? { randomIdsUpTo: maxId } : {}) };
    out[name] = await withRecordPermissions(server, target.app, name === 'restricted', () => watched(name, () => runTask<CannonResult>(task).result));
    log(`  ${cannonLine(SCENARIO_TITLES[name], out[name])}   ${describeShare(othersByPhase[name] ?? null)}`);
    await quiesce(server);
  }
  await cluster?.close();
  if (PROFILE) {
    // Separate, shorter runs: the profiler slows the server, so these figures are not reported.
    for (const [name, path] of Object.entries(paths(target.app)) as Array<[ScenarioName, string]>) {
      const task: Task = { ...served, auth: authOf(name), kind: 'cannon', path, connections: CONNECTIONS, duration: 3, timeout: 60, ...(name === 'single' ? { randomIdsUpTo: maxId } : {}) };
      const top = await withRecordPermissions(server, target.app, name === 'restricted', async () => {
        await startProfile();
        await runTask<CannonResult>(task).result;
        return stopProfile(PROFILE, `${server.kind}-${name}`);
      });
      await quiesce(server);
      log(`  CPU profile of the server thread under load, ${SCENARIO_TITLES[name]} — top self time:`);
      for (const line of top) log(`      ${line}`);
    }
  }
  return out;
}

/**
 * One request at a time: the latency with nobody queueing, and how much of it is SQL (time inside
 * Kysely queries) and how many statements a request runs.
 */
async function sequentialPass(server: BenchServer, app: number, maxId: number): Promise<Record<ScenarioName, Sequential>> {
  log('sequential pass (one request at a time): latency, SQL share, statements per request');
  const out = {} as Record<ScenarioName, Sequential>;
  let id = 1;
  for (const [name, path] of Object.entries(paths(app)) as Array<[ScenarioName, string]>) {
    const url = () => server.url + (name === 'single' ? `/k/v1/record.json?app=${app}&id=${(id = (id * 7919) % maxId + 1)}` : path);
    const get = async () => {
      const res = await fetch(url(), { headers: { 'x-cybozu-authorization': authOf(name) } });
      await res.arrayBuffer();
    };
    const { total, count } = await withRecordPermissions(server, app, name === 'restricted', async () => {
      for (let i = 0; i < 3; i++) await get();
      server.timer.reset();
      server.timer.on = true;
      const started = performance.now();
      let count = 0;
      while (count < 500 && (count < 3 || seconds(started) < 3)) {
        await get();
        count += 1;
      }
      server.timer.on = false;
      return { total: performance.now() - started, count };
    });
    const each = total / count;
    const sqlEach = server.timer.ms / count;
    out[name] = { ms: each, sqlMs: sqlEach, statements: server.timer.statements / count };
    log(`  ${SCENARIO_TITLES[name].padEnd(44)} ${n(each, 2).padStart(8)} ms/request   SQL ${n(sqlEach, 2)} ms (${n((100 * sqlEach) / each)}%) in ${n(server.timer.statements / count, 1)} statements`);
  }
  return out;
}

/** How many records match the filter and the `like` word (the scenarios' selectivity). */
async function selectivity(server: BenchServer, app: number, total: number): Promise<void> {
  const count = async (query: string) =>
    Number((await api<{ totalCount: string }>(server, 'GET', `/k/v1/records.json?app=${app}&totalCount=true&query=${encodeURIComponent(`${query} limit 1`)}`)).totalCount);
  const filtered = await count('num > 500 and category in ("a","b")');
  const liked = await count(LIKE);
  log(`selectivity: the filter matches ${n(filtered)} (${n((100 * filtered) / total, 1)}%), the like word ${n(liked)} (${n((100 * liked) / total, 2)}%) of ${n(total)}`);
}

async function exportAll(target: Target): Promise<ExportResult & { memory: Memory }> {
  const rss = () => process.memoryUsage.rss() / 2 ** 20;
  const memory: Memory = { startMb: rss(), peakMb: rss(), quartersMb: [] };
  let exported = 0;
  let total = 0;
  const sample = () => {
    const now = rss();
    memory.peakMb = Math.max(memory.peakMb, now);
    while (total > 0 && memory.quartersMb.length < 3 && exported >= ((memory.quartersMb.length + 1) * total) / 4) memory.quartersMb.push(now);
  };
  const timer = setInterval(sample, 200);
  let printed = 0;
  const result = await watched('cursor export', () => runTask<ExportResult>({ ...target, kind: 'export', size: 500 }, (done, ms, count) => {
    if (count !== undefined) total = count;
    exported = done;
    if (done - printed >= PROGRESS_EVERY * 4) {
      printed = done;
      log(`  ${n(done).padStart(9)} records exported  ${minutes(ms / 1000)}  RSS ${n(rss())} MB`);
    }
  }).result);
  clearInterval(timer);
  sample();
  memory.quartersMb.push(rss());
  if (result.error) throw new Error(result.error);
  log(`cursor export: ${n(result.records)} records (totalCount ${n(result.totalCount)}) in ${result.pages} pages, ${minutes(result.ms / 1000)}; ` +
    `page p50 ${n(result.pageP50, 1)} ms (by quarter ${result.pageP50ByQuarter.map((v) => n(v, 1)).join(' / ')}), max ${n(result.pageMax, 1)} ms; ${n(result.bytes / 2 ** 20)} MB of JSON`);
  log(`  RSS ${n(memory.startMb)} MB at start, peak ${n(memory.peakMb)} MB (sampled every 200 ms); ${describeShare(othersByPhase['cursor export'] ?? null)}`);
  return { ...result, memory };
}

async function benchDatabase(kind: 'sqlite' | 'postgres'): Promise<DatabaseFigures> {
  const phases: Array<[string, number]> = [];
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    phases.push([name, seconds(t0)]);
    return out;
  };
  log(`\n=== ${kind} — ${n(RECORDS)} records ===`);
  othersByPhase = {};
  const server = await phase('start server, create and deploy the app', () => startServer(kind, DATABASE_URL));
  try {
    const app = await phase('start server, create and deploy the app', () => createApp(server));
    const target: Target = { url: server.url, auth: AUTH, app };
    const load = await phase('bulk load', () => loadRecords(kind, target));
    await phase('analyze (PostgreSQL)', () => analyze(server, DATABASE_URL));
    const databaseMb = (await server.databaseBytes()) / 2 ** 20;
    log(`database size after loading: ${n(databaseMb)} MB`);
    await selectivity(server, app, load.loaded);
    const scenarios = await phase('load tests', () => loadTests(server, target, load.loaded));
    const sequential = await phase('sequential pass', () => sequentialPass(server, app, load.loaded));
    log('cursor export of every record (size 500), RSS sampled every 200 ms');
    const exported = await phase('cursor export', () => exportAll(target));
    const merged = new Map<string, number>();
    for (const [name, s] of phases) merged.set(name, (merged.get(name) ?? 0) + s);
    return { kind, label: kind === 'sqlite' ? 'SQLite' : 'PostgreSQL', records: RECORDS, load, databaseMb, scenarios, sequential, export: exported, phases: [...merged], others: othersByPhase };
  } finally {
    await server.close();
  }
}

const kinds = (['sqlite', 'postgres'] as const).filter((k) => (k === 'postgres' ? DATABASE_URL !== undefined : true)).filter((k) => !ONLY || ONLY === k);
log(`records benchmark — ${machine()} — ${new Date().toISOString().slice(0, 10)}`);
const all: DatabaseFigures[] = [];
for (const kind of kinds) all.push(await benchDatabase(kind));

log('\n=== summary (targets are for 1,000,000 records on this 2-core machine) ===');
log(`machine: ${machine()}; date ${new Date().toISOString().slice(0, 10)}`);
log(summary(all));
for (const f of all) log(`${f.label} phases: ${f.phases.map(([name, s]) => `${name} ${minutes(s)}`).join('; ')}; database ${n(f.databaseMb)} MB`);
