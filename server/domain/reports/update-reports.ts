// Graph settings (app/reports.json): read on a stage, replaced as a whole in preview, live with
// the rest of the app's settings at deploy (they are part of its definition, like views).
import { QueryError, checkQuery, parseQuery } from '../../../common/query/index.js';
import type { Report } from '../../../common/reports/definition.js';
import { parseReports } from '../../../common/reports/reports.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import type { AppDefinition } from '../apps/definition.js';
import { editPreview } from '../apps/load-app.js';
import { querySchemaOf } from '../records/query.js';
import { NO_LIMITS } from '../records/field-limits.js';
import type { RecordSchema } from '../records/schema.js';

export function reportsOf(def: AppDefinition): Record<string, Report> {
  return def.reports ?? {};
}

/**
 * A graph's filter is a records query without order, limit or offset, over the app's fields as
 * the query module knows them (operators, options, functions). Conditions on Related Records
 * fields are not taken: what they match depends on the other app as each viewer sees it.
 */
function filterProblem(def: AppDefinition, filterCond: string): FieldProblem | null {
  if (filterCond.trim() === '') return null;
  try {
    const query = parseQuery(filterCond);
    if (query.orderBy.length || query.limit !== null || query.offset !== null) return { key: 'invalid' };
    checkQuery(query, querySchemaOf({ fields: def.fields, def, fieldLimits: NO_LIMITS } as RecordSchema, true));
    return null;
  } catch (e) {
    if (e instanceof QueryError) return { key: 'invalid' };
    throw e;
  }
}

/** PUT preview/app/reports.json: the whole set; a report keeps its id by name, or through a rename. */
export async function updateReports(
  ctx: Ctx,
  appId: number,
  input: Record<string, unknown>,
  revision?: number,
): Promise<{ revision: number; reports: Record<string, { id: string }> }> {
  const ids: Record<string, { id: string }> = {};
  const next = await editPreview(ctx, appId, revision, { action: 'app.reports', detail: { reports: Object.keys(input) } }, (def) => {
    const existing = reportsOf(def);
    const parsed = parseReports(input, def.fields, existing);
    if (Object.keys(parsed.problems).length) throw new AppError('CB_VA01', { errors: parsed.problems });
    const problems: Record<string, FieldProblem[]> = {};
    for (const { from, report } of parsed.reports) {
      const problem = filterProblem(def, report.filterCond);
      if (problem) problems[`reports.${from ?? report.name}.filterCond`] = [problem];
    }
    if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });
    let nextId = def.nextReportId ?? 1;
    const result: Record<string, Report> = {};
    for (const { from, report } of parsed.reports) {
      const id = from !== undefined ? existing[from]!.id : String(nextId++);
      result[report.name] = { ...report, id };
      ids[report.name] = { id };
    }
    def.reports = result;
    def.nextReportId = nextId;
  });
  return { revision: next, reports: ids };
}
