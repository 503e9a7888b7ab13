// Public-view (kViewer-style) plans and the features each unlocks. Public-view code asks
// `viewPlanAllows(plan, 'emailAuth')`, never compares plan names, so a plan's contents change in
// this table alone.

export const VIEW_PLANS = ['light', 'standard', 'premium', 'professional', 'enterprise'] as const;
export type ViewPlan = (typeof VIEW_PLANS)[number];

/** Yen per month, tax excluded. */
export const VIEW_PLAN_PRICES: Readonly<Record<ViewPlan, number>> = {
  light: 7_000,
  standard: 12_000,
  premium: 18_000,
  professional: 30_000,
  enterprise: 50_000,
};

export type ViewFeature =
  | 'simpleViews' // list, card, calendar, graph, segment and dashboard views
  | 'filtering' // a fixed filter and sort on a view
  | 'searchForms' // search forms that visitors fill in
  | 'accessRestriction' // a password on a view, unguessable URLs beyond the default
  | 'visitorManagement' // registered visitors, MyPage
  | 'ipRestriction' // a view's IP allow-list
  | 'emailAuth'; // visitors sign in by e-mail (one-time code or link)

export interface ViewPlanFeatures {
  features: ReadonlySet<ViewFeature>;
  /** Registered visitors per domain (0: none may be registered). */
  maxVisitors: number;
  /** Requests per minute across the domain's public views before visitors are asked to retry. */
  requestsPerMinute: number;
}

const SIMPLE: ViewFeature[] = ['simpleViews'];
const FILTERED: ViewFeature[] = [...SIMPLE, 'filtering', 'searchForms'];
const RESTRICTED: ViewFeature[] = [...FILTERED, 'accessRestriction', 'visitorManagement', 'ipRestriction', 'emailAuth'];

export const VIEW_PLAN_FEATURES: Readonly<Record<ViewPlan, ViewPlanFeatures>> = {
  light: { features: new Set(SIMPLE), maxVisitors: 0, requestsPerMinute: 1_000 },
  standard: { features: new Set(FILTERED), maxVisitors: 0, requestsPerMinute: 1_000 },
  premium: { features: new Set(RESTRICTED), maxVisitors: 300, requestsPerMinute: 1_000 },
  professional: { features: new Set(RESTRICTED), maxVisitors: 1_000, requestsPerMinute: 3_000 },
  enterprise: { features: new Set(RESTRICTED), maxVisitors: 100_000, requestsPerMinute: 10_000 },
};

/** May a domain on this plan (null: no public-view plan) use the feature? */
export function viewPlanAllows(plan: ViewPlan | null, feature: ViewFeature): boolean {
  return plan !== null && VIEW_PLAN_FEATURES[plan].features.has(feature);
}

/** The cheapest plan that has the feature: what upgrading would unlock, for the screens. */
export function planFor(feature: ViewFeature): ViewPlan {
  return VIEW_PLANS.find((p) => VIEW_PLAN_FEATURES[p].features.has(feature)) ?? 'enterprise';
}
