import type { AuditEntryJson } from '../../../common/api/audit.js';
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

// Spreadsheet programs run a cell that starts with one of these as a formula (probe X8); the
// full-width forms count because Japanese Excel folds them to the ASCII ones.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** One RFC 4180 field, defused against formula injection. */
export function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
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

/**
 * The export as Excel in Japan opens it: a UTF-8 BOM (without it Excel guesses Shift_JIS and
 * garbles every name), CRLF line ends, every value a quoted-if-needed text cell.
 */
export function auditCsv(records: AuditRecord[]): string {
  const lines = [COLUMNS.join(',')];
  for (const r of records) {
    const cells = [
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
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
