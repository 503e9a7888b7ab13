// Which origins may frame a view's page: only https origins reach the header, normalised.
import { describe, expect, it } from 'vitest';
import { checkFrameAncestors, frameOrigin, withFrameAncestors } from './frame-ancestors.js';

describe('frameOrigin', () => {
  it.each([
    ['https://example.com', 'https://example.com'],
    ['https://Example.COM/', 'https://example.com'],
    ['https://shop.example.org:8443', 'https://shop.example.org:8443'],
    ['https://example.com:443', 'https://example.com'],
    ['https://例え.jp', 'https://xn--r8jz45g.jp'],
    ['https://[2001:db8::1]', 'https://[2001:db8::1]'],
  ])('%s → %s', (entry, origin) => expect(frameOrigin(entry)).toBe(origin));

  it.each(['http://example.com', 'https://example.com/page', 'https://example.com?x', 'https://example.com#a', 'https://*.example.com', 'https://u:p@example.com', "'self'", '*', 'example.com', 'https://a.com https://b.com', 'https://a.com;script-src *', `https://${'a'.repeat(200)}.com`])(
    'refuses %s',
    (entry) => expect(frameOrigin(entry)).toBeNull(),
  );
});

describe('checkFrameAncestors', () => {
  it('keeps each origin once and refuses the list naming each bad entry', () => {
    expect(checkFrameAncestors(['https://a.example', 'https://A.example/'])).toEqual(['https://a.example']);
    expect(() => checkFrameAncestors(['https://a.example', 'http://b.example'])).toThrow(expect.objectContaining({ code: 'CB_VA01', options: { errors: { 'frameAncestors[1]': [{ key: 'invalid' }] } } }));
  });
});

describe('withFrameAncestors', () => {
  it("replaces 'none' with the origins and keeps every other directive", () => {
    const csp = "default-src 'self';script-src 'self';frame-ancestors 'none';form-action 'self'";
    expect(withFrameAncestors(csp, ['https://a.example', 'https://b.example'])).toBe("default-src 'self';script-src 'self';form-action 'self';frame-ancestors https://a.example https://b.example");
  });
});
