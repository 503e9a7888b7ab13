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

  it('lead nowhere for a member’s record or an attachment, and leave other links alone', () => {
    expect(placeOfHref('/public/preview/members/1/records/12', {})).toBe('ignore');
    expect(placeOfHref('/public/preview/files/1/photo/abc?expires=1&sig=x', {})).toBe('ignore');
    expect(placeOfHref('https://example.com/plan.png', {})).toBeNull();
    expect(placeOfHref('/public/previewAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', {})).toBeNull();
  });
});
