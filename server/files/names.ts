// File names come from the uploader and end up in other people's download dialogs and in a
// response header. They never name anything on our disk (bytes are stored by generated id), so
// the aim here is a name that cannot mislead a reader or break a header (F4).

export const MAX_NAME_LENGTH = 255;
const FALLBACK_NAME = 'file';
/** An extension longer than this is more likely part of the name, and is not kept whole. */
const MAX_KEPT_EXTENSION = 16;

// C0/C1 controls, soft hyphen, and the invisible format characters that reorder or hide text:
// bidi embeddings and overrides (RLO makes `evil<RLO>gpj.exe` read as `evilexe.jpg`), isolates,
// marks, zero-width characters, the BOM and interlinear annotation controls.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- matching these one by one is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A display name: last path segment, no invisible characters, NFC, at most 255 characters. */
export function sanitiseFileName(raw: string): string {
  let name = raw.replace(LONE_SURROGATE, '\ufffd').normalize('NFC');
  // Old browsers send the whole client path (`C:\Users\me\a.txt`); only the last segment names the file.
  name = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  name = name.replace(INVISIBLE, '');
  // Leading and trailing blanks hide in a dialog; Windows drops trailing dots itself.
  name = name.trim().replace(/[.\s]+$/u, '');
  if (name === '') return FALLBACK_NAME;
  return truncate(name);
}

function truncate(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= MAX_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (ext.length === 0 || ext.length > MAX_KEPT_EXTENSION) return chars.slice(0, MAX_NAME_LENGTH).join('');
  const stem = chars.slice(0, chars.length - ext.length);
  return stem.slice(0, MAX_NAME_LENGTH - ext.length).join('') + ext.join('');
}

/**
 * RFC 6266 Content-Disposition: an ASCII `filename` for old clients and the exact name as
 * RFC 8187 `filename*`. Neither can carry a quote, a backslash, a control character or a
 * separator that would end the header value early.
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const clean = sanitiseFileName(name);
  const ascii = clean.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(clean)}`;
}

/** Percent-encodes all but RFC 8187 attr-chars (encodeURIComponent leaves `'()*` alone). */
function encodeRfc8187(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
