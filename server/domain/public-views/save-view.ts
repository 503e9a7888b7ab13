// Every change of a view goes through here: the next config_version (part of every cache key, so
// no cached answer of the old settings is served again), a write that fails if someone changed
// the view meanwhile, and one audit row saying what changed (never a password or token).
import { deleteVisitorSessions, replaceView } from '../../storage/public-views.repo.js';
import { AppError } from '../app-error.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import type { PublicView } from './view.js';

export async function saveView(
  ctx: Ctx,
  before: PublicView,
  next: PublicView,
  audit: { action: string; detail: Record<string, unknown>; endSessions?: boolean },
): Promise<PublicView> {
  const saved: PublicView = { ...next, configVersion: before.configVersion + 1, updatedAt: ctx.now };
  if (!(await replaceView(ctx.db, ctx.dialect, saved, before.configVersion))) throw new AppError('GAIA_CO02');
  // A new password, or none, or a new URL: whoever unlocked the old one must unlock again.
  if (audit.endSessions) await deleteVisitorSessions(ctx.db, saved.domainId, saved.id);
  const adopted = saved.creatorId !== before.creatorId ? { adoptedFrom: before.creatorId } : {};
  await recordAudit(ctx, { action: audit.action, targetType: 'publicView', targetId: saved.id, detail: { app: saved.appId, ...audit.detail, ...adopted } });
  return saved;
}
