import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { type PublicViewFacts, canVisit, readerOf, visitorFields, visitorOf } from './public-views.js';

const creator = { id: 7, code: 'maker', name: 'Maker', kind: 'user' as const, isAdmin: false, valid: true, locale: 'en' as const };
const view: PublicViewFacts = {
  domainId: 'dom_a',
  id: 'pv_aaaaaaaaaaaaaaaaaaaa',
  published: true,
  servable: true,
  listFields: ['title', 'note', 'salary'],
  detailFields: ['title', 'photo'],
  creator,
};
const visitor = visitorOf(view);
const reads = (code: string) => code !== 'salary';

describe('a public-view visitor', () => {
  it('may open its own view only, while it is published, servable and its creator active', () => {
    expect(canVisit(visitor, 'publicView.list', view)).toBe(true);
    expect(canVisit(visitor, 'publicView.detail', view)).toBe(true);
    expect(canVisit({ ...visitor, viewId: 'pv_bbbbbbbbbbbbbbbbbbbb' }, 'publicView.list', view)).toBe(false);
    expect(canVisit({ ...visitor, domainId: 'dom_b' }, 'publicView.list', view)).toBe(false);
    expect(canVisit(visitor, 'publicView.list', { ...view, published: false })).toBe(false);
    expect(canVisit(visitor, 'publicView.list', { ...view, servable: false })).toBe(false);
    for (const c of [null, { ...creator, valid: false }, { ...creator, kind: 'guest' as const }]) {
      expect(canVisit(visitor, 'publicView.list', { ...view, creator: c })).toBe(false);
    }
    expect(canVisit(visitor, 'publicView.detail', { ...view, detailFields: null })).toBe(false);
    expect(canVisit(visitor, 'publicView.list', { ...view, detailFields: null })).toBe(true);
  });

  it('is the only kind of actor that visits: not even an administrator of the domain', () => {
    const others: Actor[] = [
      { kind: 'user', domainId: 'dom_a', userId: 7, code: 'maker', name: 'Maker', isAdmin: true, locale: 'en', via: 'session' },
      { kind: 'anonymous', domainId: 'dom_a' },
      { kind: 'system', domainId: 'dom_a' },
    ];
    for (const a of others) {
      expect(canVisit(a, 'publicView.list', view)).toBe(false);
      expect(visitorFields(a, 'publicView.list', view, () => true)).toEqual([]);
    }
  });

  it("gets the page's chosen fields that the creator may read, in the view's order", () => {
    expect(visitorFields(visitor, 'publicView.list', view, reads)).toEqual(['title', 'note']);
    expect(visitorFields(visitor, 'publicView.detail', view, reads)).toEqual(['title', 'photo']);
    expect(visitorFields(visitor, 'publicView.file', view, reads)).toEqual(['title', 'note', 'photo']);
    expect(visitorFields(visitor, 'publicView.list', { ...view, published: false }, reads)).toEqual([]);
  });

  it("reads as the view's creator, a user of the same domain", () => {
    expect(readerOf(visitor, view)).toMatchObject({ kind: 'user', domainId: 'dom_a', userId: 7, code: 'maker', isAdmin: false });
    expect(readerOf({ ...visitor, domainId: 'dom_b' }, view)).toBeNull();
  });
});
