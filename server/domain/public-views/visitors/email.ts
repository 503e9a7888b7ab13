// A visitor's address as Engawa keeps and compares it: trimmed, NFC, lower-case, one plain ASCII
// address (no display name, list, space or look-alike letters from other scripts: P10). Both the
// registered list and the e-mail session hold this form, and MyPage matches it exactly.
import { isPlainAddress } from '../../../mail/address.js';

export function normalizeEmail(raw: string): string | null {
  const v = raw.normalize('NFC').trim().toLowerCase();
  if (!/^[\x21-\x7e]+$/.test(v) || !isPlainAddress(v)) return null;
  return v;
}
