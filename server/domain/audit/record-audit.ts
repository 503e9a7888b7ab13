import { newId } from '../../../common/ids.js';
import { actorRef } from '../../policy/actor.js';
import { toDb } from '../../storage/dialect.js';
import type { Ctx } from '../context.js';

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string | number;
  result?: 'success' | 'failure';
  /** Facts about the change. Never passwords, codes, tokens or session ids. */
  detail?: Record<string, unknown>;
}

/** Writes one audit row in the caller's transaction: it lands exactly when the change does. */
export async function recordAudit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  const actor = actorRef(ctx.actor);
  await ctx.db
    .insertInto('auditLog')
    .values({
      id: newId('aud'),
      domainId: ctx.actor.domainId,
      at: toDb.time(ctx.now),
      actorKind: actor.kind,
      actorId: actor.id,
      actorCode: actor.code,
      ip: ctx.request.ip,
      userAgent: ctx.request.userAgent?.slice(0, 512) ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId == null ? null : String(entry.targetId),
      result: entry.result ?? 'success',
      detail: toDb.json({ ...entry.detail, requestId: ctx.request.requestId ?? undefined }),
    })
    .execute();
}
