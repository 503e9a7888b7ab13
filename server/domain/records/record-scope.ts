// Record permissions (record/acl.json) as SQL: which records the actor may view, edit or
// delete, as a predicate over `r` that every list, count, cursor, search, lookup and single
// read adds to its WHERE — so a record outside it is simply not there (probe R8).
//
// kintone's rules: conditions in order, the first whose filter a record matches decides; within
// it, entities in order, the first naming the actor decides; a matching condition naming nobody
// gives nothing; a record no condition matches follows the app rights alone. Entities are users,
// groups and departments (decided here, per request) or a field of the record — a user,
// department or group selection, the creator, the modifier, the assignees — decided per row.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { EVERYONE, type RecordAclRight } from '../../../common/api/acl.js';
import type { Property } from '../../../common/fields/index.js';
import { type Principal, namesPrincipal } from '../../policy/principal.js';
import type { DialectKind } from '../../storage/dialect.js';
import { jsonSql } from '../../storage/json-sql.js';
import type { Ctx } from '../context.js';
import { loadPrincipal } from '../directory/cache.js';
import type { CompileContext, CompiledQuery } from '../../records/query-sql.js';
import { recordColumns, type StoredRecord, toStoredRecord } from '../../storage/records.repo.js';
import { MAX_ID } from '../../../common/api/params.js';
import type { Query } from '../../../common/query/index.js';
import { compile } from './compile.js';
import { parseAndCheck } from './query.js';
import type { RecordSchema } from './schema.js';

export type RecordRight = 'view' | 'edit' | 'delete';
type Bool = RawBuilder<SqlBool>;

const TRUE: Bool = sql<SqlBool>`(1 = 1)`;
const FALSE: Bool = sql<SqlBool>`(1 = 0)`;
const FLAG = { view: 'viewable', edit: 'editable', delete: 'deletable' } as const;

export interface RecordScope {
  /** The predicate for records the actor may `right`; null when every record qualifies. */
  where(right: RecordRight): Bool | null;
}

const UNRESTRICTED: RecordScope = { where: () => null };
const NOTHING: RecordScope = { where: () => FALSE };

/** Per request: the conditions compile once and serve every right. */
export async function recordScope(ctx: Ctx, schema: RecordSchema): Promise<RecordScope> {
  const rights = schema.def.recordAcl ?? [];
  const actor = ctx.actor;
  // API tokens carry their own rights instead of the app's and records' (kintone's rule).
  if (rights.length === 0 || actor.kind === 'system' || actor.kind === 'apiToken') return UNRESTRICTED;
  if (actor.kind !== 'user' && actor.kind !== 'guest') return NOTHING;
  const principal = await loadPrincipal(ctx, schema.directoryVersion, actor.userId);
  if (!principal) return NOTHING;
  return scopeOf({
    dialect: ctx.dialect,
    principal,
    rights,
    condition: async (filterCond) => (await compile(ctx, schema, parseAndCheck(filterCond, schema, { unrestricted: true }))).where ?? TRUE,
    field: (code) => {
      const p = schema.fields[code] as Property | undefined;
      const fieldId = schema.fieldIds[code];
      return p && fieldId !== undefined ? { type: p.type, fieldId } : undefined;
    },
  });
}

/** What the scope is built from; apart from the app schema so tests can feed it directly. */
export interface ScopeInputs {
  dialect: DialectKind;
  principal: Principal;
  rights: readonly RecordAclRight[];
  /** A condition's filter as SQL over `r` (only called for non-empty filters). */
  condition(filterCond: string): Promise<Bool>;
  /** Type and internal id of a field of the record. */
  field(code: string): { type: string; fieldId: string } | undefined;
}

export async function scopeOf(inputs: ScopeInputs): Promise<RecordScope> {
  const conditions = await Promise.all(
    inputs.rights.map(async (r) => ({ right: r, where: r.filterCond.trim() === '' ? TRUE : await inputs.condition(r.filterCond) })),
  );
  const cache = new Map<RecordRight, Bool | null>();
  return {
    where(right) {
      if (!cache.has(right)) cache.set(right, scopeSql(inputs, conditions, right));
      return cache.get(right)!;
    },
  };
}

function scopeSql(inputs: ScopeInputs, conditions: Array<{ right: RecordAclRight; where: Bool }>, right: RecordRight): Bool | null {
  const branches: Array<{ when: Bool; then: Bool }> = [];
  for (const c of conditions) {
    branches.push({ when: c.where, then: grantSql(inputs, c.right, right) });
    if (c.where === TRUE) break; // an empty filter matches every record: nothing below is reached
  }
  const open = branches.at(-1)?.when !== TRUE;
  const cases = branches.map((b) => sql`WHEN ${b.when} THEN ${b.then}`);
  return sql<SqlBool>`(CASE ${sql.join(cases, sql` `)} ELSE ${open ? TRUE : FALSE} END)`;
}

/** Within one condition: the first entity naming the actor decides; none → no right. */
function grantSql(inputs: ScopeInputs, cond: RecordAclRight, right: RecordRight): Bool {
  const cases: RawBuilder<unknown>[] = [];
  for (const e of cond.entities) {
    const granted = e[FLAG[right]] ? TRUE : FALSE;
    if (e.entity.type === 'FIELD_ENTITY') {
      cases.push(sql`WHEN ${fieldNames(inputs, e.entity.code, e.includeSubs)} THEN ${granted}`);
      continue;
    }
    if (namesPrincipal(inputs.principal, e.entity as { type: 'USER' | 'GROUP' | 'ORGANIZATION'; code: string }, e.includeSubs, EVERYONE)) {
      cases.push(sql`WHEN ${TRUE} THEN ${granted}`);
      break;
    }
  }
  if (cases.length === 0) return FALSE;
  return sql<SqlBool>`(CASE ${sql.join(cases, sql` `)} ELSE ${FALSE} END)`;
}

/** Whether the record's field `code` names the actor. */
function fieldNames(inputs: ScopeInputs, code: string, includeSubs: boolean): Bool {
  const p = inputs.principal;
  const field = inputs.field(code);
  if (!field) return FALSE;
  if (field.type === 'CREATOR') return sql<SqlBool>`(${sql.ref('r.creatorId')} = ${p.userId})`;
  if (field.type === 'MODIFIER') return sql<SqlBool>`(${sql.ref('r.modifierId')} = ${p.userId})`;
  const keys =
    field.type === 'USER_SELECT' || field.type === 'STATUS_ASSIGNEE'
      ? [p.code]
      : field.type === 'ORGANIZATION_SELECT'
        ? [...(includeSubs ? p.orgsAndAbove : p.orgs)]
        : field.type === 'GROUP_SELECT'
          ? [...p.groups]
          : [];
  if (keys.length === 0 || !field.fieldId) return FALSE;
  const j = jsonSql(inputs.dialect);
  const from = j.elements(sql.ref('r.data'), field.fieldId, 'e0');
  return sql<SqlBool>`EXISTS (SELECT 1 FROM ${from} WHERE lower(${j.member('e0', 'code')}) IN (${sql.join(keys)}))`;
}

/** A user's query with the records they may `right` (view, for reads) as a further condition. */
export async function compileScoped(
  ctx: Ctx,
  schema: RecordSchema,
  query: Query,
  right: RecordRight = 'view',
  related?: CompileContext['relatedCondition'],
): Promise<CompiledQuery> {
  const compiled = await compile(ctx, schema, query, related);
  const scope = (await recordScope(ctx, schema)).where(right);
  if (!scope) return compiled;
  return { ...compiled, where: compiled.where ? sql<SqlBool>`(${compiled.where} AND ${scope})` : scope };
}

/**
 * Records by id as the actor may see them: those outside the view scope are simply missing.
 * With `also`, each found record says whether it is inside that right's scope too.
 */
export async function findVisibleRecords(
  ctx: Ctx,
  schema: RecordSchema,
  requested: number[],
  also?: 'edit' | 'delete',
): Promise<Map<number, StoredRecord & { allowed: boolean }>> {
  const ids = requested.filter((id) => id <= MAX_ID);
  if (ids.length === 0) return new Map();
  const scope = await recordScope(ctx, schema);
  const view = scope.where('view');
  const right = also ? scope.where(also) : null;
  const rows = await ctx.db
    .selectFrom('records as r')
    .select(recordColumns(ctx.dialect))
    .select(right ? sql<number>`CASE WHEN ${right} THEN 1 ELSE 0 END`.as('allowed') : sql<number>`1`.as('allowed'))
    .where('r.domainId', '=', schema.app.domainId)
    .where('r.appId', '=', schema.app.id)
    .where('r.id', 'in', ids)
    .$if(view !== null, (q) => q.where(view!))
    .execute();
  return new Map(rows.map((row) => [Number(row.id), { ...toStoredRecord(row), allowed: Number(row.allowed) === 1 }]));
}
