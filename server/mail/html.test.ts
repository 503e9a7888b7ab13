import { describe, expect, it } from 'vitest';
import { escapeHtml, layout, textToHtml } from './html.js';

describe('escapeHtml', () => {
  it('escapes the five characters that can start markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml('日本語 123')).toBe('日本語 123');
  });
});

describe('textToHtml', () => {
  it('turns blank lines into paragraphs and line breaks into <br>, escaping the text', () => {
    const html = textToHtml('one <i>\r\ntwo\n\n\nthree');
    expect(html).toContain('one &lt;i&gt;<br>two</p>');
    expect(html.match(/<p /g)).toHaveLength(2);
  });
});

describe('layout', () => {
  it('escapes the title and declares the language', () => {
    const html = layout('ja', '<title>', '<p>body</p>');
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('<title>&lt;title&gt;</title>');
    expect(html).toContain('<p>body</p>');
  });
});
