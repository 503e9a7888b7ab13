// Text for search hits: rich text (space bodies, thread bodies, RICH_TEXT fields) is reduced to
// what a reader sees, and an excerpt is cut around the first match. Excerpts are plain text
// without anything that looks like a tag, even where the text itself spelled one out
// (`&lt;script&gt;`), so a client that puts one in a page by mistake still shows text.
import sanitizeHtml from 'sanitize-html';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
const TAG = /<\/?[A-Za-z!?][^<>]*>/g;
/** What opens a tag in HTML: `<` then a letter, `/`, `!` or `?`. */
const TAG_OPEN = /<(?=[/A-Za-z!?])/g;

/** The text of an HTML fragment: tags dropped (block ends become spaces), entities decoded. */
export function plainText(html: string): string {
  if (!/[<&]/.test(html)) return html;
  const spaced = html.replace(/<(br|\/p|\/div|\/li|\/h[1-6]|\/tr|\/td|\/th)\b[^>]*>/gi, ' $&');
  const text = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {}, nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript'] });
  const decoded = text.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, e: string) => ENTITIES[e] ?? '');
  return withoutTags(decoded);
}

/**
 * Removes whatever still looks like a tag (looping, so `<<a>script>` cannot reassemble one), then
 * parts a `<` that could still open one from what follows (an excerpt may cut a tag in two).
 */
export function withoutTags(text: string): string {
  let out = text;
  for (let i = 0; i < 5; i++) {
    const next = out.replace(TAG, '');
    if (next === out) break;
    out = next;
  }
  return out.replace(TAG_OPEN, '< ');
}

/** Case-insensitive containment, the keyword already folded with fold(). */
export function fold(text: string): string {
  return text.toLowerCase();
}

export function includesFolded(text: string, folded: string): boolean {
  return fold(text).includes(folded);
}

const EXCERPT_SIDE = 40;

/**
 * About 40 characters either side of the first match (whitespace collapsed), with "…" where cut;
 * the text's start when there is no match.
 */
export function excerpt(text: string, folded: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const at = fold(flat).indexOf(folded);
  const start = Math.max(0, (at < 0 ? 0 : at) - EXCERPT_SIDE);
  const end = Math.min(flat.length, (at < 0 ? 0 : at + folded.length) + EXCERPT_SIDE);
  return withoutTags(`${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`);
}
