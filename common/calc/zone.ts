// Wall-clock time in an IANA zone, through Intl so the same code runs in Node and the browser.

import { pad, utcSeconds, type Civil } from './time.js';

export interface Zoned extends Civil {
  /** Seconds east of UTC at that instant. */
  offset: number;
  /** The zone's canonical id, as Intl resolved it. */
  zone: string;
}

// Building a formatter is costly and zone ids may come from record data, so the cache is capped.
const MAX_CACHED = 64;
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(zone: string): Intl.DateTimeFormat | null {
  const hit = formatters.get(zone);
  if (hit !== undefined) return hit;
  let f: Intl.DateTimeFormat | null;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    f = null;
  }
  if (formatters.size < MAX_CACHED) formatters.set(zone, f);
  return f;
}

/** `null` when the zone is unknown. */
export function zoned(seconds: number, zone: string): Zoned | null {
  if (zone.length === 0 || zone.length > 64) return null;
  const f = formatter(zone);
  if (!f) return null;
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(seconds * 1000))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const c: Civil = {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    // Some ICU versions print midnight as 24 even with h23.
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
  const offset = utcSeconds(c.year, c.month, c.day, c.hour, c.minute, c.second) - seconds;
  return { ...c, offset, zone: f.resolvedOptions().timeZone };
}

/** `+0900`, or `+09:00` with `colon`. */
export function formatOffset(offset: number, colon: boolean): string {
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(offset) / 60);
  return `${sign}${pad(Math.floor(minutes / 60))}${colon ? ':' : ''}${pad(minutes % 60)}`;
}
