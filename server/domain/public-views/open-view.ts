// A visitor's request, before any record is read: the URL token names a view of this domain,
// published, servable under the plan, with an active creator — otherwise "not found", one answer
// for every reason (P4, P8) — and then the view's gates, checked on every request, whatever it
// asks for (list, detail, file): the IP allow-list (403) and the password (401).
import { URL_TOKEN } from '../../../common/api/public-views.js';
import { servableUnder } from '../../../common/public-views/features.js';
import type { ViewPlan } from '../../../common/licences/view-plans.js';
import { type PublicViewFacts, type VisitorAction, canVisit, visitorOf } from '../../policy/public-views.js';
import { LRUCache } from 'lru-cache';
import { type StoredPublicView, type VisitedAppFacts, findViewByToken, visitorSessionValid } from '../../storage/public-views.repo.js';
import { AppError } from '../app-error.js';
import { sha256 } from '../auth/secrets.js';
import { type Ctx, mayFillCaches } from '../context.js';
import { addressAllowed } from '../security/restrictions.js';
import { type PublicView, featureFactsOf, parseView, viewPlanOf } from './view.js';

export interface OpenView {
  view: PublicView;
  facts: PublicViewFacts;
  plan: ViewPlan;
  /** The URL token this request came with (attachment links are made under it). */
  token: string;
  /** The view's app as read with the view (null: gone); absent: not read yet (visitor-answers.ts reads it). */
  app?: VisitedAppFacts | null;
  /** This process hears of every record change it makes (a live-event bus: response-cache.ts). */
  recordsFollowed?: boolean;
  /** The creator's time zone: a calendar's days are theirs (absent: Asia/Tokyo, as for users). */
  timeZone?: string;
  /** A manager's preview of a draft (preview-view.ts): answered fresh, never cached. */
  preview?: true;
  /**
   * A preview whose attachments the manager's own session may open (preview-files.ts): where its
   * file links lead, signed with this open view's signing key; and how a member's are signed.
   */
  previewFilesAt?: string;
  previewSigner?: PreviewSigner;
}

/** Signs a previewed view's file links for the manager's session (preview-files.ts). */
export type PreviewSigner = (view: Pick<PublicView, 'domainId' | 'id' | 'appId' | 'creatorId'>) => { signingKey: string; previewFilesAt: string };

export const notFound = (): AppError => new AppError('CB_PV05');

/** The hashes of tokens that named a view (guessed tokens push nothing out): hashed once, not per request. */
const tokenHashes = new LRUCache<string, string>({ max: 10_000 });

/** The view the token names, as its visitor may open it for `action`; CB_PV05 otherwise. */
export async function findOpenView(ctx: Ctx, token: string, action: VisitorAction = 'publicView.list'): Promise<OpenView> {
  if (!URL_TOKEN.test(token)) throw notFound();
  const hash = tokenHashes.get(token) ?? sha256(token);
  const found = await findViewByToken(ctx.db, ctx.actor.domainId, hash);
  const view = found ? parsedView(ctx, found.view) : null;
  if (!found || !view) throw notFound();
  tokenHashes.set(token, hash);
  const plan = await viewPlanOf(ctx.db, ctx.actor.domainId);
  const facts = factsOf(view, found.creator, plan);
  if (plan === null || !canVisit(visitorOf(view), action, facts)) throw notFound();
  return { view, facts, plan, token, app: found.app, ...(found.creator ? { timeZone: found.creator.timeZone } : {}) };
}

/**
 * Settings change only with the view's config version (save-view.ts bumps it on every change), so
 * their parse is kept per version; the rest of the row is the one just read.
 */
const parsedSettings = new LRUCache<string, { view: PublicView | null }>({ max: 10_000 });

export function parsedView(ctx: Ctx, stored: StoredPublicView): PublicView | null {
  const key = `${stored.domainId}\0${stored.id}\0${stored.configVersion}\0${stored.kind}`;
  let hit = parsedSettings.get(key);
  if (!hit) {
    hit = { view: parseView(stored) };
    // Not from inside a transaction: a version it wrote may yet be rolled back and reused.
    if (mayFillCaches(ctx)) parsedSettings.set(key, hit);
  }
  return hit.view && { ...stored, kind: hit.view.kind, settings: hit.view.settings };
}

export function factsOf(view: PublicView, creator: PublicViewFacts['creator'], plan: ViewPlan | null): PublicViewFacts {
  const s = view.settings;
  return {
    domainId: view.domainId,
    id: view.id,
    published: view.published,
    servable: servableUnder(featureFactsOf(view), plan),
    listFields: s.fields,
    detailFields: s.detail.enabled ? (s.detail.fields ?? s.fields) : null,
    creator,
  };
}

/** The view's IP allow-list, on the address the trusted proxies report (P13). */
export function checkNetwork(view: Pick<StoredPublicView, 'ipAllow'>, ip: string | null): void {
  if (view.ipAllow.length > 0 && !addressAllowed(ip ?? undefined, view.ipAllow)) throw new AppError('CB_PV10');
}

/** A password-protected view needs this view's unlock cookie, still live (P12). */
export async function checkUnlocked(ctx: Ctx, view: Pick<StoredPublicView, 'domainId' | 'id' | 'passwordHash'>, secret: string | undefined): Promise<void> {
  if (view.passwordHash === null) return;
  if (!secret || secret.length > 100 || !(await visitorSessionValid(ctx.db, view.domainId, view.id, sha256(secret), ctx.now))) {
    throw new AppError('CB_PV07');
  }
}

/** The request as the view's visitor: an Actor of its own kind, bound to this view. */
export function asVisitor(ctx: Ctx, view: PublicView): Ctx {
  return { ...ctx, actor: visitorOf(view), guestSpaceId: undefined, kintonePath: false };
}
