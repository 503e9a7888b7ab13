// A mail's HTML made fit for a sandboxed srcdoc frame. The frame inherits this page's Content-
// Security-Policy, which refuses inline styles and outside images: left in, they would only show
// as violations (the frame's safety comes from sandbox="", not from this). DOMParser builds an
// inert document (nothing runs, nothing loads) but still reports inline styles, so those go first.
const DROP = 'script, style, link, meta, base, iframe, frame, object, embed, form, input, button, textarea, select';

/** Style attributes and elements, taken out before the HTML is parsed here (parsing applies the policy). */
const INLINE_STYLE = /\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
const STYLE_ELEMENT = /<style\b[\s\S]*?<\/style\s*>/gi;

/** The HTML without style elements and style attributes (a `data-style` attribute stays). */
export function withoutInlineStyles(html: string): string {
  return html.replace(STYLE_ELEMENT, '').replace(INLINE_STYLE, '');
}

export function safeMailHtml(html: string): string {
  const doc = new DOMParser().parseFromString(withoutInlineStyles(html), 'text/html');
  for (const el of doc.querySelectorAll(DROP)) el.remove();
  for (const img of doc.querySelectorAll('img')) {
    if (!img.getAttribute('src')?.startsWith('data:')) img.replaceWith(doc.createTextNode(img.getAttribute('alt') ?? ''));
  }
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      if (attr.name === 'style' || attr.name.startsWith('on') || attr.name === 'srcset') el.removeAttribute(attr.name);
    }
  }
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>${doc.body.innerHTML}</body></html>`;
}
