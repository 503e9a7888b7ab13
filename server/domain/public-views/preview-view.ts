// POST /v1/public-view/preview.json: an app manager sees a view as its visitors would — a draft
// of it, published or not, saved or not — without a visitor URL. The draft's settings are checked
// as saving them would check them (against the manager and the creator the view reads as, plan
// features included), and the answer is made by the visitors' own code: the policy's canVisit and
// readerOf, the reader (fixed filter, chosen fields, sort, MyPage match, all in the query's tree)
// and each kind's answer, as a `publicViewer` of this view reading as its creator.
//
// What differs from a visit is only what a preview is: the view is taken as published and servable
// (it is the draft the manager asks about), its answers are never cached (visitor-answers.ts
// skips the cache for `preview`), its attachment links — a dashboard member's too — are signed
// with a key made for the manager's session and lead to the management API, never under /public/
// (preview-files.ts; without a session, a key made for this one answer: they open nothing), and
// nothing is written: the view, its URL and its published state are untouched, so an unpublished
// view stays unreachable. A dashboard's member detail pages are answered as the member's own
// (kinds/visitor-dashboard.ts memberRecord), behind every check a visitor's would pass.
import { newSecret } from '../../../common/ids.js';
import type { PreviewViewInput, PublicViewPreviewJson } from '../../../common/api/public-view-preview.js';
import { canVisit, visitorOf } from '../../policy/public-views.js';
import type { PublicViewerActor } from '../../policy/actor.js';
import { findVisitor } from '../../storage/public-view-visitors.repo.js';
import { findUserById } from '../../storage/users.repo.js';
import { appFor } from '../apps/load-app.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { checkPlan, checkSettings, schemaAs } from './check-settings.js';
import { checkMembers } from './kinds/members.js';
import { visitorCalendar } from './kinds/visitor-calendar.js';
import { visitorCards } from './kinds/visitor-cards.js';
import { memberRecord, visitorDashboard } from './kinds/visitor-dashboard.js';
import { visitorGraph } from './kinds/visitor-graph.js';
import { visitorSegment } from './kinds/visitor-segment.js';
import { editorOf, managedView, readersFor } from './managed-view.js';
import { type OpenView, asVisitor, factsOf } from './open-view.js';
import { normalizeEmail } from './visitors/email.js';
import { type PublicView, featuresOf, newViewId, viewPlanOf } from './view.js';
import { visitorList } from './visitor-list.js';
import { previewSignerFor } from './preview-files.js';
import { visitorRecord } from './visitor-record.js';

/** Stands in for the URL token in a preview's links; never a token (URL_TOKEN refuses it). */
export const PREVIEW_TOKEN = 'preview';

export async function previewPublicView(ctx: Ctx, input: PreviewViewInput): Promise<PublicViewPreviewJson> {
  const editor = editorOf(ctx);
  const app = await appFor(ctx, input.app, 'app.manage');
  const saved = input.id ? (await managedView(ctx, input.id)).view : null;
  // A view of another app, or a kind other than the saved one's, is not this view's draft.
  if (saved && (saved.appId !== app.id || saved.kind !== input.kind)) throw new AppError('CB_PV01');
  const readers = saved ? await readersFor(ctx, saved) : { schemas: [await schemaAs(ctx, app.id)], creatorId: editor.userId };
  const settings = checkSettings(input.kind, input.settings, readers.schemas);
  await checkMembers(ctx, input.kind, settings, saved?.id);
  const view: PublicView = {
    domainId: ctx.actor.domainId,
    id: saved?.id ?? newViewId(),
    appId: app.id,
    kind: input.kind,
    title: input.title || saved?.title || '',
    description: input.description,
    settings,
    // As it would be once published — in this answer only; nothing is written.
    published: true,
    urlTokenHash: '',
    signingKey: '',
    passwordHash: null,
    ipAllow: [],
    emailAuth: saved?.emailAuth ?? null,
    configVersion: saved?.configVersion ?? 0,
    creatorId: readers.creatorId,
    createdAt: saved?.createdAt ?? ctx.now,
    updatedAt: ctx.now,
  };
  const plan = await viewPlanOf(ctx.db, ctx.actor.domainId);
  // Settings the plan refuses are refused here as on saving (CB_PV02), rather than previewed.
  checkPlan(featuresOf(view), plan, false);
  const user = await findUserById(ctx.db, ctx.actor.domainId, view.creatorId);
  const creator = user && { id: user.id, code: user.code, name: user.name, kind: user.kind, isAdmin: user.isAdmin, valid: user.valid, locale: user.locale };
  const signer = previewSignerFor(ctx);
  const signed = signer?.(view);
  view.signingKey = signed?.signingKey ?? newSecret();
  const facts = { ...factsOf(view, creator, plan), servable: true };
  // A member's detail page passes the dashboard's gates as its visitor's does (then the member's own).
  const action = input.record !== undefined && input.member === undefined ? 'publicView.detail' : 'publicView.list';
  if (!canVisit(visitorOf(view), action, facts)) throw new AppError('CB_PV40');
  // Without a plan nothing is shown to visitors; a preview shows the draft under the lowest.
  const open: OpenView = {
    view,
    facts,
    plan: plan ?? 'light',
    token: PREVIEW_TOKEN,
    preview: true,
    ...(user ? { timeZone: user.timezone } : {}),
    ...(signer && signed ? { previewSigner: signer, previewFilesAt: signed.previewFilesAt } : {}),
  };
  let vctx = asVisitor(ctx, view);
  if (view.kind === 'myPage') vctx = { ...vctx, actor: await previewVisitor(ctx, vctx.actor as PublicViewerActor, saved, input.as) };
  try {
    return { kind: view.kind, data: await answer(vctx, open, input, ctx.request.ip) };
  } catch (err) {
    // "Not found" is what a visitor would get; the manager is told why in words — except for a
    // record outside the view, which is simply not one of its records.
    if (err instanceof AppError && err.code === 'CB_PV05' && input.record === undefined) throw new AppError('CB_PV40');
    throw err;
  }
}

/**
 * MyPage: the visitor the manager previews as — the address given, with their registered
 * attributes unless others are given. Without one there is nobody to match (as without sign-in).
 */
async function previewVisitor(ctx: Ctx, actor: PublicViewerActor, saved: PublicView | null, as: PreviewViewInput['as']): Promise<PublicViewerActor> {
  if (!as) throw AppError.invalid({ 'as.email': 'required' });
  const email = normalizeEmail(as.email);
  if (!email) throw AppError.invalid({ 'as.email': 'invalid' });
  const registered = saved ? await findVisitor(ctx.db, saved.domainId, saved.id, email) : null;
  return { ...actor, email, attributes: as.attributes ?? registered?.attributes ?? {} };
}

async function answer(ctx: Ctx, open: OpenView, input: PreviewViewInput, ip: string | null): Promise<unknown> {
  const json = (buf: Buffer): unknown => JSON.parse(buf.toString('utf8'));
  if (input.member !== undefined) {
    // A member's detail page: only of a dashboard, only with a record.
    if (open.view.kind !== 'dashboard' || input.record === undefined) throw AppError.invalid({ member: 'invalid' });
    return json(await memberRecord(ctx, open, input.member, ip, input.record));
  }
  if (input.record !== undefined) return json(await visitorRecord(ctx, open, input.record));
  const { page, q } = input;
  switch (open.view.kind) {
    case 'card':
      return json(await visitorCards(ctx, open, { page, q }));
    case 'calendar':
      return json(await visitorCalendar(ctx, open, { from: input.from, to: input.to, q }));
    case 'graph':
    case 'advancedGraph':
      return json(await visitorGraph(ctx, open));
    case 'segment':
      return json(await visitorSegment(ctx, open, { tab: input.tab, page, q }));
    case 'dashboard':
      return json(await visitorDashboard(ctx, open, ip));
    default:
      return json(await visitorList(ctx, open, { page, q, form: input.form ?? {} }));
  }
}
