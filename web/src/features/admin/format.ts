// How the administration screens write times, days and money (ui-glossary §2.8): times in the
// signed-in person's time zone as 2025-04-01 14:05, yen with thousands separators (¥1,234 in
// English, 1,234円 in Japanese), and the pager's 1 - 20（全 152 件）.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      f = formatterFor('UTC');
    }
    formatters.set(timeZone, f);
  }
  return f;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(date: Date, timeZone: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(date)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2025-04-01 14:05` in `timeZone`; an empty or unreadable value is shown as `—`. */
export function formatDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const w = wallClock(date, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant a day (`YYYY-MM-DD`) begins in `timeZone`, as ISO-8601 UTC: what a date filter
 * typed by a person in Tokyo means to the server. Found by correcting a first guess with the
 * zone's offset at that moment (twice, for a day that starts across an offset change).
 */
export function zonedDayStart(day: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  const target = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  let guess = target;
  for (let i = 0; i < 2; i++) {
    const w = wallClock(new Date(guess), timeZone);
    const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    guess += target - shown;
  }
  return new Date(guess).toISOString();
}

/** The day after `YYYY-MM-DD` (a date filter's "to" includes its whole day). */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Today in `timeZone`, `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now = new Date()): string {
  const w = wallClock(now, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

const numbers = new Intl.NumberFormat('en-US');

/** 1,234,567 (half-width digits in both languages). */
export function formatNumber(n: number): string {
  return numbers.format(n);
}

/** Yen: ¥1,234 in English, 1,234円 in Japanese; one unit, never both. */
export function formatYen(amount: number, lang: string): string {
  const digits = numbers.format(Math.abs(amount));
  const sign = amount < 0 ? '-' : '';
  return lang === 'ja' ? `${sign}${digits}円` : `${sign}¥${digits}`;
}

/** The pager's range: `1 - 20（全 152 件）` / `1 - 20 (of 152)`; `0 - 0` when empty. */
export function rangeText(offset: number, shown: number, total: number | null, lang: string): string {
  const first = shown === 0 ? 0 : offset + 1;
  const last = offset + shown;
  if (total === null) return `${formatNumber(first)} - ${formatNumber(last)}`;
  return lang === 'ja' ? `${formatNumber(first)} - ${formatNumber(last)}（全 ${formatNumber(total)} 件）` : `${formatNumber(first)} - ${formatNumber(last)} (of ${formatNumber(total)})`;
}
