import { describe, expect, it } from 'vitest';
import { placeOfHref } from './preview-place';

describe('the preview’s links', () => {
  it('move the preview: a page, a tab, a detail page, and back', () => {
    expect(placeOfHref('/public/preview?page=3', { q: 'a' })).toEqual({ q: 'a', page: 3 });
    expect(placeOfHref('/public/preview?tab=Build', { page: 4 })).toEqual({ page: 1, tab: 'Build' });
    expect(placeOfHref('/public/preview', { page: 2, record: '9' })).toEqual({ page: 1 });
    expect(placeOfHref('/public/preview/records/12', { page: 2 })).toEqual({ page: 2, record: '12' });
    expect(placeOfHref('/public/preview?page=-1', {})).toEqual({ page: 1 });
  });

  it('open a dashboard member’s detail page, and back to the dashboard', () => {
    expect(placeOfHref('/public/preview/members/1/records/12', { page: 1 })).toEqual({ page: 1, record: '12', member: 1 });
    expect(placeOfHref('/public/preview/records/7', { record: '12', member: 1 })).toEqual({ record: '7' });
    expect(placeOfHref('/public/preview', { record: '12', member: 1 })).toEqual({ page: 1 });
    expect(placeOfHref('/public/preview/members/100/records/12', {})).toBe('ignore');
  });

  it('lead nowhere for an attachment no session opens, and leave other links alone', () => {
    expect(placeOfHref('/public/preview/files/1/photo/abc?expires=1&sig=x', {})).toBe('ignore');
    expect(placeOfHref('/v1/public-view/preview/file?app=1&view=pv_x&creator=1&record=1&field=photo&file=a&expires=1&sig=x', {})).toBeNull();
    expect(placeOfHref('https://example.com/plan.png', {})).toBeNull();
    expect(placeOfHref('/public/previewAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', {})).toBeNull();
  });
});
