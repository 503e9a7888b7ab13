// A graph definition resolved against the app as the caller sees it: which fields it names,
// where each is stored (a column of the record, or a member of its JSON document), and how
// their values become categories and aggregated values. A field the caller may not read is not
// in the pool, so naming it answers exactly like naming a field that does not exist.
import type { Property } from '../../../common/fields/index.js';
import { ProblemSink } from '../../../common/fields/problems.js';
import { type ReportDefinition, parseReportDefinition } from '../../../common/reports/definition.js';
import { type AggregationType, type GroupKind, type GroupPeriod, type ValueKind, groupKindOf, reportFieldPool, valueKindOf } from '../../../common/reports/fields.js';
import { AppError } from '../app-error.js';
import type { RecordSchema } from '../records/schema.js';
import { enabledProcess } from '../process/model.js';
import type { ScanSource } from '../../storage/record-scan.repo.js';

const COLUMNS: Partial<Record<string, ScanSource>> = {
  CREATOR: { column: 'creatorId' },
  MODIFIER: { column: 'modifierId' },
  CREATED_TIME: { column: 'createdAt' },
  UPDATED_TIME: { column: 'updatedAt' },
};

export interface PlannedGroup {
  field: Property;
  kind: GroupKind;
  per?: GroupPeriod;
  /** Index into the plan's sources. */
  slot: number;
}

export interface PlannedAggregation {
  type: AggregationType;
  field?: Property;
  kind?: ValueKind;
  slot?: number;
}

export interface Plan {
  definition: ReportDefinition;
  groups: PlannedGroup[];
  aggregations: PlannedAggregation[];
  sources: ScanSource[];
}

/**
 * Checks `raw` (a saved report or an ad-hoc definition) against the fields the caller may read;
 * problems are CB_VA01 keyed under `at`. Status groups need process management on (GAIA_ST02).
 */
export function planReport(schema: RecordSchema, raw: unknown, at: string): Plan {
  const sink = new ProblemSink();
  const pool = reportFieldPool(schema.fields, schema.fieldLimits.unqueryable);
  const definition = parseReportDefinition(raw, at, pool, sink);
  if (!definition) throw new AppError('CB_VA01', { errors: sink.all });
  const sources: ScanSource[] = [];
  const slots = new Map<string, number>();
  const slotOf = (p: Property): number => {
    let slot = slots.get(p.code);
    if (slot === undefined) {
      slot = sources.push(COLUMNS[p.type] ?? { fieldId: schema.fieldIds[p.code]! }) - 1;
      slots.set(p.code, slot);
    }
    return slot;
  };
  const groups = definition.groups.map((g): PlannedGroup => {
    const field = pool.get(g.code)!;
    return { field, kind: groupKindOf(field)!, ...(g.per ? { per: g.per } : {}), slot: slotOf(field) };
  });
  if (groups.some((g) => g.field.type === 'STATUS' || g.field.type === 'STATUS_ASSIGNEE') && !enabledProcess(schema.def)) throw new AppError('GAIA_ST02');
  const aggregations = definition.aggregations.map((a): PlannedAggregation => {
    if (a.code === undefined) return { type: a.type };
    const field = pool.get(a.code)!;
    return { type: a.type, field, kind: valueKindOf(field)!, slot: slotOf(field) };
  });
  return { definition, groups, aggregations, sources };
}
