// How a field's value reads on screen (glossary §2.8): numbers with the field's decimals cut (not
// rounded), thousands separators and unit; dates as 2025-04-01, times 14:05, date-times in the
// viewer's time zone without seconds; calculated durations as hours:minutes or days. Pure.

export interface NumberFormat {
  /** 桁区切りを表示する: thousands separators. */
  digit?: boolean;
  /** Decimal places to show ("" = as stored). */
  displayScale?: string;
  unit?: string;
  unitPosition?: 'BEFORE' | 'AFTER' | string;
}

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/** `1234.567` with scale 2 and separators → `1,234.56` (cut, as kintone's display does). */
export function formatNumber(value: string, f: NumberFormat): string {
  if (value === '') return '';
  const m = NUMBER_TEXT.exec(value.trim());
  if (!m) return value;
  const [, sign, int, frac = ''] = m;
  const scale = f.displayScale === undefined || f.displayScale === '' ? null : Number(f.displayScale);
  const shownFrac = scale === null ? frac : frac.slice(0, scale).padEnd(scale, '0');
  const intPart = f.digit ? int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int!;
  const negative = sign === '-' && /[1-9]/.test(int! + shownFrac);
  const n = `${negative ? '-' : ''}${intPart}${shownFrac ? `.${shownFrac}` : ''}`;
  if (!f.unit) return n;
  return f.unitPosition === 'AFTER' ? `${n}${f.unit}` : `${f.unit}${n}`;
}

const parts = (date: Date, timeZone: string) => {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(date)) out[p.type] = p.value;
  return out;
};

/** A UTC instant (`2026-04-01T05:05:00Z`) as `2026-04-01 14:05` in the zone; bad text as given. */
export function formatDateTime(value: string, timeZone: string): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const p = safeParts(d, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The calendar date of an instant in the zone: `2026-04-01`. */
export function dateInZone(value: string | Date, timeZone: string): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  const p = safeParts(d, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

function safeParts(d: Date, timeZone: string): Record<string, string> {
  try {
    return parts(d, timeZone);
  } catch {
    return parts(d, 'UTC'); // an unknown zone name: UTC rather than nothing
  }
}

/** Minutes east of UTC the zone is at `instant` (Tokyo: 540). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const p = safeParts(instant, timeZone);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** A wall-clock `2026-04-01T14:05` in the zone as the UTC instant kintone stores (`…Z`). */
export function zonedToUtc(local: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return '';
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // Two passes settle a guess that crossed a daylight-saving change.
  let t = guess - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  t = guess - zoneOffsetMinutes(new Date(t), timeZone) * 60_000;
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The inverse: a UTC instant as the zone's wall clock for a datetime-local input. */
export function utcToZoned(value: string, timeZone: string): string {
  const d = new Date(value);
  if (!value || Number.isNaN(d.getTime())) return '';
  const p = safeParts(d, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** A file size in bytes as people read it. */
export function formatSize(bytes: string | number): string {
  const n = Number(bytes);
  if (!Number.isFinite(n)) return String(bytes);
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A calculated DAY_HOUR_MINUTE value (`25:01`) split into days, hours and minutes. */
export function durationParts(value: string): { negative: boolean; days: number; hours: number; minutes: number } | null {
  const m = /^(-?)(\d+):(\d{2})$/.exec(value);
  if (!m) return null;
  const total = Number(m[2]);
  return { negative: m[1] === '-', days: Math.floor(total / 24), hours: total % 24, minutes: Number(m[3]) };
}
