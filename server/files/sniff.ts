// What a file is, decided from its first bytes rather than from what the uploader declared: a
// `.png` holding HTML must not come back as something a browser renders (F3). Only a handful
// of formats matter; everything else is stored as declared (if inert) and served as bytes.

/** How many leading bytes the upload keeps for sniffing: enough to see an OOXML zip's first entries. */
export const SNIFF_BYTES = 16 * 1024;

export const OCTET_STREAM = 'application/octet-stream';

const RASTER = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

const OOXML = {
  'word/': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'xl/': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'ppt/': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
} as const;

const LEGACY_OFFICE = new Set(['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint']);

/** Types we recognise by signature: a declared one of these without the signature is a lie. */
const SNIFFABLE = new Set([
  ...RASTER,
  'application/pdf',
  'application/zip',
  ...Object.values(OOXML),
  ...LEGACY_OFFICE,
]);

/** Served with their own type; anything else goes out as application/octet-stream. */
const SERVABLE = new Set([...SNIFFABLE, 'text/plain', 'text/csv']);

function startsWith(head: Uint8Array, bytes: number[], offset = 0): boolean {
  if (head.length < offset + bytes.length) return false;
  return bytes.every((b, i) => head[offset + i] === b);
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/** The type the leading bytes prove, or null. `declared` only refines a zip or an OLE file. */
export function sniffType(head: Uint8Array, declared = ''): string | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return zipType(head, declared);
  // Compound File Binary: .doc, .xls and .ppt (and .msg, .msi…); only the declared type can tell them apart.
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return LEGACY_OFFICE.has(declared) ? declared : OCTET_STREAM;
  }
  return null;
}

/**
 * An OOXML document is a zip whose entries live under word/, xl/ or ppt/. When those entries
 * lie beyond the sniffed head, a declared OOXML type is believed: it is as inert as a zip.
 */
function zipType(head: Uint8Array, declared: string): string {
  for (const name of zipEntryNames(head)) {
    for (const [prefix, type] of Object.entries(OOXML)) if (name.startsWith(prefix)) return type;
  }
  return (Object.values(OOXML) as string[]).includes(declared) ? declared : 'application/zip';
}

/** Names of the local file headers within `head` (entries may use data descriptors, so scan). */
function zipEntryNames(head: Uint8Array): string[] {
  const names: string[] = [];
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  for (let i = 0; i + 30 <= head.length; i++) {
    if (head[i] !== 0x50 || head[i + 1] !== 0x4b || head[i + 2] !== 0x03 || head[i + 3] !== 0x04) continue;
    const length = view.getUint16(i + 26, true);
    if (i + 30 + length > head.length) break;
    names.push(String.fromCharCode(...head.subarray(i + 30, i + 30 + length)));
    i += 29 + length;
  }
  return names;
}

/** A syntactically plain `type/subtype`, lower-cased, without parameters; else null. */
function normaliseDeclared(declared: string | undefined): string | null {
  const t = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(t) ? t : null;
}

/** Types a browser would run or render as a document: HTML, SVG, XML, script and kin. */
export function isActiveType(type: string): boolean {
  return /html|xml|svg|script|xsl|shockwave|x-mixed-replace|^text\/css$/.test(type);
}

/**
 * The type stored for an upload: the sniffed one; else the declared one if it is inert and not
 * a format we would have recognised; else application/octet-stream.
 */
export function detectContentType(head: Uint8Array, declared: string | undefined): string {
  const d = normaliseDeclared(declared);
  const sniffed = sniffType(head, d ?? '');
  if (sniffed) return sniffed;
  if (!d || isActiveType(d) || SNIFFABLE.has(d)) return OCTET_STREAM;
  return d;
}

/**
 * How a stored file goes out: only allowlisted types keep their own, and only a raster image —
 * which the stored type says only after its signature was seen — may be shown inline.
 */
export function servedAs(storedType: string): { contentType: string; disposition: 'inline' | 'attachment' } {
  return {
    contentType: SERVABLE.has(storedType) ? storedType : OCTET_STREAM,
    disposition: RASTER.has(storedType) ? 'inline' : 'attachment',
  };
}
