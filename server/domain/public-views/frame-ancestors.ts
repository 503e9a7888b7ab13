// Which sites may show a view's visitor page in a frame (CSP `frame-ancestors`). The default,
// like every page of ours, is 'none'; a manager lists the https origins of the sites that embed
// the view. Each entry is checked and normalised to an origin (scheme, host, port: no path, query,
// credentials or wildcard), so nothing but an origin ever reaches the header.
import { MAX_FRAME_ANCESTORS } from '../../../common/api/public-views.js';
import { AppError, type FieldProblem } from '../app-error.js';

/** One https origin, normalised (`https://example.com`, `https://example.com:8443`); null otherwise. */
export function frameOrigin(entry: string): string | null {
  const text = entry.trim();
  if (text.length > 200 || !/^https:\/\/[^/?#@\s*]+\/?$/i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.hostname === '') return null;
  // URL has already turned an international name into its ASCII form; the origin is all CSP needs.
  return /^https:\/\/[a-z0-9.\-[\]:]+$/.test(url.origin) ? url.origin : null;
}

/** The manager's list, each entry an https origin; refused whole, naming each bad entry. */
export function checkFrameAncestors(entries: readonly string[]): string[] {
  const errors: Record<string, FieldProblem[]> = {};
  const out: string[] = [];
  entries.forEach((e, i) => {
    const origin = frameOrigin(e);
    if (origin === null) errors[`frameAncestors[${i}]`] = [{ key: 'invalid' }];
    else if (!out.includes(origin)) out.push(origin);
  });
  if (entries.length > MAX_FRAME_ANCESTORS) errors.frameAncestors = [{ key: 'tooMany', params: { n: MAX_FRAME_ANCESTORS } }];
  if (Object.keys(errors).length) throw new AppError('CB_VA01', { errors });
  return out;
}

/** The page's Content-Security-Policy with `frame-ancestors` naming `origins` instead of 'none'. */
export function withFrameAncestors(csp: string, origins: readonly string[]): string {
  const directive = `frame-ancestors ${origins.join(' ')}`;
  const kept = csp
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !/^frame-ancestors(\s|$)/i.test(d));
  return [...kept, directive].join(';');
}
