// /v1/audit.json and /v1/audit.csv — the domain's audit log, for administrators.
import { z } from 'zod';
import { intParam } from './params.js';

export const AUDIT_PATH = '/v1/audit.json';
export const AUDIT_CSV_PATH = '/v1/audit.csv';
/** kintone's own ceiling for offset paging; the CSV export stops at the same count. */
export const MAX_AUDIT_OFFSET = 10_000;
export const MAX_AUDIT_EXPORT_ROWS = 10_000;

// An offset is required: a time without one means a different instant to every reader. The
// year range keeps every accepted instant storable in both databases (PostgreSQL has no year 0).
const instant = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s))
  .refine((d) => d.getUTCFullYear() >= 1970 && d.getUTCFullYear() <= 9999, 'invalid');

/** `auth.login` exactly, or every action under a prefix: `auth.*`. */
export const auditActionFilter = z
  .string()
  .max(100)
  .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*(\.\*)?$/, 'invalid');

export const auditFilterInput = z.object({
  from: instant.optional(),
  to: instant.optional(),
  actor: z.string().min(1).max(128).optional(),
  action: auditActionFilter.optional(),
  result: z.enum(['success', 'failure']).optional(),
});

export const listAuditInput = auditFilterInput.extend({
  offset: intParam(0, MAX_AUDIT_OFFSET).default(0),
  limit: intParam(1, 500).default(100),
});

export type AuditFilterInput = z.output<typeof auditFilterInput>;
export type ListAuditInput = z.output<typeof listAuditInput>;

export interface AuditEntryJson {
  id: string;
  /** ISO-8601 UTC. */
  at: string;
  actor: { kind: string; id: string | null; code: string | null };
  ip: string | null;
  userAgent: string | null;
  action: string;
  target: { type: string; id: string | null } | null;
  result: 'success' | 'failure';
  detail: Record<string, unknown>;
}

export interface ListAuditResponse {
  entries: AuditEntryJson[];
  /** A string, as kintone's totalCount is. */
  totalCount: string;
}
