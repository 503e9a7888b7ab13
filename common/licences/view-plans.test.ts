import { describe, expect, it } from 'vitest';
import { VIEW_PLANS, VIEW_PLAN_FEATURES, VIEW_PLAN_PRICES, planFor, viewPlanAllows } from './view-plans.js';

describe('public-view plans', () => {
  it('cost 7,000 / 12,000 / 18,000 / 30,000 / 50,000 yen a month, in that order', () => {
    expect(VIEW_PLANS.map((p) => VIEW_PLAN_PRICES[p])).toEqual([7_000, 12_000, 18_000, 30_000, 50_000]);
  });

  it('unlock features plan by plan, each plan keeping what the one below has', () => {
    expect(viewPlanAllows('light', 'simpleViews')).toBe(true);
    expect(viewPlanAllows('light', 'searchForms')).toBe(false);
    expect(viewPlanAllows('standard', 'filtering')).toBe(true);
    expect(viewPlanAllows('standard', 'emailAuth')).toBe(false);
    for (const f of ['accessRestriction', 'visitorManagement', 'ipRestriction', 'emailAuth'] as const) {
      expect(viewPlanAllows('premium', f)).toBe(true);
      expect(planFor(f)).toBe('premium');
    }
    expect(planFor('searchForms')).toBe('standard');
    expect(VIEW_PLAN_FEATURES.professional.maxVisitors).toBe(1_000);
    for (let i = 1; i < VIEW_PLANS.length; i++) {
      const lower = VIEW_PLAN_FEATURES[VIEW_PLANS[i - 1]!];
      const higher = VIEW_PLAN_FEATURES[VIEW_PLANS[i]!];
      for (const f of lower.features) expect(higher.features.has(f)).toBe(true);
      expect(higher.maxVisitors).toBeGreaterThanOrEqual(lower.maxVisitors);
      expect(higher.requestsPerMinute).toBeGreaterThanOrEqual(lower.requestsPerMinute);
    }
  });

  it('allow nothing to a domain without a plan', () => {
    expect(viewPlanAllows(null, 'simpleViews')).toBe(false);
  });
});
