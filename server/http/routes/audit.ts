import {
  AUDIT_CSV_PATH,
  AUDIT_PATH,
  type AuditFilterInput,
  type ListAuditResponse,
  MAX_AUDIT_EXPORT_ROWS,
  auditFilterInput,
  listAuditInput,
} from '../../../common/api/audit.js';
import { exportAudit, listAudit } from '../../domain/audit/list-audit.js';
import { scope } from '../../policy/scope.js';
import type { AuditFilter } from '../../storage/audit.repo.js';
import { auditCsv, presentAuditEntry } from '../present/audit.js';
import { defineRoute } from '../route.js';

function toFilter(input: AuditFilterInput): AuditFilter {
  return { from: input.from, to: input.to, actorCode: input.actor, action: input.action, result: input.result };
}

export const auditRoutes = [
  defineRoute({
    method: 'GET',
    url: AUDIT_PATH,
    access: 'audit.read',
    input: listAuditInput,
    handler: async ({ input, actor, read }): Promise<ListAuditResponse> => {
      const page = await listAudit(read(), scope(actor, 'audit'), toFilter(input), input);
      return { entries: page.entries.map(presentAuditEntry), totalCount: String(page.totalCount) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: AUDIT_CSV_PATH,
    access: 'audit.read',
    input: auditFilterInput,
    handler: async ({ input, actor, reply, services, command }) => {
      const records = await command((ctx) => exportAudit(ctx, scope(actor, 'audit'), toFilter(input), MAX_AUDIT_EXPORT_ROWS));
      const day = services.clock().toISOString().slice(0, 10).replace(/-/g, '');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${day}.csv"`)
        .send(auditCsv(records));
    },
  }),
];
