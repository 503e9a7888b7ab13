// POST /public/{token}/unlock.json: a visitor gives a view's password. Right: a session for this
// view alone (its cookie's secret kept as a hash, so the table holds nothing usable); the HTTP
// layer sets the cookie under the view's own path. Attempts are throttled per view and per real
// peer address before the password is even checked (P12), and audited.
import { newSecret } from '../../../common/ids.js';
import { deleteVisitorSessions, insertVisitorSession } from '../../storage/public-views.repo.js';
import { AppError } from '../app-error.js';
import { verifyPassword } from '../auth/passwords.js';
import { sha256 } from '../auth/secrets.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import type { PublicView } from './view.js';

/** How long an unlocked visitor stays unlocked. */
export const VISITOR_SESSION_MS = 12 * 3_600_000;

export interface UnlockThrottle {
  /** Whether another attempt may be made now; otherwise, in how long. */
  allowed(): Promise<{ allowed: boolean; retryAfterMs: number }>;
  /** Counts a failed attempt. */
  failed(): Promise<void>;
}

export type UnlockResult = { kind: 'open' } | { kind: 'wrong' } | { kind: 'unlocked'; secret: string; expiresAt: Date };

/**
 * The session secret for the cookie; `open` when the view has no password (nothing to unlock);
 * `wrong` after the failure is counted and audited — returned, not thrown, so that the caller's
 * transaction keeps the audit row and only then answers CB_PV08.
 */
export async function unlockView(ctx: Ctx, view: PublicView, password: string, throttle: UnlockThrottle): Promise<UnlockResult> {
  if (view.passwordHash === null) return { kind: 'open' };
  const budget = await throttle.allowed();
  if (!budget.allowed) throw new AppError('CB_PV13', { headers: { 'retry-after': String(Math.max(1, Math.ceil(budget.retryAfterMs / 1000))) } });
  if (!(await verifyPassword(view.passwordHash, password))) {
    await throttle.failed();
    await recordAudit(ctx, { action: 'publicView.unlock', targetType: 'publicView', targetId: view.id, result: 'failure' });
    return { kind: 'wrong' };
  }
  const secret = newSecret();
  const expiresAt = new Date(ctx.now.getTime() + VISITOR_SESSION_MS);
  await deleteVisitorSessions(ctx.db, view.domainId, view.id, ctx.now);
  await insertVisitorSession(ctx.db, { idHash: sha256(secret), domainId: view.domainId, viewId: view.id, createdAt: ctx.now, expiresAt });
  await recordAudit(ctx, { action: 'publicView.unlock', targetType: 'publicView', targetId: view.id });
  return { kind: 'unlocked', secret, expiresAt };
}
