// Formatting the figures: console lines while running, one summary table against the issue's
// targets at the end, and the same as Markdown for docs/performance.md.
import os from 'node:os';
import type { CannonResult, ExportResult } from './client.js';

export interface Memory {
  startMb: number;
  peakMb: number;
  /** RSS when a quarter, half, three quarters and all of the records had been exported. */
  quartersMb: number[];
}

export interface DatabaseFigures {
  kind: 'sqlite' | 'postgres';
  label: string;
  records: number;
  load: { loaded: number; seconds: number; perSecond: number; stoppedEarly: boolean; projectedFullSeconds: number; error?: string };
  databaseMb: number;
  scenarios: Record<ScenarioName, CannonResult>;
  /** The same requests one at a time: latency, time inside SQL, statements per request. */
  sequential: Record<ScenarioName, Sequential>;
  export: ExportResult & { memory: Memory };
  phases: Array<[string, number]>;
  /** Other processes' share of the machine's CPU during each measured phase (null: unknown). */
  others: Record<string, number | null>;
}

export type ScenarioName = 'filtered' | 'filteredCount' | 'single' | 'like' | 'owned' | 'restricted';

export interface Sequential {
  ms: number;
  sqlMs: number;
  statements: number;
}

export const SCENARIO_TITLES: Record<ScenarioName, string> = {
  filtered: 'GET records, filtered, limit 100',
  filteredCount: 'the same with totalCount=true',
  single: 'GET record (random id)',
  like: 'GET records, title like (1% of records)',
  owned: 'the filtered list, one owner’s records by filter',
  restricted: 'the same records by record permissions',
};

export const FULL = 1_000_000;

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node.js ${process.version.slice(1)}, ${os.type()} ${os.release()}`;
}

export const n = (v: number, digits = 0) => v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const perSecond = (r: CannonResult) => r.requests / Math.max(r.seconds, 1e-9);
export const minutes = (s: number) => (s >= 90 ? `${n(s / 60, 1)} min` : `${n(s, 1)} s`);

export function cannonLine(title: string, r: CannonResult): string {
  const rate = perSecond(r);
  const problems = [`non-2xx ${r.non2xx}`, r.errors ? `errors ${r.errors}` : '', r.timeouts ? `timeouts ${r.timeouts}` : ''].filter(Boolean).join(', ');
  return `${title.padEnd(44)} ${n(rate, rate < 10 ? 1 : 0).padStart(7)} req/s   p50 ${r.p50} ms   p99 ${r.p99} ms   max ${r.max} ms   ${problems}`;
}

/** Export time scaled to a million records, marked as such when fewer were exported. */
export function exportAt1M(f: DatabaseFigures): { seconds: number; extrapolated: boolean } {
  const s = f.export.ms / 1000;
  if (f.export.records >= FULL || f.export.records === 0) return { seconds: s, extrapolated: false };
  return { seconds: (s * FULL) / f.export.records, extrapolated: true };
}

interface Row {
  what: string;
  target: string;
  cells: (f: DatabaseFigures) => string;
  verdict?: (f: DatabaseFigures) => boolean;
}

const ms = (v: number) => `${n(v)} ms`;

/** Time per request for records left to record permissions over the same records asked for by filter. */
function restrictedCost(f: DatabaseFigures): number {
  const [plain, restricted] = [f.scenarios.owned, f.scenarios.restricted];
  if (plain.requests >= 16 && restricted.requests >= 16) return perSecond(plain) / perSecond(restricted);
  return f.sequential.restricted.ms / f.sequential.owned.ms;
}

/** autocannon's figures, and the one-at-a-time latency with its SQL share (all that is left when few complete). */
function scenarioRow(name: ScenarioName, target: string, met?: (r: CannonResult) => boolean): Row {
  return {
    what: SCENARIO_TITLES[name],
    target,
    cells: (f) => {
      const r = f.scenarios[name];
      const s = f.sequential[name];
      const one = `one at a time ${ms(s.ms)} (SQL ${n((100 * s.sqlMs) / s.ms)}%)`;
      if (r.requests === 0) return `none completed in ${n(r.seconds)} s; ${one}`;
      const rate = perSecond(r);
      return `${n(rate, rate < 10 ? 1 : 0)} req/s, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}; ${one}`;
    },
    ...(met ? { verdict: (f: DatabaseFigures) => met(f.scenarios[name]) } : {}),
  };
}

const ROWS: Row[] = [
  { what: 'records in the app', target: '1,000,000', cells: (f) => n(f.export.totalCount || f.load.loaded) },
  {
    what: 'bulk add (bulkRequest, 20 × 100 records, 4 in flight)',
    target: '≥ 20,000 records/s',
    cells: (f) =>
      `${n(f.load.perSecond)} records/s` +
      (f.load.error ? ` — LOAD FAILED after ${n(f.load.loaded)} records (${/answered \d+(: \{"code":"\w+")?/.exec(f.load.error)?.[0] ?? f.load.error.slice(0, 80)})` : '') +
      (f.load.stoppedEarly ? ` (${f.load.error ? 'stopped by the failure' : 'stopped at the time budget'}; ${n(f.records)} would take ≈ ${minutes(f.load.projectedFullSeconds)}, EXTRAPOLATED)` : ''),
    verdict: (f) => f.load.perSecond >= 20_000,
  },
  scenarioRow('filtered', '≥ 2,000 req/s, p99 ≤ 20 ms', (r) => perSecond(r) >= 2000 && r.p99 <= 20),
  scenarioRow('filteredCount', '—'),
  scenarioRow('single', '≥ 5,000 req/s', (r) => perSecond(r) >= 5000),
  scenarioRow('like', '—'),
  scenarioRow('owned', '—'),
  {
    ...scenarioRow('restricted', '≤ 1.5× the time of the same records by filter'),
    cells: (f) => `${scenarioRow('restricted', '').cells(f)}; ${n(restrictedCost(f), 2)}× the same records by filter`,
    verdict: (f) => restrictedCost(f) <= 1.5,
  },
  {
    what: 'cursor export of every record (size 500)',
    target: '1M in < 60 s',
    cells: (f) => {
      const at = exportAt1M(f);
      return `${minutes(f.export.ms / 1000)}${at.extrapolated ? ` (≈ ${minutes(at.seconds)} for 1M, extrapolated)` : ''}`;
    },
    verdict: (f) => exportAt1M(f).seconds < 60,
  },
  {
    what: 'process RSS during the export',
    target: 'flat',
    cells: (f) => `${n(f.export.memory.startMb)} MB at start, peak ${n(f.export.memory.peakMb)} MB; by quarter ${f.export.memory.quartersMb.map((v) => n(v)).join(' / ')}`,
  },
  {
    what: 'CPU taken by other processes while measuring',
    target: '0%',
    cells: (f) => {
      const known = Object.values(f.others).filter((v): v is number => v !== null);
      return known.length ? `max ${n(100 * Math.max(...known))}% of all cores` : 'unknown';
    },
  },
  {
    what: 'non-2xx answers in the load tests',
    target: '0',
    cells: (f) => n(Object.values(f.scenarios).reduce((s, r) => s + r.non2xx + r.errors, 0)),
    verdict: (f) => Object.values(f.scenarios).every((r) => r.non2xx + r.errors === 0),
  },
];

/** PostgreSQL's time per request (or record) over SQLite's; from the one-at-a-time pass (†) when too few completed under load. */
function ratioRows(sqlite: DatabaseFigures, postgres: DatabaseFigures): Array<[string, string]> {
  const perRequest = (name: ScenarioName): [number, boolean] => {
    const [a, b] = [sqlite.scenarios[name], postgres.scenarios[name]];
    if (a.requests >= 16 && b.requests >= 16) return [perSecond(a) / perSecond(b), false];
    return [postgres.sequential[name].ms / sqlite.sequential[name].ms, true];
  };
  const items: Array<[string, [number, boolean]]> = [
    ['bulk add', [sqlite.load.perSecond / postgres.load.perSecond, false]],
    ...(Object.keys(SCENARIO_TITLES) as ScenarioName[]).map((name): [string, [number, boolean]] => [SCENARIO_SHORT[name], perRequest(name)]),
    ['cursor export', [postgres.export.ms / postgres.export.records / (sqlite.export.ms / sqlite.export.records), false]],
  ];
  return items.map(([what, [r, sequential]]) => [what, `${n(r, 2)}×${sequential ? '†' : ''} ${r <= 2 ? 'ok' : 'MISSED'}`]);
}

const SCENARIO_SHORT: Record<ScenarioName, string> = {
  filtered: 'filtered list',
  filteredCount: 'with totalCount',
  single: 'single GET',
  like: 'like',
  owned: 'one owner by filter',
  restricted: 'one owner by permissions',
};

export function summary(all: DatabaseFigures[]): string {
  const lines: string[] = [];
  const head = ['', 'target', ...all.map((f) => `${f.label} (${n(f.load.loaded)} records)`)];
  lines.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
  for (const row of ROWS) {
    const cells = all.map((f) => `${row.cells(f)}${row.verdict ? (row.verdict(f) ? ' — met' : ' — **missed**') : ''}`);
    lines.push(`| ${row.what} | ${row.target} | ${cells.join(' | ')} |`);
  }
  const sqlite = all.find((f) => f.kind === 'sqlite');
  const postgres = all.find((f) => f.kind === 'postgres');
  if (sqlite && postgres) {
    const ratios = ratioRows(sqlite, postgres);
    lines.push(`| PostgreSQL time ÷ SQLite time (†: one at a time) | ≤ 2× | ${ratios.map(([w, r]) => `${w} ${r}`).join('; ')} |${' |'.repeat(all.length - 1)}`);
  }
  return lines.join('\n');
}

/**
 * The time a full load would take, from the load windows measured so far: the cost per record is
 * fitted as a + b·N (least squares), so a load that slows as the table grows is not flattered by
 * its early, fast part. Never less than the average rate would give.
 */
export function extrapolate(windows: Array<{ midpoint: number; secondsPerRecord: number }>, records: number, averageRate: number): number {
  const flat = records / averageRate;
  if (windows.length < 2) return flat;
  const k = windows.length;
  const mx = windows.reduce((s, w) => s + w.midpoint, 0) / k;
  const my = windows.reduce((s, w) => s + w.secondsPerRecord, 0) / k;
  const sxx = windows.reduce((s, w) => s + (w.midpoint - mx) ** 2, 0);
  const b = sxx === 0 ? 0 : windows.reduce((s, w) => s + (w.midpoint - mx) * (w.secondsPerRecord - my), 0) / sxx;
  const a = my - b * mx;
  return Math.max(flat, a * records + (b * records * records) / 2);
}
