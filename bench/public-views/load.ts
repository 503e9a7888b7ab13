// Visitors for the public-views benchmark: autocannon in this process (the server is a process
// of its own), every request from another visitor address as a reverse proxy reports it
// (X-Forwarded-For; the server trusts the loopback), so the per-visitor budget (300 requests a
// minute) counts each visitor rather than refusing the load generator.
import os from 'node:os';
import autocannon from 'autocannon';

export interface Figures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Answers by status code. */
  statuses: Record<string, number>;
  /** CPU the server process took, in cores (1 = one core busy all the time). */
  serverCores: number;
  /** Load average (1 min) when the scenario started. */
  load: number;
}

/** Visitor addresses: `VISITORS` distinct ones (20,000 by default), taken in turn. */
let nextVisitor = 0;
const VISITORS = Number(process.env.VISITORS ?? 20_000);
export function visitorAddress(): string {
  const n = nextVisitor++ % VISITORS;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export interface Scenario {
  name: string;
  /** Paths asked in turn by each connection (a dashboard: its views), or one made per request. */
  paths: string[] | (() => string);
  headers?: Record<string, string>;
  connections: number;
  duration: number;
}

export async function run(url: string, s: Scenario, cpuSeconds: () => number): Promise<Figures> {
  const load = os.loadavg()[0]!;
  // As a browser asks: it takes compressed answers.
  const headers = { accept: 'application/json', 'accept-encoding': 'gzip, deflate, br, zstd', ...s.headers };
  const setupRequest = (req: autocannon.Request) => ({
    ...req,
    ...(typeof s.paths === 'function' ? { path: s.paths() } : {}),
    headers: { ...req.headers, ...headers, 'x-forwarded-for': visitorAddress() },
  });
  const requests = typeof s.paths === 'function' ? [{ method: 'GET' as const, setupRequest }] : s.paths.map((p) => ({ method: 'GET' as const, path: p, setupRequest }));
  const cpu0 = cpuSeconds();
  const t0 = performance.now();
  const r = await autocannon({ url, connections: s.connections, duration: s.duration, timeout: 30, requests });
  const cores = (cpuSeconds() - cpu0) / ((performance.now() - t0) / 1000);
  const statuses: Record<string, number> = {};
  for (const [code, v] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = (v as { count: number }).count;
  return {
    name: s.name,
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statuses,
    serverCores: cores,
    load,
  };
}

export function line(f: Figures): string {
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  const codes = Object.entries(f.statuses).map(([c, k]) => `${c}×${n(k)}`).join(' ');
  return `${f.name.padEnd(44)} ${n(f.requestsPerSecond).padStart(7)} req/s  p50 ${String(f.p50).padStart(3)} ms  p99 ${String(f.p99).padStart(4)} ms  max ${n(f.max)} ms  ` +
    `errors ${f.errors + f.timeouts}  [${codes}]  server ${f.serverCores.toFixed(2)} cores, ${((1e6 * f.serverCores) / Math.max(f.requestsPerSecond, 1)).toFixed(0)} µs CPU/request  load ${f.load.toFixed(2)}`;
}

/** One visitor's request, from an address of its own. */
export async function visit(url: string, path: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url + path, { headers: { accept: 'application/json', 'x-forwarded-for': visitorAddress() } });
  return { status: res.status, body: await res.text() };
}

/**
 * Milliseconds from `change()` returning until `shows(body)` holds for a visitor's request,
 * polled every 25 ms (at most `limitMs`).
 */
export async function freshness(url: string, path: string, change: () => Promise<void>, shows: (body: string) => boolean, limitMs = 15_000): Promise<number> {
  await change();
  const t0 = performance.now();
  while (performance.now() - t0 < limitMs) {
    const { status, body } = await visit(url, path);
    if (status === 200 && shows(body)) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, 25));
  }
  return Number.POSITIVE_INFINITY;
}
