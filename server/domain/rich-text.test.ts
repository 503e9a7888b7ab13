import { describe, expect, it } from 'vitest';
import { sanitizeRichText } from './rich-text.js';

describe('sanitizeRichText (X4, X7)', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '<img src="x" />'],
    ['<svg onload=alert(1)><circle/></svg>ok', 'ok'],
    ['<iframe src="https://evil.example"></iframe>', ''],
    ['<style>body{display:none}</style>text', 'text'],
    ['<form action="https://evil.example"><input name=p></form>', ''],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer" target="_blank">x</a>'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', '<a rel="noopener noreferrer" target="_blank">x</a>'],
    ['<a href="&#106;avascript:alert(1)">x</a>', '<a rel="noopener noreferrer" target="_blank">x</a>'],
    ['<p style="color:red;position:fixed">赤</p>', '<p style="color:red">赤</p>'],
    ['<b>太字</b><script>alert(1)</script>', '<b>太字</b>'],
  ])('%s', (input, expected) => {
    expect(sanitizeRichText(input)).toBe(expected);
  });

  it('keeps ordinary formatting and safe links', () => {
    const html = '<div><b>見積</b>: <a href="https://example.jp/a?b=1">資料</a><ul><li>一</li></ul></div>';
    expect(sanitizeRichText(html)).toBe('<div><b>見積</b>: <a href="https://example.jp/a?b=1" rel="noopener noreferrer" target="_blank">資料</a><ul><li>一</li></ul></div>');
  });
});
