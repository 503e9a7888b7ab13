// The audit log as administrators read it: one page with its total, or the export. The Scope
// decides whose rows exist at all; a scope without audit.read sees an empty log.
import type { Scope } from '../../policy/scope.js';
import { type AuditFilter, type AuditRecord, countAuditRecords, listAuditRecords } from '../../storage/audit.repo.js';
import type { Ctx } from '../context.js';
import { recordAudit } from './record-audit.js';

export interface AuditPage {
  entries: AuditRecord[];
  totalCount: number;
}

export async function listAudit(
  ctx: Ctx,
  scope: Scope<'audit'>,
  filter: AuditFilter,
  page: { offset: number; limit: number },
): Promise<AuditPage> {
  const [entries, totalCount] = await Promise.all([
    listAuditRecords(ctx.db, scope, filter, page),
    countAuditRecords(ctx.db, scope, filter),
  ]);
  return { entries, totalCount };
}

/**
 * Rows for a CSV export, newest first, at most `maxRows`. The export itself is audited (who,
 * what filter, how many rows): reading the whole log out is worth a trace of its own.
 */
export async function exportAudit(ctx: Ctx, scope: Scope<'audit'>, filter: AuditFilter, maxRows: number): Promise<AuditRecord[]> {
  const entries = await listAuditRecords(ctx.db, scope, filter, { offset: 0, limit: maxRows });
  await recordAudit(ctx, {
    action: 'audit.export',
    detail: { count: entries.length, filter: describeFilter(filter) },
  });
  return entries;
}

function describeFilter(f: AuditFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.from) out.from = f.from.toISOString();
  if (f.to) out.to = f.to.toISOString();
  if (f.actorCode !== undefined) out.actor = f.actorCode;
  if (f.action) out.action = f.action;
  if (f.result) out.result = f.result;
  return out;
}
