// HTML mail bodies are built from strings, so every interpolated value goes through
// escapeHtml: a user's name or an administrator's note must never become markup in someone
// else's mail client.
import type { MailLocale } from './templates/types.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Plain text as HTML: escaped, blank lines become paragraphs and single newlines <br>. */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p style="margin:0 0 16px">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** A button-like link; the href is escaped like any other attribute value. */
export function linkButton(url: string, label: string): string {
  return (
    `<p style="margin:24px 0"><a href="${escapeHtml(url)}" ` +
    'style="display:inline-block;padding:10px 20px;background:#2f6f4f;color:#ffffff;' +
    `text-decoration:none;border-radius:4px">${escapeHtml(label)}</a></p>`
  );
}

/**
 * The frame every message shares. `bodyHtml` must already be safe (built with the helpers
 * above); `title` is escaped here. Inline styles only: most mail clients drop <style>.
 */
export function layout(locale: MailLocale, title: string, bodyHtml: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}">`,
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f4f4f1">',
    '<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;color:#222222;' +
      'font-family:-apple-system,BlinkMacSystemFont,\'Segoe UI\',\'Hiragino Sans\',Meiryo,sans-serif;' +
      'font-size:15px;line-height:1.7">',
    bodyHtml,
    '<hr style="border:none;border-top:1px solid #dddddd;margin:24px 0 12px">',
    '<p style="margin:0;color:#777777;font-size:12px">Engawa</p>',
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}
