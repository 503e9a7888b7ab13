// Date-times in the signed-in person's time zone. kintone stores and sends every DATETIME as a UTC
// instant (`2025-04-01T05:05:00Z`); the form shows and takes the wall-clock time of the person's
// 「タイムゾーン」 (`2025-04-01T14:05`, what <input type="datetime-local"> speaks).
import { canonicalDateTime, formatDateTime, localParts } from '../../../../../common/fields/scalars.js';

/** `2025-04-01T05:05:00Z` → `2025-04-01T14:05` in Asia/Tokyo; '' for nothing or junk. */
export function utcToLocalInput(value: string | null | undefined, timeZone: string): string {
  if (!value) return '';
  const canonical = canonicalDateTime(value);
  if (!canonical) return '';
  const { date, time } = localParts(new Date(canonical), timeZone);
  return `${date}T${time}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/** Minutes the zone is ahead of UTC at this instant. */
function offsetAt(at: number, timeZone: string): number {
  const { date, time } = localParts(new Date(at), timeZone);
  const wall = Date.parse(`${date}T${time}:00Z`);
  return Math.round((wall - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/**
 * `2025-04-01T14:05` in Asia/Tokyo → `2025-04-01T05:05:00Z`. A wall time that a daylight-saving
 * change skips or repeats resolves to the instant the zone's offset after the change gives, as
 * browsers do. Undefined for junk (so the server can say what is wrong with it).
 */
export function localInputToUtc(local: string, timeZone: string): string | undefined {
  const m = LOCAL.exec(local.trim());
  if (!m) return undefined;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (!Number.isFinite(wall)) return undefined;
  let guess = wall - offsetAt(wall, timeZone) * 60_000;
  // The offset at the guess may differ from the one at the wall time near a change: once more.
  guess = wall - offsetAt(guess, timeZone) * 60_000;
  return formatDateTime(new Date(guess));
}

/** Today's date and the time now in the zone, for "today"/"now" shortcuts. */
export function nowLocal(timeZone: string, now = new Date()): { date: string; time: string } {
  return localParts(now, timeZone);
}
