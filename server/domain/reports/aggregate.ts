// The aggregation engine of graphs: a report (saved, or ad hoc from the graph builder, or a
// public view's graph) over the records the caller may read, in the caller's time zone.
//
// Who sees what is the records API's rule, applied the same way: the caller's record
// permissions are part of the SQL condition (records/record-scope.ts), so a record they cannot
// read never reaches the tally; a field they cannot read is not in the pool the definition is
// checked against (plan.ts), so grouping or aggregating by it answers as if it did not exist.
//
// Cost: records keep their values in a JSON document, so grouping happens here rather than in
// SQL (a checkbox falls in several categories, dates fall in periods in the caller's zone, sums
// are exact decimals). The records are read in keyset pages of 2,000 (storage/record-scan.repo.ts),
// only the members the report names, so memory holds one page plus one bucket per category
// met; time grows with the number of matching records (docs/performance.md, "Graphs").
import type { RawBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { ReportDataJson } from '../../../common/api/reports.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { compile } from '../records/compile.js';
import { compileScoped } from '../records/record-scope.js';
import { checkedQuery } from '../records/related-query.js';
import { type RecordSchema, recordSchema } from '../records/schema.js';
import { writerOf } from '../records/writer.js';
import { scanRecords } from '../../storage/record-scan.repo.js';
import { ROUNDING } from './buckets.js';
import { levelViews } from './levels.js';
import { ZoneClock } from './periods.js';
import { planReport } from './plan.js';
import { shapeReport } from './shape.js';
import { Tally } from './tally.js';
import { type Sample, groupReader, sampleReader } from './values.js';

export interface AggregateOptions {
  /** A further condition in the query language, on top of the report's (never widening it). */
  filter?: string;
  /** Where problems with the definition are reported: `report` (a saved one) or `definition`. */
  at: string;
}

/** A condition without order, limit or offset, checked as the caller's query (their fields). */
async function condition(ctx: Ctx, schema: RecordSchema, text: string, key: string) {
  const checked = await checkedQuery(ctx, text, schema);
  const q = checked.query;
  if (q.orderBy.length || q.limit !== null || q.offset !== null) throw AppError.invalid({ [key]: 'invalid' });
  return checked;
}

/** The report's filter and the extra one, within the records the caller may view. */
async function whereOf(ctx: Ctx, schema: RecordSchema, filterCond: string, options: AggregateOptions): Promise<RawBuilder<SqlBool> | null> {
  const main = await condition(ctx, schema, filterCond, `${options.at}.filterCond`);
  const parts = [(await compileScoped(ctx, schema, main.query, 'view', main.related)).where];
  if (options.filter) {
    const extra = await condition(ctx, schema, options.filter, 'filter');
    parts.push((await compile(ctx, schema, extra.query, extra.related)).where);
  }
  const present = parts.filter((p): p is RawBuilder<SqlBool> => p !== null);
  return present.length === 0 ? null : sql<SqlBool>`(${sql.join(present, sql` AND `)})`;
}

export async function aggregateReport(ctx: Ctx, schema: RecordSchema, raw: unknown, options: AggregateOptions): Promise<ReportDataJson> {
  const plan = planReport(schema, raw, options.at);
  const where = await whereOf(ctx, schema, plan.definition.filterCond, options);
  const clock = new ZoneClock((await writerOf(ctx)).timeZone);
  const firstMonth = Number(schema.def.settings.firstMonthOfFiscalYear) || 1;
  const readers = plan.groups.map((g) => groupReader(g, clock, firstMonth));
  const samplers = plan.aggregations.map((a) => (a.kind ? sampleReader(a.kind) : null));
  const tally = new Tally(
    plan.aggregations.map((a) => a.type),
    plan.groups.length,
  );
  const scan = scanRecords(ctx.db, ctx.dialect, { domainId: schema.app.domainId, appId: schema.app.id, where, sources: plan.sources });
  for await (const batch of scan) {
    for (const row of batch) {
      const keys = plan.groups.map((g, i) => readers[i]!(row[g.slot + 1]));
      // A record whose group value is empty is in no category, and so in no total (kintone).
      if (keys.some((k) => k.length === 0)) continue;
      const samples: Array<Sample | null> = plan.aggregations.map((a, i) => (a.slot === undefined ? null : samplers[i]!(row[a.slot + 1])));
      tally.add(keys, samples);
    }
  }
  const { decimalPlaces, roundingMode } = schema.def.settings.numberPrecision;
  return shapeReport({
    definition: plan.definition,
    levels: await levelViews(ctx, schema.def, schema.directoryVersion, plan.groups, tally),
    aggregations: plan.aggregations.map((a) => ({ type: a.type, ...(a.field ? { field: a.field } : {}), valueType: a.type === 'COUNT' ? 'count' : a.kind! })),
    tally,
    precision: { decimalPlaces: Number(decimalPlaces), rounding: ROUNDING[roundingMode] ?? ROUNDING.HALF_EVEN! },
  });
}

/** A saved report of the live app, by id, over the records the caller may view. */
export async function savedReportData(ctx: Ctx, appId: number, reportId: string, filter?: string): Promise<ReportDataJson> {
  const schema = await recordSchema(ctx, appId, 'view');
  const report = Object.values(schema.def.reports ?? {}).find((r) => r.id === reportId);
  if (!report) throw AppError.invalid({ report: 'notFound' });
  return aggregateReport(ctx, schema, report, { filter, at: 'report' });
}

/** An unsaved definition (the graph builder) over the live app's records the caller may view. */
export async function adHocReportData(ctx: Ctx, appId: number, definition: Record<string, unknown>, filter?: string): Promise<ReportDataJson> {
  const schema = await recordSchema(ctx, appId, 'view');
  return aggregateReport(ctx, schema, definition, { filter, at: 'definition' });
}
