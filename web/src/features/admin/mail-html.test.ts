import { describe, expect, it } from 'vitest';
import { withoutInlineStyles } from './mail-html';

describe('withoutInlineStyles', () => {
  it('takes out style attributes in every quoting, and style elements', () => {
    const html =
      '<style>p{color:red}</style><p style="margin:0 0 8px">a</p><blockquote STYLE=\'border-left:3px solid #ccc\'>b</blockquote><td style=x>c</td><STYLE type="text/css">\n.x{}\n</STYLE >';
    expect(withoutInlineStyles(html)).toBe('<p>a</p><blockquote>b</blockquote><td>c</td>');
  });

  it('keeps other attributes that end in style', () => {
    expect(withoutInlineStyles('<p data-style="kept" class="x">t</p>')).toBe('<p data-style="kept" class="x">t</p>');
  });
});
