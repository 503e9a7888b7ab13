// The load side of the benchmark, run in a worker thread so that the server's event loop (the
// main thread) does nothing but serve: the bulk loader, autocannon, and the cursor exporter.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import { makeRecord, prng } from './data.js';

export interface Target {
  url: string;
  /** The X-Cybozu-Authorization header value. */
  auth: string;
  app: number;
  /** `/k/v1` (the default) or a guest space's `/k/guest/{id}/v1`. */
  prefix?: string;
}

export type Task =
  | (Target & { kind: 'load'; from: number; to: number; perRequest: number; requestsPerBulk: number; concurrency: number })
  | (Target & { kind: 'cannon'; path: string; randomIdsUpTo?: number; connections: number; duration: number; timeout: number })
  | (Target & { kind: 'export'; size: number });

export interface LoadResult {
  loaded: number;
  ms: number;
  error?: string;
}

export interface CannonResult {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface ExportResult {
  records: number;
  totalCount: number;
  pages: number;
  ms: number;
  bytes: number;
  pageP50: number;
  pageMax: number;
  pageP50ByQuarter: number[];
  error?: string;
}

/** Messages from the worker: progress (records so far) or the task's result. */
export type WorkerMessage = { type: 'progress'; done: number; ms: number; total?: number } | { type: 'result'; result: unknown };

const task = workerData as Task;
const port = parentPort!;
let stopping = false;
port.on('message', (m: unknown) => {
  if (m === 'stop') stopping = true;
});

function headers(t: Target, json: boolean): Record<string, string> {
  return { 'x-cybozu-authorization': t.auth, ...(json ? { 'content-type': 'application/json' } : {}) };
}

/** Bulk requests of `requestsPerBulk` × `POST records.json` of `perRequest` records, `concurrency` in flight. */
async function load(t: Extract<Task, { kind: 'load' }>): Promise<LoadResult> {
  const perBulk = t.perRequest * t.requestsPerBulk;
  let next = t.from;
  let loaded = 0;
  let error: string | undefined;
  const started = performance.now();
  const lane = async () => {
    while (!stopping && error === undefined && next < t.to) {
      const from = next;
      const to = Math.min(t.to, from + perBulk);
      next = to;
      const requests = [];
      for (let i = from; i < to; i += t.perRequest) {
        const records = [];
        for (let j = i; j < Math.min(to, i + t.perRequest); j++) records.push(makeRecord(j));
        requests.push({ method: 'POST', api: `${t.prefix ?? '/k/v1'}/records.json`, payload: { app: t.app, records } });
      }
      const res = await fetch(`${t.url}${t.prefix ?? '/k/v1'}/bulkRequest.json`, { method: 'POST', headers: headers(t, true), body: JSON.stringify({ requests }) });
      const body = await res.text();
      if (res.status !== 200) {
        error = `bulkRequest for records ${from}–${to - 1} answered ${res.status}: ${body.slice(0, 500)}`;
        return;
      }
      loaded += to - from;
      port.postMessage({ type: 'progress', done: loaded, ms: performance.now() - started } satisfies WorkerMessage);
    }
  };
  await Promise.all(Array.from({ length: t.concurrency }, lane));
  return { loaded, ms: performance.now() - started, ...(error ? { error } : {}) };
}

async function cannon(t: Extract<Task, { kind: 'cannon' }>): Promise<CannonResult> {
  const random = prng(7);
  const upTo = t.randomIdsUpTo;
  const options: autocannon.Options = {
    url: t.url,
    connections: t.connections,
    duration: t.duration,
    timeout: t.timeout,
    headers: headers(t, false),
    requests: [
      {
        method: 'GET',
        path: t.path,
        ...(upTo ? { setupRequest: (req: autocannon.Request) => ({ ...req, path: `${t.prefix ?? '/k/v1'}/record.json?app=${t.app}&id=${1 + Math.floor(random() * upTo)}` }) } : {}),
      },
    ],
  };
  // Inside a worker thread autocannon answers its raw histograms and leaves aggregating to us.
  const raw = await autocannon(options);
  const r = (autocannon as unknown as { aggregateResult(results: unknown[], opts: autocannon.Options): autocannon.Result }).aggregateResult([raw], options);
  return {
    requests: r.requests.total,
    seconds: r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

/** A full cursor export: create, then read pages until `next` is false. Pages are counted, then dropped. */
async function exportAll(t: Extract<Task, { kind: 'export' }>): Promise<ExportResult> {
  const started = performance.now();
  const made = await fetch(`${t.url}/k/v1/records/cursor.json`, { method: 'POST', headers: headers(t, true), body: JSON.stringify({ app: t.app, size: t.size }) });
  const cursor = (await made.json()) as { id: string; totalCount: string };
  const out: ExportResult = { records: 0, totalCount: Number(cursor.totalCount), pages: 0, ms: 0, bytes: 0, pageP50: 0, pageMax: 0, pageP50ByQuarter: [] };
  if (made.status !== 200) return { ...out, error: `cursor.json answered ${made.status}: ${JSON.stringify(cursor)}` };
  port.postMessage({ type: 'progress', done: 0, ms: performance.now() - started, total: out.totalCount } satisfies WorkerMessage);
  const pageMs: number[] = [];
  for (;;) {
    const t0 = performance.now();
    const res = await fetch(`${t.url}/k/v1/records/cursor.json?id=${encodeURIComponent(cursor.id)}`, { headers: headers(t, false) });
    const text = await res.text();
    pageMs.push(performance.now() - t0);
    if (res.status !== 200) return { ...out, error: `page ${out.pages + 1} answered ${res.status}: ${text.slice(0, 300)}` };
    const page = JSON.parse(text) as { records: unknown[]; next: boolean };
    out.pages += 1;
    out.records += page.records.length;
    out.bytes += text.length;
    port.postMessage({ type: 'progress', done: out.records, ms: performance.now() - started } satisfies WorkerMessage);
    if (!page.next) break;
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
  const quarter = Math.ceil(pageMs.length / 4);
  return {
    ...out,
    ms: performance.now() - started,
    pageP50: median(pageMs),
    pageMax: Math.max(0, ...pageMs),
    // Does a page cost more the deeper the cursor is? (Paging by key should keep it flat.)
    pageP50ByQuarter: pageMs.length >= 4 ? [0, 1, 2, 3].map((q) => median(pageMs.slice(q * quarter, (q + 1) * quarter))) : [],
  };
}

const run = { load, cannon, export: exportAll } as const;
const result = await (run[task.kind] as (t: Task) => Promise<unknown>)(task);
port.postMessage({ type: 'result', result } satisfies WorkerMessage);
