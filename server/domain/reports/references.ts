// Graphs follow the form: a renamed field is renamed in them, a deleted field leaves them (its
// groups, aggregations and sorts go), and a graph left with nothing to group by when it needs
// something goes too — as views forget deleted fields (apps/references.ts calls these).
import type { Report } from '../../../common/reports/definition.js';
import type { AppDefinition } from '../apps/definition.js';

export function renameReportFields(def: AppDefinition, rename: (code: string) => string): void {
  for (const report of Object.values(def.reports ?? {})) {
    report.groups = report.groups.map((g) => ({ ...g, code: rename(g.code) }));
    report.aggregations = report.aggregations.map((a) => (a.code === undefined ? a : { ...a, code: rename(a.code) }));
  }
}

export function forgetReportFields(def: AppDefinition, live: ReadonlySet<string>): void {
  if (!def.reports) return;
  const kept: Record<string, Report> = {};
  for (const [name, report] of Object.entries(def.reports)) {
    const groups = report.groups.filter((g) => live.has(g.code));
    const aggregations = report.aggregations.filter((a) => a.code === undefined || live.has(a.code));
    const enough = report.chartType === 'PIVOT_TABLE' ? groups.length >= 2 : report.chartType === 'TABLE' || groups.length >= 1;
    if (!enough || aggregations.length === 0) continue;
    // Sorts by a group that moved up a level would now sort another group: those go.
    const sorts = groups.length === report.groups.length ? report.sorts : report.sorts.filter((s) => s.by === 'TOTAL');
    kept[name] = { ...report, groups, aggregations, sorts };
  }
  const order = Object.values(kept).sort((a, b) => Number(a.index) - Number(b.index));
  order.forEach((r, i) => (r.index = String(i)));
  def.reports = kept;
}
