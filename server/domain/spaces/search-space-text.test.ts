import { describe, expect, it } from 'vitest';
import { excerpt, fold, plainText, withoutTags } from './search-space-text.js';

describe('search excerpts', () => {
  it.each([
    ['<p>The <b>Kiwi</b> plan</p>', 'The Kiwi plan '],
    ['a&amp;b &quot;d&quot; &lt; e', 'a&b "d" < e'],
    ['spelled &lt;c&gt; out', 'spelled  out'],
    ['<script>alert(1)</script>kept', 'kept'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', 'alert(1)'],
    ['line<br>break', 'line break'],
    ['1 < 2 and 3 > 1', '1 < 2 and 3 > 1'],
  ])('reads %j as %j', (html, text) => {
    expect(plainText(html)).toBe(text);
  });

  it.each([
    ['<<a>script>x', 'x'],
    ['<img src=x onerror=alert(1)', '< img src=x onerror=alert(1)'],
    ['</b', '< /b'],
    ['x < y', 'x < y'],
  ])('leaves nothing that opens a tag in %j', (text, out) => {
    expect(withoutTags(text)).toBe(out);
    expect(withoutTags(text)).not.toMatch(/<[a-z/!?]/i);
  });

  it('cuts about 40 characters either side of the first match', () => {
    const text = `${'a'.repeat(60)} KIWI ${'b'.repeat(60)}`;
    const cut = excerpt(text, fold('kiwi'));
    expect(cut).toBe(`…${'a'.repeat(39)} KIWI ${'b'.repeat(39)}…`);
    expect(excerpt('short kiwi', 'kiwi')).toBe('short kiwi');
    expect(excerpt('no match here', 'kiwi')).toBe('no match here');
  });

  it('never rebuilds a tag that the cut splits', () => {
    const text = `${'x'.repeat(30)} kiwi <img src=x onerror=alert(1)>`.replace('<img', '&lt;img');
    expect(excerpt(plainText(text), 'kiwi')).not.toMatch(/<[a-z/!?]/i);
  });
});
