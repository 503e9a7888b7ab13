// The page a browser gets when access restrictions refuse it: the same code, message and id as
// the JSON answer, readable, with nothing from the request echoed back.
import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../../common/access.js';

/** A plain page load (GET of something that is not an API), from a browser. */
export function wantsPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  if (path.endsWith('.json') || path.startsWith('/api/')) return false;
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.includes('text/html');
}

const TITLE: Record<Locale, string> = { ja: 'アクセスできません', en: 'Access refused' };
const HINT: Record<Locale, string> = {
  ja: '心当たりがない場合は、管理者にこのエラーIDを伝えてください。',
  en: 'If this is unexpected, give this error id to your administrator.',
};

/** Refusals an administrator can lift with a mailed link (web: /allow-list-reset asks for one). */
const LIFTABLE = new Set(['CB_IP01', 'CB_BA01', 'CB_CE01']);
const LIFT: Record<Locale, string> = {
  ja: 'IPアドレス制限でログインできない管理者の方: 解除用のリンクをメールで受け取る',
  en: 'Administrator locked out by the IP address restriction? Get a link by e-mail',
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The HTML page for a kintone error body (`{code, id, message}` as JSON text). */
export function blockedPage(json: string, locale: Locale): string {
  let body: { code?: unknown; id?: unknown; message?: unknown } = {};
  try {
    body = JSON.parse(json) as typeof body;
  } catch {
    // Not ours to render: show the title alone.
  }
  const text = (v: unknown) => escapeHtml(typeof v === 'string' ? v : '');
  return [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${TITLE[locale]} — Engawa</title></head>`,
    `<body><main><h1>${TITLE[locale]}</h1>`,
    `<p>${text(body.message)}</p>`,
    `<p><small>${HINT[locale]} ${text(body.code)} / ${text(body.id)}</small></p>`,
    ...(typeof body.code === 'string' && LIFTABLE.has(body.code) ? [`<p><a href="/allow-list-reset">${LIFT[locale]}</a></p>`] : []),
    '</main></body></html>',
  ].join('\n');
}
