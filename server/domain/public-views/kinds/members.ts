// A dashboard's member views. When saved: each is a view of this domain that the manager making
// the change may manage (the rule of managed-view.ts — a view of an app they do not manage
// answers like one that does not exist), of a kind a dashboard holds, never the dashboard
// itself. When visited: each member must pass, on every request, what its own visitor would —
// published, servable under the plan, an active creator, its IP allow-list — and a member that
// needs more than the dashboard's visitor has shown (its own password or e-mail sign-in) is
// unavailable, like one unpublished or deleted: the dashboard never shows its data.
import { type DashboardSettings, MEMBER_KINDS } from '../../../../common/api/public-view-kinds.js';
import type { PublicViewKind, PublicViewSettings } from '../../../../common/api/public-views.js';
import { type VisitorAction, canVisit, visitorOf } from '../../../policy/public-views.js';
import { findVisitedView } from '../../../storage/public-views.repo.js';
import { AppError } from '../../app-error.js';
import type { Ctx } from '../../context.js';
import { managedView } from '../managed-view.js';
import { type OpenView, factsOf, parsedView } from '../open-view.js';
import { addressAllowed } from '../../security/restrictions.js';

/** Refuses a dashboard whose members the manager (ctx.actor) could not put there. */
export async function checkMembers(ctx: Ctx, kind: PublicViewKind, settings: PublicViewSettings, selfId?: string): Promise<void> {
  if (kind !== 'dashboard') return;
  const items = (settings as DashboardSettings).dashboard.items;
  for (const [i, item] of items.entries()) {
    if (item.type !== 'view') continue;
    const refuse = (key: 'notFound' | 'invalid') => AppError.invalid({ [`settings.dashboard.items[${i}].view`]: key });
    if (item.view === selfId) throw refuse('invalid');
    let member;
    try {
      member = (await managedView(ctx, item.view)).view;
    } catch (err) {
      if (err instanceof AppError) throw refuse('notFound');
      throw err;
    }
    if (!MEMBER_KINDS.has(member.kind)) throw refuse('invalid');
  }
}

/**
 * Member `index` of the dashboard `open`, as its own visitor may open it from `ip`; null when it
 * is not (any more) a view the dashboard may show. Its links go through the dashboard's path.
 */
export async function openMember(ctx: Ctx, open: OpenView, index: number, ip: string | null, action: VisitorAction = 'publicView.list'): Promise<OpenView | null> {
  const item = (open.view.settings as DashboardSettings).dashboard.items[index];
  if (open.view.kind !== 'dashboard' || item?.type !== 'view' || item.view === open.view.id) return null;
  // Read as its own visitor's request reads it: with its creator and its app, in one statement.
  const found = await findVisitedView(ctx.db, open.view.domainId, item.view);
  const view = found ? parsedView(ctx, found.view) : null;
  if (!found || !view || !MEMBER_KINDS.has(view.kind)) return null;
  if (view.passwordHash !== null || view.emailAuth != null) return null;
  if (view.ipAllow.length > 0 && !addressAllowed(ip ?? undefined, view.ipAllow)) return null;
  const facts = factsOf(view, found.creator, open.plan);
  if (!canVisit(visitorOf(view), action, facts)) return null;
  const timeZone = found.creator?.timeZone;
  const member: OpenView = { view, facts, plan: open.plan, token: `${open.token}/members/${index}`, app: found.app, ...(timeZone ? { timeZone } : {}) };
  if (!open.preview) return member;
  // A preview's member never signs with its own key: its links open for the manager's session
  // (preview-files.ts) or for nobody.
  const signed = open.previewSigner?.(view);
  return {
    ...member,
    preview: true,
    view: { ...view, signingKey: signed?.signingKey ?? open.view.signingKey },
    ...(signed ? { previewFilesAt: signed.previewFilesAt, previewSigner: open.previewSigner! } : {}),
  };
}
