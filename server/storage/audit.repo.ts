// Reads of the audit log. Rows are only ever appended (record-audit.ts); nothing here writes.
// Every read takes a Scope, so no caller can list another domain's rows or list without
// audit.read.
import type { Selectable } from 'kysely';
import type { Scope } from '../policy/scope.js';
import type { Queryable } from './db.js';
import { fromDb, lower, toDb } from './dialect.js';
import type { AuditLogTable } from './tables/audit.table.js';

export interface AuditRecord {
  id: string;
  at: Date;
  actor: { kind: string; id: string | null; code: string | null };
  ip: string | null;
  userAgent: string | null;
  action: string;
  target: { type: string; id: string | null } | null;
  result: 'success' | 'failure';
  detail: Record<string, unknown>;
}

export interface AuditFilter {
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  actorCode?: string;
  /** An exact action, or `prefix.*`. */
  action?: string;
  result?: 'success' | 'failure';
}

function toRecord(row: Selectable<AuditLogTable>): AuditRecord {
  return {
    id: row.id,
    at: fromDb.time(row.at),
    actor: { kind: row.actorKind, id: row.actorId, code: row.actorCode },
    ip: row.ip,
    userAgent: row.userAgent,
    action: row.action,
    target: row.targetType == null ? null : { type: row.targetType, id: row.targetId },
    result: row.result,
    detail: fromDb.json<Record<string, unknown>>(row.detail, {}),
  };
}

function filtered(db: Queryable, scope: Scope<'audit'>, f: AuditFilter) {
  let q = db.selectFrom('auditLog').where('domainId', '=', scope.domainId);
  // ISO text in SQLite compares as time because toDb.time always writes the same UTC form.
  if (f.from) q = q.where('at', '>=', toDb.time(f.from));
  if (f.to) q = q.where('at', '<', toDb.time(f.to));
  if (f.actorCode !== undefined) {
    // Login names are case-insensitive; rows keep the code as it was spelled at the time.
    const code = f.actorCode;
    q = q.where((eb) => eb(lower(eb.ref('actorCode').$castTo<string>()), '=', lower(eb.val(code))));
  }
  if (f.result) q = q.where('result', '=', f.result);
  if (f.action?.endsWith('.*')) {
    // substr rather than LIKE: `_` in an action name is not a wildcard, and PostgreSQL's LIKE
    // and SQLite's differ on case.
    const prefix = f.action.slice(0, -1);
    q = q.where((eb) => eb(eb.fn<string>('substr', [eb.ref('action'), eb.lit(1), eb.val(prefix.length)]), '=', prefix));
  } else if (f.action) {
    q = q.where('action', '=', f.action);
  }
  return q;
}

/** Newest first; ties (one transaction writes several rows at one instant) broken by id. */
export async function listAuditRecords(
  db: Queryable,
  scope: Scope<'audit'>,
  filter: AuditFilter,
  page: { offset: number; limit: number },
): Promise<AuditRecord[]> {
  if (!scope.all) return [];
  const rows = await filtered(db, scope, filter)
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return rows.map(toRecord);
}

export async function countAuditRecords(db: Queryable, scope: Scope<'audit'>, filter: AuditFilter): Promise<number> {
  if (!scope.all) return 0;
  const row = await filtered(db, scope, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return fromDb.count(row.n);
}
