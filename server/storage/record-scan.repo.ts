// Reading every record of a query in batches, for aggregations (graphs): keyset pages by id, so
// each batch is one short indexed statement and no more than one batch is ever in memory, and
// only the values asked for — a column, or one member of the JSON document — leave the database.
// The pages are separate statements, not one snapshot: a record written meanwhile is read at
// one version or the other, never twice (ids only grow within a scan).
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Queryable } from './db.js';
import type { DialectKind } from './dialect.js';
import { jsonSql } from './json-sql.js';

/** Where a value is read from: one of the record's columns, or its document by internal field id. */
export type ScanSource = { column: 'creatorId' | 'modifierId' | 'createdAt' | 'updatedAt' } | { fieldId: string };

export interface ScanSpec {
  domainId: string;
  appId: number;
  /** Over `records as r`: the caller's query and record permissions. */
  where: RawBuilder<SqlBool> | null;
  sources: readonly ScanSource[];
  batchSize?: number;
}

/**
 * Batches of `[id, value of sources[0], value of sources[1], …]`. Document members come as text
 * (arrays as JSON text), NULL when absent; columns as the driver gives them.
 */
export async function* scanRecords(db: Queryable, dialect: DialectKind, spec: ScanSpec): AsyncGenerator<unknown[][]> {
  const size = spec.batchSize ?? 2000;
  const j = jsonSql(dialect);
  const values = spec.sources.map((s, i) =>
    ('column' in s ? sql`${sql.ref(`r.${s.column}`)}` : j.text(sql.ref('r.data'), s.fieldId)).as(`v${i}`),
  );
  let after = 0;
  for (;;) {
    const rows = (await db
      .selectFrom('records as r')
      .select('r.id')
      .select(values)
      .where('r.domainId', '=', spec.domainId)
      .where('r.appId', '=', spec.appId)
      .where('r.id', '>', after)
      .$if(spec.where !== null, (q) => q.where(spec.where!))
      .orderBy('r.id')
      .limit(size)
      .execute()) as Array<Record<string, unknown>>;
    if (rows.length === 0) return;
    yield rows.map((r) => [Number(r.id), ...spec.sources.map((_, i) => r[`v${i}`])]);
    if (rows.length < size) return;
    after = Number(rows[rows.length - 1]!.id);
  }
}
