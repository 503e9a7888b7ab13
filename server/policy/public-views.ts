// What a public-view visitor may read. A visitor is an Actor (`publicViewer`, bound to one view)
// and goes through this module like everyone else:
//   - only its own view, only while published and servable under the domain's plan;
//   - records: those of the view's app inside the view's fixed filter, within the record scope of
//     the view's creator (the visitor reads *as* the creator, narrowed — never more than the
//     creator may read, evaluated at each request, so a permission the creator loses is lost to
//     the view at once);
//   - fields: the view's chosen fields for that page, within the fields the creator may read.
// Pure: the view's facts and the creator's readable fields arrive as arguments.
import { roleMay } from '../../common/access.js';
import type { Actor, PublicViewerActor, UserActor } from './actor.js';

export type VisitorAction = 'publicView.list' | 'publicView.detail' | 'publicView.file';

export interface PublicViewFacts {
  domainId: string;
  id: string;
  published: boolean;
  /** Every plan feature the view relies on is in the domain's plan (common/public-views/features.ts). */
  servable: boolean;
  listFields: readonly string[];
  /** Null: the view has no detail pages. */
  detailFields: readonly string[] | null;
  creator: { id: number; code: string; name: string; kind: 'user' | 'guest'; isAdmin: boolean; valid: boolean; locale: 'ja' | 'en' } | null;
}

export function visitorOf(view: Pick<PublicViewFacts, 'domainId' | 'id'>): PublicViewerActor {
  return { kind: 'publicViewer', domainId: view.domainId, viewId: view.id };
}

/** May this actor do `action` on this view at all (before which records and fields)? */
export function canVisit(actor: Actor, action: VisitorAction, view: PublicViewFacts): boolean {
  if (actor.kind !== 'publicViewer' || !roleMay('publicViewer', 'publicView.read')) return false;
  if (actor.domainId !== view.domainId || actor.viewId !== view.id) return false;
  if (!view.published || !view.servable || readerOf(actor, view) === null) return false;
  return action !== 'publicView.detail' || view.detailFields !== null;
}

/**
 * Whose record and field permissions bound the visitor's reads: the view's creator, while that
 * account is an active user (a guest never manages apps; a suspended or deleted creator's views
 * show nothing).
 */
export function readerOf(actor: PublicViewerActor, view: PublicViewFacts): UserActor | null {
  const c = view.creator;
  if (!c || !c.valid || c.kind !== 'user' || actor.domainId !== view.domainId) return null;
  return { kind: 'user', domainId: view.domainId, userId: c.id, code: c.code, name: c.name, isAdmin: c.isAdmin, locale: c.locale, via: 'session' };
}

/**
 * The fields the visitor gets for `action`, in the view's order: chosen for that page and
 * readable by the creator now. A file download may name a field of either page.
 */
export function visitorFields(actor: Actor, action: VisitorAction, view: PublicViewFacts, creatorReads: (code: string) => boolean): string[] {
  if (!canVisit(actor, action, view)) return [];
  const chosen =
    action === 'publicView.list'
      ? view.listFields
      : action === 'publicView.detail'
        ? view.detailFields!
        : [...new Set([...view.listFields, ...(view.detailFields ?? [])])];
  return chosen.filter(creatorReads);
}
