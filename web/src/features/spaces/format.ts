// Pure helpers of the spaces area: dates in the reader's time zone (kintone's 2025-04-01 14:05),
// the addresses of an invitation box, where a notification leads, and member lists' rules.
import type { NotificationJson } from '../../../../common/api/notifications.js';

/** `2025-04-01 14:05` in the time zone; the ISO text itself when it is not a date. */
export function formatDateTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  } catch {
    return formatDateTime(iso, 'UTC');
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** Addresses typed one per line, or separated by commas, semicolons or spaces; duplicates once. */
export function parseEmails(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[\s,;、，]+/)) {
    const email = raw.trim();
    if (!email) continue;
    const key = email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(email);
  }
  return out;
}

/** A space's page address: guest spaces live under `/guest/<id>`. */
export function spacePage(spaceId: string, isGuest: boolean, rest = ''): string {
  return isGuest ? `/guest/${encodeURIComponent(spaceId)}${rest}` : `/space/${encodeURIComponent(spaceId)}${rest}`;
}

/** An app's page address in its place (`guestSpaceOf` answers the guest space an app lives in). */
export function appPage(appId: string, guestSpaceId: string | null | undefined, rest = ''): string {
  const base = `/app/${encodeURIComponent(appId)}${rest}`;
  return guestSpaceId ? `/guest/${encodeURIComponent(guestSpaceId)}${base}` : base;
}

/**
 * Where a notification leads: its thread (and comment), its record (and comment), or its app.
 * `guestSpaces` are the ids of the guest spaces the reader knows; `appSpace` tells the guest
 * space an app lives in, when known. Null when it leads nowhere (licence notices).
 */
export function notificationLink(n: NotificationJson, guestSpaces: ReadonlySet<string>, appSpace: (appId: string) => string | null): string | null {
  if (n.space && n.thread) {
    const base = spacePage(n.space.id, guestSpaces.has(n.space.id), `/thread/${encodeURIComponent(n.thread.id)}`);
    return n.comment ? `${base}#comment-${encodeURIComponent(n.comment.id)}` : base;
  }
  if (n.app) {
    const guest = appSpace(n.app.id);
    if (n.record) {
      const base = appPage(n.app.id, guest, `/show/${encodeURIComponent(n.record.id)}`);
      return n.comment ? `${base}#comment-${encodeURIComponent(n.comment.id)}` : base;
    }
    return appPage(n.app.id, guest);
  }
  return null;
}

export interface EditableMember {
  type: 'USER' | 'GROUP' | 'ORGANIZATION';
  code: string;
  name: string;
  isAdmin: boolean;
  includeSubs: boolean;
}

/** What keeps a member list from being saved: none listed, or no administrator among them. */
export function memberListProblem(members: readonly EditableMember[]): 'noMembers' | 'oneAdmin' | null {
  if (members.length === 0) return 'noMembers';
  if (!members.some((m) => m.isAdmin)) return 'oneAdmin';
  return null;
}

/** Adds a member once (type and code, case-insensitive); a new user is not an administrator. */
export function addMember(members: readonly EditableMember[], m: Omit<EditableMember, 'isAdmin' | 'includeSubs'>): EditableMember[] {
  if (members.some((x) => x.type === m.type && x.code.toLowerCase() === m.code.toLowerCase())) return [...members];
  return [...members, { ...m, isAdmin: false, includeSubs: false }];
}
