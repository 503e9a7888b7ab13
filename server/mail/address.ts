// A recipient is one plain address, never a display name or a list: whatever reaches the SMTP
// envelope must not be able to add a header (CR/LF) or a second recipient (",", ";", "<>").
import { z } from 'zod';

const email = z.email();

export function isPlainAddress(value: string): boolean {
  if (value.length > 254) return false;
  // z.email() already refuses these; spelling them out keeps the rule obvious if it changes.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u0020\u007f,;<>"]/.test(value)) return false;
  return email.safeParse(value).success;
}
