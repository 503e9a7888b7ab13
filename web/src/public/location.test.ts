import { describe, expect, it } from 'vitest';
import { pickLang } from './lang';
import { pageNumber, parsePlace, recordHref, viewHref } from './location';

const T = 'A'.repeat(43);

describe('a visitor’s place in a view', () => {
  it('reads the view, a record, a dashboard member’s record, or nothing it knows', () => {
    const view = parsePlace(`/public/${T}`, '?page=3&q=house&f.stage=Build&f.stage=Plan&tab=x&signIn=secret&fields=secret_code');
    expect(view.page).toBe('view');
    // Only what the data paths read goes on: never a sign-in link, never anything else.
    expect(view.page === 'view' && view.params.toString()).toBe('page=3&q=house&f.stage=Build&f.stage=Plan&tab=x');
    expect(view.page === 'view' && pageNumber(view.params)).toBe(3);
    expect(parsePlace(`/public/${T}/records/12`, '')).toEqual({ page: 'record', token: T, id: '12', member: null });
    expect(parsePlace(`/public/${T}/members/2/records/5`, '')).toEqual({ page: 'record', token: T, id: '5', member: '2' });
    expect(parsePlace(`/public/${T}/records/abc`, '').page).toBe('unknown');
    expect(parsePlace('/public/short', '').page).toBe('unknown');
  });

  it('writes addresses: a new search drops the page, page 1 is the bare view', () => {
    const params = new URLSearchParams('page=2&q=old');
    expect(viewHref(T, params, { q: 'new', page: null })).toBe(`/public/${T}?q=new`);
    expect(viewHref(T, params, { page: '1' })).toBe(`/public/${T}?q=old`);
    expect(viewHref(T, new URLSearchParams(), { 'f.stage': ['A', 'B'] })).toBe(`/public/${T}?f.stage=A&f.stage=B`);
    expect(recordHref(T, '7')).toBe(`/public/${T}/records/7`);
    expect(recordHref(T, '7', 0)).toBe(`/public/${T}/members/0/records/7`);
  });

  it('speaks the language this browser chose, else its first ja or en, else English', () => {
    expect(pickLang('en', ['ja-JP'])).toBe('en');
    expect(pickLang(null, ['fr-FR', 'ja-JP', 'en'])).toBe('ja');
    expect(pickLang('de', ['fr'])).toBe('en');
  });
});
