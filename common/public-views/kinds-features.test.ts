import { describe, expect, it } from 'vitest';
import { KIND_SETTINGS_SCHEMAS } from '../api/public-view-kinds.js';
import { type FeatureFacts, requiredFeatures, servableUnder } from './features.js';

const bare = { filter: '', sort: [], search: false };
const facts = (kind: FeatureFacts['kind']): FeatureFacts => ({ kind, settings: bare, hasPassword: false, ipAllow: [] });

describe('the plan features of the kinds beyond the list', () => {
  it('card, calendar, graphs and dashboards are simple views; a segment filters by its tabs', () => {
    for (const kind of ['card', 'calendar', 'graph', 'advancedGraph', 'dashboard'] as const) {
      expect(requiredFeatures(facts(kind)), kind).toEqual(['simpleViews']);
      expect(servableUnder(facts(kind), 'light'), kind).toBe(true);
    }
    expect(requiredFeatures(facts('segment'))).toEqual(['simpleViews', 'filtering']);
    expect(servableUnder(facts('segment'), 'light')).toBe(false);
    expect(servableUnder(facts('segment'), 'standard')).toBe(true);
  });

  it('graphs and dashboards take no detail pages, sort or search box, whatever is sent', () => {
    const graph = { graph: { chartType: 'BAR', group: { field: 'stage' } } };
    expect(KIND_SETTINGS_SCHEMAS.graph.safeParse({ ...graph, detail: { enabled: true } }).success).toBe(false);
    expect(KIND_SETTINGS_SCHEMAS.graph.safeParse({ ...graph, search: true }).success).toBe(false);
    expect(KIND_SETTINGS_SCHEMAS.graph.parse(graph)).toMatchObject({ detail: { enabled: false }, search: false, sort: [], fields: [] });
    const dashboard = { dashboard: { items: [{ type: 'text', html: 'x', x: 0, y: 0, w: 12, h: 1 }] } };
    expect(KIND_SETTINGS_SCHEMAS.dashboard.safeParse({ ...dashboard, filter: 'a = "1"' }).success).toBe(false);
    expect(KIND_SETTINGS_SCHEMAS.dashboard.safeParse({ dashboard: { items: [{ type: 'image', url: 'javascript:alert(1)', x: 0, y: 0, w: 1, h: 1 }] } }).success).toBe(false);
  });
});
