import { describe, expect, it } from 'vitest';
import { parseStyle, safeHref, safeImageSrc } from './rich-style';

describe('rich text, rendered safely', () => {
  it('keeps only the style declarations the sanitiser allows', () => {
    expect(parseStyle('color: #f00; font-weight: bold; background-image: url(x); position: fixed')).toEqual({ color: '#f00', fontWeight: 'bold' });
    expect(parseStyle('text-align:center;font-size:16px')).toEqual({ textAlign: 'center', fontSize: '16px' });
    expect(parseStyle('color: expression(alert(1))')).toBeUndefined();
    expect(parseStyle('__proto__: x; constructor: y')).toBeUndefined();
    expect(parseStyle(null)).toBeUndefined();
  });

  it('refuses links and images that could run code', () => {
    expect(safeHref('https://example.com/a')).toBe('https://example.com/a');
    expect(safeHref('mailto:a@example.com')).toBe('mailto:a@example.com');
    expect(safeHref(' javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,x')).toBeUndefined();
    expect(safeImageSrc('data:image/png;base64,AAAA')).toBe('data:image/png;base64,AAAA');
    expect(safeImageSrc('data:image/svg+xml;base64,AAAA')).toBeUndefined();
    expect(safeImageSrc('//evil.example/x.png')).toBeUndefined();
  });
});
