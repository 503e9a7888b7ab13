import { describe, expect, it } from 'vitest';
import { VIEW_PLANS } from '../licences/view-plans.js';
import { type FeatureFacts, missingFeatures, requiredFeatures, servableUnder } from './features.js';

const simple: FeatureFacts = { kind: 'list', settings: { filter: '', sort: [], search: false }, hasPassword: false, ipAllow: [] };

describe('the features a public view relies on', () => {
  it('follow from its kind, settings and access settings', () => {
    expect(requiredFeatures(simple)).toEqual(['simpleViews']);
    expect(requiredFeatures({ ...simple, settings: { ...simple.settings, filter: ' ' } })).toEqual(['simpleViews']);
    expect(requiredFeatures({ ...simple, settings: { ...simple.settings, filter: 'a = "1"' } })).toEqual(['simpleViews', 'filtering']);
    expect(requiredFeatures({ ...simple, settings: { ...simple.settings, sort: [{ field: 'a', order: 'asc' }] } })).toEqual(['simpleViews', 'filtering']);
    expect(requiredFeatures({ ...simple, settings: { ...simple.settings, search: true } })).toEqual(['simpleViews', 'filtering']);
    expect(requiredFeatures({ ...simple, hasPassword: true, ipAllow: ['192.0.2.0/24'] })).toEqual(['simpleViews', 'accessRestriction', 'ipRestriction']);
    // MyPage: registered visitors who sign in by e-mail.
    expect(requiredFeatures({ ...simple, kind: 'myPage' })).toEqual(['visitorManagement', 'emailAuth']);
    expect(requiredFeatures({ ...simple, emailAuth: true })).toEqual(['simpleViews', 'emailAuth']);
    expect(requiredFeatures({ ...simple, settings: { ...simple.settings, searchForm: [{ kind: 'text', key: 'q', label: '', fields: ['a'] }] } as FeatureFacts['settings'] })).toEqual(['simpleViews', 'searchForms']);
  });

  it('decide under which plans visitors may see it: none without a plan, all of them or nothing', () => {
    const guarded: FeatureFacts = { ...simple, settings: { ...simple.settings, filter: 'a = "1"' }, hasPassword: true };
    expect(VIEW_PLANS.filter((p) => servableUnder(simple, p))).toEqual(VIEW_PLANS);
    expect(VIEW_PLANS.filter((p) => servableUnder(guarded, p))).toEqual(['premium', 'professional', 'enterprise']);
    expect(servableUnder(simple, null)).toBe(false);
    expect(missingFeatures(requiredFeatures(guarded), 'light')).toEqual(['filtering', 'accessRestriction']);
    expect(missingFeatures(requiredFeatures(guarded), 'standard')).toEqual(['accessRestriction']);
    expect(missingFeatures(requiredFeatures(guarded), null)).toEqual(['simpleViews', 'filtering', 'accessRestriction']);
  });
});
