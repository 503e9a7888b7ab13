// PUT app/reports.json: `{name: report}` for the whole set (a saved report left out is deleted).
// The key names the report as it is now; `name` may rename it, keeping its id. Indexes must
// differ and are renumbered 0…n-1 in their order. A report being updated keeps the settings the
// request leaves out; a new one must give them all.
import type { Property } from '../fields/index.js';
import { type Problems, ProblemSink, charLength } from '../fields/problems.js';
import { isObject, ownEntries } from '../fields/types.js';
import { type Report, type ReportDefinition, parsePeriodicReport, parseReportDefinition } from './definition.js';
import { reportFieldPool } from './fields.js';

export const MAX_REPORTS = 1000;
export const MAX_REPORT_NAME = 64;

/** A parsed report: `from` is the saved report's current name when it is an update. */
export interface ParsedReport {
  from?: string;
  report: Omit<Report, 'id'>;
}

export function parseReports(input: unknown, fields: Record<string, Property>, existing: Record<string, Report>): { reports: ParsedReport[]; problems: Problems } {
  const sink = new ProblemSink();
  if (!isObject(input)) {
    sink.add('reports', input === undefined || input === null ? 'required' : 'invalid');
    return { reports: [], problems: sink.all };
  }
  const entries = ownEntries(input);
  if (entries.length > MAX_REPORTS) {
    sink.add('reports', 'tooMany', { n: MAX_REPORTS });
    return { reports: [], problems: sink.all };
  }
  const pool = reportFieldPool(fields);
  const parsed: Array<ParsedReport & { pos: number; rank: number }> = [];
  const names = new Map<string, string>();
  const ranks = new Map<number, string>();
  entries.forEach(([key, v], pos) => {
    const at = `reports.${key}`;
    const base = Object.hasOwn(existing, key) ? existing[key] : undefined;
    if (!isObject(v)) return sink.add(at, 'invalid');
    const name = v.name === undefined ? key : v.name;
    if (typeof name !== 'string' || name.trim() === '') sink.add(`${at}.name`, 'required');
    else if (charLength(name) > MAX_REPORT_NAME) sink.add(`${at}.name`, 'tooLong', { n: MAX_REPORT_NAME + 1 });
    // A new report is added under its own name; only a saved one may be renamed.
    else if (!base && name !== key) sink.add(`${at}.name`, 'invalid');
    else if (names.has(name)) sink.add(`${at}.name`, 'duplicateInRequest');
    else names.set(name, key);
    const rank = v.index === undefined || v.index === '' ? pos : Number(v.index);
    if ((typeof v.index !== 'number' && typeof v.index !== 'string' && v.index !== undefined) || !Number.isSafeInteger(rank) || rank < 0) sink.add(`${at}.index`, 'notNumber');
    else if (ranks.has(rank)) sink.add(`${at}.index`, 'duplicateInRequest');
    else ranks.set(rank, key);
    const definition: ReportDefinition | undefined = parseReportDefinition(v, at, pool, sink, base);
    const periodicReport = parsePeriodicReport(v.periodicReport, `${at}.periodicReport`, sink, base?.periodicReport ?? null);
    if (!definition || periodicReport === undefined || typeof name !== 'string') return;
    parsed.push({ ...(base ? { from: key } : {}), report: { ...definition, name, index: '', periodicReport }, pos, rank });
  });
  if (!sink.empty) return { reports: [], problems: sink.all };
  parsed.sort((a, b) => a.rank - b.rank || a.pos - b.pos);
  return { reports: parsed.map(({ from, report }, i) => ({ ...(from !== undefined ? { from } : {}), report: { ...report, index: String(i) } })), problems: sink.all };
}
