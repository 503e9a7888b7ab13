// Rich text (sanitised by the server when it was saved) drawn as React elements from an allowlist
// of tags and attributes: nothing is ever handed to innerHTML, so even a value that slipped past
// the server cannot run script, and inline styles are set through the DOM (CSP-safe).
import { type ReactNode, createElement, useMemo } from 'react';
import { parseStyle, safeHref, safeImageSrc } from './rich-style';

const TAGS = new Set([
  'a', 'b', 'blockquote', 'br', 'code', 'div', 'em', 'h1', 'h2', 'h3', 'h4', 'hr', 'i', 'img', 'li', 'ol', 'p',
  'pre', 's', 'span', 'strike', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'u', 'ul',
]);
/** Dropped with everything inside them. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'title', 'head']);
const VOID = new Set(['br', 'hr', 'img']);

function convert(node: Node, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  if (DROPPED.has(tag)) return null;
  const children = VOID.has(tag) ? undefined : Array.from(el.childNodes, convert);
  if (!TAGS.has(tag) && tag !== 'font') return children ? createElement('span', { key }, ...children) : null;
  const props: Record<string, unknown> = { key };
  let style = parseStyle(el.getAttribute('style'));
  let name = tag;
  if (tag === 'font') {
    name = 'span';
    const color = parseStyle(`color: ${el.getAttribute('color') ?? ''}`);
    if (color) style = { ...color, ...style };
  }
  if (style) props.style = style;
  if (tag === 'a') {
    const href = safeHref(el.getAttribute('href'));
    if (href) Object.assign(props, { href, target: '_blank', rel: 'noopener noreferrer' });
  }
  if (tag === 'img') {
    const src = safeImageSrc(el.getAttribute('src'));
    if (!src) return null;
    Object.assign(props, { src, alt: el.getAttribute('alt') ?? '' });
    for (const a of ['width', 'height']) {
      const v = el.getAttribute(a);
      if (v && /^\d{1,4}$/.test(v)) props[a] = Number(v);
    }
  }
  if (tag === 'td' || tag === 'th') {
    for (const [a, p] of [['colspan', 'colSpan'], ['rowspan', 'rowSpan']] as const) {
      const v = el.getAttribute(a);
      if (v && /^\d{1,3}$/.test(v)) props[p] = Number(v);
    }
  }
  return children ? createElement(name, props, ...children) : createElement(name, props);
}

export function RichText({ html, className }: { html: string; className?: string }) {
  const nodes = useMemo(() => {
    // DOMParser's document is inert: no script runs and no image loads while it is read.
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return Array.from(doc.body.childNodes, convert);
  }, [html]);
  return <div className={className ?? 'rich-text'}>{nodes}</div>;
}

/** The words of rich text, for a list cell. */
export function richTextPlain(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}
