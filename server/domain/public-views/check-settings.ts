// Checking a view's settings before they are kept: the kind's schema, then every field, filter
// and sort key against the app as each person the view reads as sees it — the view's creator,
// and the manager making the change (nobody publishes what they may not read themselves).
import type { Property } from '../../../common/fields/index.js';
import {
  type ListSettings,
  type MyPageSettings,
  type PublicViewKind,
  type PublicViewSettings,
  SERVED_KINDS,
  SETTINGS_SCHEMAS,
} from '../../../common/api/public-views.js';
import { type Expr, type Query, isSortableType } from '../../../common/query/index.js';
import { type ViewFeature, type ViewPlan, planFor, viewPlanAllows } from '../../../common/licences/view-plans.js';
import type { UserActor } from '../../policy/actor.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { parseAndCheck } from '../records/query.js';
import { type RecordSchema, recordSchema } from '../records/schema.js';
import { sanitizeRichText } from '../rich-text.js';
import { validAddressOrRange } from '../security/settings.js';
import { checkIdentity } from './visitors/identity.js';
import { checkSearchForm } from './visitors/search-form.js';
import { checkKind, completeKind } from './kinds/check-kind.js';

/** Types that hold no value of their own, or show another app's records. */
const NOT_SHOWN = new Set(['GROUP', 'REFERENCE_TABLE', 'LABEL', 'SPACER', 'HR']);
/** Shown only while the app uses them (process management, categories). */
const SWITCHED = new Set(['STATUS', 'STATUS_ASSIGNEE', 'CATEGORY']);
/** Functions whose value is the signed-in user: a visitor is nobody, and its creator is not them. */
const PERSONAL_FUNCTIONS = new Set(['LOGINUSER', 'PRIMARY_ORGANIZATION']);

/** The app's live schema as `reader` sees it (its record and field permissions). */
export async function schemaAs(ctx: Ctx, appId: number, reader?: UserActor): Promise<RecordSchema> {
  return recordSchema(reader ? { ...ctx, actor: reader, guestSpaceId: undefined, kintonePath: false } : ctx, appId, 'view');
}

/** Whether the person `schema` was read for may see field `code` in every record. */
export function reads(schema: RecordSchema, code: string): boolean {
  return Object.hasOwn(schema.fields, code) && !schema.fieldLimits.unqueryable.has(code);
}

/** Whether a field can be shown to visitors at all (whoever reads it). */
export function showable(p: Property | undefined): boolean {
  if (!p || NOT_SHOWN.has(p.type)) return false;
  return !SWITCHED.has(p.type) || p.enabled === true;
}

/** Settings of `kind` from the request, normalised, and checked against each schema. */
export function checkSettings(kind: PublicViewKind, raw: unknown, schemas: RecordSchema[]): PublicViewSettings {
  if (!SERVED_KINDS.has(kind)) throw new AppError('CB_PV09', { params: { kind } });
  const parsed = SETTINGS_SCHEMAS[kind]!.safeParse(raw);
  if (!parsed.success) {
    const errors: Record<string, FieldProblem[]> = {};
    for (const issue of parsed.error.issues) (errors[`settings.${pathKey(issue.path)}`] ??= []).push({ key: 'invalid' });
    throw new AppError('CB_VA01', { errors });
  }
  // Card, calendar, graph, segment, dashboard: their own fields completed and checked (kinds/).
  const checked = checkKind(kind, checkList(completeKind(kind, parsed.data), schemas), schemas);
  // MyPage: the fields matched with the signed-in visitor (visitors/identity.ts).
  return kind === 'myPage' ? checkIdentity(checked as MyPageSettings, schemas) : checked;
}

function checkList(s: ListSettings, schemas: RecordSchema[]): ListSettings {
  const fields = [...new Set(s.fields)];
  const detailFields = s.detail.fields ? [...new Set(s.detail.fields)] : undefined;
  for (const code of [...fields, ...(detailFields ?? [])]) {
    for (const schema of schemas) {
      if (!showable(schema.fields[code] as Property | undefined) || !reads(schema, code)) throw new AppError('CB_PV04', { params: { field: code } });
    }
  }
  for (const schema of schemas) checkFilter(s.filter, schema);
  for (const key of s.sort) {
    for (const schema of schemas) {
      const p = schema.fields[key.field] as Property | undefined;
      const ok = key.field === '$id' || (p !== undefined && isSortableType(p.type) && reads(schema, key.field));
      if (!ok) throw new AppError('CB_PV12', { params: { field: key.field } });
    }
  }
  return {
    ...s,
    fields,
    detail: detailFields ? { enabled: s.detail.enabled, fields: detailFields } : { enabled: s.detail.enabled },
    filter: s.filter.trim(),
    searchForm: checkSearchForm(s.searchForm, fields, schemas),
    blocks: { above: sanitizeRichText(s.blocks.above), below: sanitizeRichText(s.blocks.below) },
  };
}

/**
 * The fixed filter parsed and checked against `schema` (fields it may not read answer as unknown:
 * GAIA_IQ11), conditions only, none personal. Null when there is none.
 */
export function checkFilter(filter: string, schema: RecordSchema): Expr | null {
  if (filter.trim() === '') return null;
  const query: Query = parseAndCheck(filter, schema);
  if (query.orderBy.length || query.limit !== null || query.offset !== null || personal(query.where)) throw new AppError('CB_PV11');
  return query.where;
}

/** `fields[2]`, `blocks.above`: where a settings problem is, as kintone keys its errors. */
function pathKey(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

function personal(expr: Expr | null): boolean {
  if (!expr) return false;
  if (expr.kind === 'and' || expr.kind === 'or') return expr.items.some(personal);
  const values = expr.kind === 'compare' ? [expr.value] : expr.kind === 'in' ? expr.values : [];
  return values.some((v) => v.kind === 'function' && PERSONAL_FUNCTIONS.has(v.name.toUpperCase()));
}

/** The IP allow-list, each entry an address or CIDR range. */
export function checkIpAllow(entries: string[]): string[] {
  const errors: Record<string, FieldProblem[]> = {};
  entries.forEach((e, i) => {
    if (!validAddressOrRange(e)) errors[`ipAllow[${i}]`] = [{ key: 'invalid' }];
  });
  if (Object.keys(errors).length) throw new AppError('CB_VA01', { errors });
  return [...new Set(entries)];
}

/**
 * Refuses settings that rely on a feature the plan lacks (CB_PV02, naming the cheapest plan
 * that has it). The basic features are checked only when publishing (CB_PV03 without a plan):
 * a view may be prepared before the plan is bought.
 */
export function checkPlan(features: readonly ViewFeature[], plan: ViewPlan | null, publishing: boolean): void {
  if (publishing && plan === null) throw new AppError('CB_PV03');
  for (const f of features) {
    if ((f === 'simpleViews' && !publishing) || viewPlanAllows(plan, f)) continue;
    throw new AppError('CB_PV02', { params: { feature: f, plan: planFor(f) } });
  }
}
