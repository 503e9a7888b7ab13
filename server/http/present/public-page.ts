// The small page a browser gets when a public view cannot be shown — busy, not found, locked,
// refused — in the visitor's language, with the same code and id as the JSON answer and nothing
// from the request echoed back. The page refreshes itself when the view was only busy.
import type { Locale } from '../../../common/access.js';
import type { ErrorBody } from '../../../common/errors.js';

const TITLES: Record<number, Record<Locale, string>> = {
  429: { ja: 'ただいま混み合っています', en: 'Busy right now' },
  404: { ja: 'ページが見つかりません', en: 'Page not found' },
  401: { ja: 'パスワードが必要です', en: 'Password needed' },
  403: { ja: 'アクセスできません', en: 'Access refused' },
};
const FALLBACK: Record<Locale, string> = { ja: 'ページを表示できません', en: 'This page cannot be shown' };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function visitorErrorPage(body: ErrorBody, status: number, locale: Locale, retryAfterSeconds?: number): string {
  const title = (TITLES[status] ?? {})[locale] ?? FALLBACK[locale];
  const refresh = status === 429 && retryAfterSeconds ? `<meta http-equiv="refresh" content="${Math.min(Math.max(retryAfterSeconds, 1), 600)}">` : '';
  return [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="robots" content="noindex">${refresh}<title>${escapeHtml(title)}</title></head>`,
    `<body><main><h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(body.message)}</p>`,
    `<p><small>${escapeHtml(body.code)} / ${escapeHtml(body.id)}</small></p>`,
    '</main></body></html>',
  ].join('\n');
}
