// A view's registered visitors, managed by its app's managers (managedView: app.manage): list,
// add or replace, remove. Every change runs in one transaction that ends by checking the plan's
// limit over the whole domain (VIEW_PLAN_FEATURES.maxVisitors), so a change beyond it leaves
// nothing behind (CB_PV36); a plan without visitorManagement refuses it (CB_PV02).
import { MAX_ATTRIBUTES, type RegisteredVisitorJson, type VisitorInput, type VisitorsPageJson } from '../../../../common/api/public-visitors.js';
import { VIEW_PLAN_FEATURES, planFor, viewPlanAllows } from '../../../../common/licences/view-plans.js';
import { type RegisteredVisitor, countVisitors, deleteEmailSessions, deleteVisitors, listVisitors, putVisitor } from '../../../storage/public-view-visitors.repo.js';
import { AppError, type FieldProblem } from '../../app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Ctx } from '../../context.js';
import { editorOf, managedView } from '../managed-view.js';
import { type PublicView, viewPlanOf } from '../view.js';
import { normalizeEmail } from './email.js';

export function presentVisitor(v: RegisteredVisitor): RegisteredVisitorJson {
  return { email: v.email, name: v.name, attributes: v.attributes, source: v.source, updatedAt: v.updatedAt.toISOString() };
}

/** The view, for a manager of its app, on a plan that has registered visitors; and that plan's limit. */
export async function visitorsView(ctx: Ctx, id: string): Promise<{ view: PublicView; limit: number }> {
  editorOf(ctx);
  const { view } = await managedView(ctx, id);
  const plan = await viewPlanOf(ctx.db, ctx.actor.domainId);
  if (!viewPlanAllows(plan, 'visitorManagement')) throw new AppError('CB_PV02', { params: { feature: 'visitorManagement', plan: planFor('visitorManagement') } });
  return { view, limit: VIEW_PLAN_FEATURES[plan!].maxVisitors };
}

export async function listRegisteredVisitors(ctx: Ctx, input: { id: string; offset: number; limit: number }): Promise<VisitorsPageJson> {
  const { view, limit } = await visitorsView(ctx, input.id);
  const rows = await listVisitors(ctx.db, view.domainId, view.id, { offset: input.offset, limit: input.limit });
  return {
    visitors: rows.map(presentVisitor),
    totalCount: await countVisitors(ctx.db, view.domainId, view.id),
    domainCount: await countVisitors(ctx.db, view.domainId),
    limit,
  };
}

/** Normalised visitors, or CB_VA01 naming every bad one under `prefix[i]`. */
export function checkVisitors(input: VisitorInput[], prefix: string): VisitorInput[] {
  const errors: Record<string, FieldProblem[]> = {};
  const seen = new Set<string>();
  const out = input.map((v, i) => {
    const email = normalizeEmail(v.email);
    if (!email) errors[`${prefix}[${i}].email`] = [{ key: 'email' }];
    else if (seen.has(email)) errors[`${prefix}[${i}].email`] = [{ key: 'duplicate' }];
    if (Object.keys(v.attributes).length > MAX_ATTRIBUTES) errors[`${prefix}[${i}].attributes`] = [{ key: 'tooMany' }];
    if (email) seen.add(email);
    return { ...v, email: email ?? v.email };
  });
  if (Object.keys(errors).length) throw new AppError('CB_VA01', { errors });
  return out;
}

/** After a change: the domain's registered visitors within the plan's limit, or nothing is kept. */
export async function checkLimit(ctx: Ctx, limit: number): Promise<void> {
  if ((await countVisitors(ctx.db, ctx.actor.domainId)) <= limit) return;
  const plan = await viewPlanOf(ctx.db, ctx.actor.domainId);
  throw new AppError('CB_PV36', { params: { limit: String(limit), plan: plan ?? '' } });
}

export async function addRegisteredVisitors(ctx: Ctx, input: { id: string; visitors: VisitorInput[] }): Promise<{ added: number; updated: number }> {
  const { view, limit } = await visitorsView(ctx, input.id);
  const visitors = checkVisitors(input.visitors, 'visitors');
  let added = 0;
  for (const v of visitors) if ((await putVisitor(ctx.db, view.domainId, view.id, { ...v, source: 'manual' }, ctx.now)) === 'added') added++;
  await checkLimit(ctx, limit);
  await recordAudit(ctx, { action: 'publicView.visitors.add', targetType: 'publicView', targetId: view.id, detail: { emails: visitors.map((v) => v.email) } });
  return { added, updated: visitors.length - added };
}

export async function removeRegisteredVisitors(ctx: Ctx, input: { id: string; emails: string[] }): Promise<{ removed: number }> {
  const { view } = await visitorsView(ctx, input.id);
  const emails = [...new Set(input.emails.map((e) => normalizeEmail(e)).filter((e): e is string => e !== null))];
  const removed = await deleteVisitors(ctx.db, view.domainId, view.id, { emails });
  // Whoever is removed is signed out at once (the gate would refuse them anyway in "registered only").
  for (const email of emails) await deleteEmailSessions(ctx.db, view.domainId, view.id, { email });
  await recordAudit(ctx, { action: 'publicView.visitors.remove', targetType: 'publicView', targetId: view.id, detail: { emails } });
  return { removed };
}
