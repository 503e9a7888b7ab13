// Inline styles of rich text, read into a React style object (set through the DOM, which the
// page's CSP allows, where a `style` attribute would be refused). Only the declarations the
// server's sanitiser keeps (server/domain/rich-text.ts), with values of the same shapes.
import type { CSSProperties } from 'react';

const COLOR = /^(#[0-9a-f]{3,8}|rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\)|[a-z]{3,20})$/i;

const ALLOWED: Record<string, { prop: keyof CSSProperties; value: RegExp }> = {
  color: { prop: 'color', value: COLOR },
  'background-color': { prop: 'backgroundColor', value: COLOR },
  'text-align': { prop: 'textAlign', value: /^(left|right|center|justify)$/ },
  'font-weight': { prop: 'fontWeight', value: /^(bold|normal|\d{3})$/ },
  'font-style': { prop: 'fontStyle', value: /^(italic|normal)$/ },
  'text-decoration': { prop: 'textDecoration', value: /^(underline|line-through|none)$/ },
  'font-size': { prop: 'fontSize', value: /^\d{1,3}(px|%|em|rem)$/ },
};

export function parseStyle(text: string | null): CSSProperties | undefined {
  if (!text) return undefined;
  const out: Record<string, string> = {};
  for (const decl of text.split(';')) {
    const i = decl.indexOf(':');
    if (i < 0) continue;
    const name = decl.slice(0, i).trim().toLowerCase();
    const value = decl.slice(i + 1).trim();
    const rule = Object.hasOwn(ALLOWED, name) ? ALLOWED[name] : undefined;
    if (rule && rule.value.test(value)) out[rule.prop] = value;
  }
  return Object.keys(out).length ? (out as CSSProperties) : undefined;
}

/** Links may only go to the web, mail or phone; anything else (javascript:, data:) is dropped. */
export function safeHref(href: string | null): string | undefined {
  if (!href) return undefined;
  const h = href.trim();
  return /^(https?:|mailto:|tel:)/i.test(h) ? h : undefined;
}

/** Images from the web or inline raster data only. */
export function safeImageSrc(src: string | null): string | undefined {
  if (!src) return undefined;
  const s = src.trim();
  return /^(https?:|\/)/i.test(s) && !s.startsWith('//') ? s : /^data:image\/(png|jpeg|gif|webp);/i.test(s) ? s : undefined;
}
