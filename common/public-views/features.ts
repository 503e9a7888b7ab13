// Which plan features a public view relies on, from its kind, settings and access settings.
// The server refuses a change that needs a feature the plan lacks (CB_PV02), and answers
// visitors "not found" while any is missing — after a downgrade a view fails closed rather than
// showing its records without the filter or the password it was set up with (P14). Pure: the
// settings screens show the same list next to "what upgrading would unlock".
import { VIEW_PLANS, type ViewFeature, type ViewPlan, viewPlanAllows } from '../licences/view-plans.js';
import type { PublicViewKind, PublicViewSettings } from '../api/public-views.js';

export interface FeatureFacts {
  kind: PublicViewKind;
  settings: Pick<PublicViewSettings, 'filter' | 'sort' | 'search'>;
  hasPassword: boolean;
  ipAllow: readonly string[];
  /** E-mail sign-in is on (public_views.email_auth). */
  emailAuth?: boolean;
  /** Origins allowed to frame the visitor page (CSP frame-ancestors); absent or empty: none. */
  frameAncestors?: readonly string[];
}

export function requiredFeatures(view: FeatureFacts): ViewFeature[] {
  const out: ViewFeature[] = [view.kind === 'myPage' ? 'visitorManagement' : 'simpleViews'];
  const s = view.settings;
  // A segment's tabs narrow the records by a field's value the visitor picks: filtering, like a
  // search box (the other kinds are simple views: features.md §E2/§F, docs/public-views.md).
  if (s.filter.trim() !== '' || s.sort.length > 0 || s.search || view.kind === 'segment') out.push('filtering');
  // Which sites may embed the page is kViewer's "resource-loading restriction", listed beside the
  // password among its access restrictions (features.md §E2).
  if (view.hasPassword || (view.frameAncestors?.length ?? 0) > 0) out.push('accessRestriction');
  if (view.ipAllow.length > 0) out.push('ipRestriction');
  // Search forms (common/api/public-search-forms.ts) may sit in any kind's settings.
  const form = (s as { searchForm?: unknown }).searchForm;
  if (Array.isArray(form) && form.length > 0) out.push('searchForms');
  if (view.emailAuth || view.kind === 'myPage') out.push('emailAuth');
  return out;
}

/** The features among `features` that `plan` (null: none) does not include, in table order. */
export function missingFeatures(features: readonly ViewFeature[], plan: ViewPlan | null): ViewFeature[] {
  return features.filter((f) => !viewPlanAllows(plan, f));
}

/** Whether visitors may see the view under `plan`: every feature it relies on is included. */
export function servableUnder(view: FeatureFacts, plan: ViewPlan | null): boolean {
  return plan !== null && VIEW_PLANS.includes(plan) && missingFeatures(requiredFeatures(view), plan).length === 0;
}
