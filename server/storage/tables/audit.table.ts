import type { DbJson, DbTime } from '../dialect.js';

export interface AuditLogTable {
  id: string;
  domainId: string;
  at: DbTime;
  actorKind: string;
  actorId: string | null;
  actorCode: string | null;
  ip: string | null;
  userAgent: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  result: 'success' | 'failure';
  detail: DbJson;
}
