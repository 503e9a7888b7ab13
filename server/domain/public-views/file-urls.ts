// Attachment links for visitors (P5). A record's file key never leaves the server: a link names
// the record, the field and an opaque file id (a keyed hash of the file key), and carries an
// expiry and a signature over all of them and the view. The key is the view's signing key, kept
// in the database (every instance checks the same links) and replaced when the URL is
// regenerated, which retires every link made before.
import { createHmac } from 'node:crypto';
import { publicViewPath } from '../../../common/api/public-views.js';
import { safeEqual } from '../auth/secrets.js';

/** How long a link works: enough to open a page and click; cached pages live far shorter. */
export const FILE_LINK_SECONDS = 15 * 60;

const mac = (key: string, parts: Array<string | number>) => createHmac('sha256', key).update(parts.join('\0')).digest('base64url');

/** The file's id in links: the same for one file of one field of one record, unguessable. */
export function fileIdOf(signingKey: string, recordId: number, field: string, fileKey: string): string {
  return mac(signingKey, ['file', recordId, field, fileKey]).slice(0, 22);
}

function signature(view: { id: string; signingKey: string }, recordId: number, field: string, fileId: string, expires: number): string {
  return mac(view.signingKey, ['download', view.id, recordId, field, fileId, expires]);
}

/**
 * The link to one file, valid until at least FILE_LINK_SECONDS from `now` (rounded up to a
 * minute): under the view's URL token, or, for a manager's preview, at `previewAt` (a query).
 */
export function fileLink(view: { id: string; signingKey: string }, token: string, recordId: number, field: string, fileKey: string, now: Date, previewAt?: string): string {
  const expires = Math.ceil((now.getTime() / 1000 + FILE_LINK_SECONDS) / 60) * 60;
  const fileId = fileIdOf(view.signingKey, recordId, field, fileKey);
  const sig = signature(view, recordId, field, fileId, expires);
  if (previewAt !== undefined) return `${previewAt}&record=${recordId}&field=${encodeURIComponent(field)}&file=${fileId}&expires=${expires}&sig=${sig}`;
  return `${publicViewPath(token)}/files/${recordId}/${encodeURIComponent(field)}/${fileId}?expires=${expires}&sig=${sig}`;
}

/** Whether a link's parts are ones this view signed, and it has not expired. */
export function linkValid(
  view: { id: string; signingKey: string },
  link: { recordId: number; field: string; fileId: string; expires: number; sig: string },
  now: Date,
): boolean {
  if (!Number.isSafeInteger(link.expires) || link.expires * 1000 <= now.getTime()) return false;
  return safeEqual(link.sig, signature(view, link.recordId, link.field, link.fileId, link.expires));
}
