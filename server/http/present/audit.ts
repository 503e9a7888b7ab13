import type { AuditEntryJson } from '../../../common/api/audit.js';
import { csvText } from '../../../common/csv.js';
import type { AuditRecord } from '../../storage/audit.repo.js';

export function presentAuditEntry(r: AuditRecord): AuditEntryJson {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor,
    ip: r.ip,
    userAgent: r.userAgent,
    action: r.action,
    target: r.target,
    result: r.result,
    detail: r.detail,
  };
}

const COLUMNS = [
  'id',
  'at',
  'actorKind',
  'actorId',
  'actorCode',
  'ip',
  'userAgent',
  'action',
  'targetType',
  'targetId',
  'result',
  'detail',
] as const;

/** The export as Excel in Japan opens it (common/csv.ts). */
export function auditCsv(records: AuditRecord[]): string {
  return csvText([
    COLUMNS,
    ...records.map((r) => [
      r.id,
      r.at.toISOString(),
      r.actor.kind,
      r.actor.id,
      r.actor.code,
      r.ip,
      r.userAgent,
      r.action,
      r.target?.type ?? null,
      r.target?.id ?? null,
      r.result,
      JSON.stringify(r.detail),
    ]),
  ]);
}
