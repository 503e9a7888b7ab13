// How a visitor's request reads records: as the view's creator (policy/public-views.ts readerOf),
// through the same schema, record scope and field permissions as any of the creator's own reads,
// narrowed to the view — its fixed filter ANDed into the query's tree (never into its text: P3),
// its chosen fields only, its sort only. Whatever the creator can no longer read drops out of
// the view at the next request; a fixed filter that can no longer be evaluated as the creator
// closes the view ("not found") rather than being dropped, which would widen it.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Expr, Query, SortKey } from '../../../common/query/index.js';
import { QueryError, checkQuery } from '../../../common/query/index.js';
import { type VisitorAction, readerOf, visitorFields } from '../../policy/public-views.js';
import type { PublicViewerActor } from '../../policy/actor.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import type { CompiledQuery } from '../../records/query-sql.js';
import { compileScoped } from '../records/record-scope.js';
import { querySchemaOf } from '../records/query.js';
import type { RecordSchema } from '../records/schema.js';
import { checkFilter, reads, schemaAs, showable } from './check-settings.js';
import { type OpenView, notFound } from './open-view.js';
import { identityCondition, identityOf } from './visitors/identity.js';
import type { MyPageSettings } from '../../../common/api/public-views.js';

/** Types a visitor's free text searches (the text fields the `like` index keeps). */
const SEARCHED = new Set(['SINGLE_LINE_TEXT', 'LINK', 'MULTI_LINE_TEXT', 'RICH_TEXT']);
const BY_ID_DESC: SortKey = { field: { code: '$id', pos: 0 }, direction: 'desc' };

export interface Reader {
  /** The visitor's request, reading as the view's creator. */
  ctx: Ctx;
  /** The app as the creator sees it now. */
  schema: RecordSchema;
  open: OpenView;
  /** The fields the visitor gets for `action`, in the view's order. */
  fields(action: VisitorAction): string[];
  /** The records a query may compile to: the fixed filter, `extra` ANDed to it, the view's sort. */
  compile(extra: Expr | null): Promise<CompiledQuery>;
  /** The list fields free text searches. */
  searchable: string[];
}

export async function readerFor(visitorCtx: Ctx, open: OpenView): Promise<Reader> {
  const visitor = visitorCtx.actor as PublicViewerActor;
  const creator = readerOf(visitor, open.facts);
  if (!creator) throw notFound();
  const ctx: Ctx = { ...visitorCtx, actor: creator };
  let schema: RecordSchema;
  let filter: Expr | null;
  try {
    schema = await schemaAs(ctx, open.view.appId);
    filter = checkFilter(open.view.settings.filter, schema);
  } catch (err) {
    // The app is gone, the creator may no longer read it, or the filter names what they cannot.
    if (err instanceof AppError) throw notFound();
    throw err;
  }
  // MyPage: only the signed-in visitor's own records, matched in the tree and, for "starts
  // with", by one bound SQL predicate ANDed to every compiled read (visitors/identity.ts).
  let identityWhere: RawBuilder<SqlBool> | null = null;
  if (open.view.kind === 'myPage') {
    const who = identityOf(visitor);
    if (!who) throw new AppError('CB_PV30');
    const matched = identityCondition((open.view.settings as MyPageSettings).match, who, schema, ctx.dialect, open.timeZone);
    filter = and(filter, matched.expr);
    identityWhere = matched.where;
  }
  const creatorReads = (code: string) => reads(schema, code) && showable(schema.fields[code]);
  const orderBy: SortKey[] = open.view.settings.sort
    .filter((k) => k.field === '$id' || reads(schema, k.field))
    .map((k) => ({ field: { code: k.field, pos: 0 }, direction: k.order }));
  // Ties broken by id, so that pages neither repeat nor skip records.
  if (!orderBy.some((k) => k.field.code === '$id')) orderBy.push(BY_ID_DESC);
  const listFields = visitorFields(visitor, 'publicView.list', open.facts, creatorReads);
  return {
    ctx,
    schema,
    open,
    fields: (action) => visitorFields(visitor, action, open.facts, creatorReads),
    searchable: open.view.settings.search ? listFields.filter((c) => SEARCHED.has(schema.fields[c]!.type)) : [],
    async compile(extra) {
      const query: Query = { where: and(filter, extra), orderBy, limit: null, offset: null };
      // Nothing the compiler could say about the query (its fields, its filter) reaches a visitor.
      try {
        checkQuery(query, querySchemaOf(schema));
        const compiled = await compileScoped(ctx, schema, query);
        if (!identityWhere) return compiled;
        return { ...compiled, where: compiled.where ? sql<SqlBool>`(${compiled.where} AND ${identityWhere})` : identityWhere };
      } catch (err) {
        if (err instanceof AppError || err instanceof QueryError) throw notFound();
        throw err;
      }
    },
  };
}

/** `a AND b` as a tree; `and` nodes never hold `and` nodes directly (query/ast.ts). */
export function and(a: Expr | null, b: Expr | null): Expr | null {
  if (!a || !b) return a ?? b;
  const items = (e: Expr) => (e.kind === 'and' ? e.items : [e]);
  return { kind: 'and', items: [...items(a), ...items(b)] };
}
