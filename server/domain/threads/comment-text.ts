// A thread comment's text as it is shown (GET comments, the inbox, mail): kintone puts the
// mentioned names in front of the text, without their `@`, then a space and a line break, as
// for record comments. A name no longer in the directory shows as its code.
import { EVERYONE } from '../../../common/api/acl.js';
import type { Mention, MentionType } from '../../../common/api/comments.js';
import { codeKey } from '../../storage/users.repo.js';
import type { Names } from '../directory/cache.js';
import type { Kind } from '../records/entities.js';

export const KIND_OF_MENTION: Record<MentionType, Kind> = { USER: 'user', GROUP: 'group', ORGANIZATION: 'organization' };

export function shownText(c: { text: string; mentions: Mention[] }, names: Names): string {
  if (c.mentions.length === 0) return c.text;
  const shown = c.mentions.map((m) => names.name(KIND_OF_MENTION[m.type], m.code) ?? (m.type === 'GROUP' && codeKey(m.code) === EVERYONE ? 'Everyone' : m.code));
  return `${shown.join(' ')} \n${c.text}`;
}

/** The codes to look names up for, per kind, lower-cased. */
export function mentionCodes(comments: Iterable<{ mentions: Mention[] }>): Record<Kind, Set<string>> {
  const codes: Record<Kind, Set<string>> = { user: new Set(), organization: new Set(), group: new Set() };
  for (const c of comments) for (const m of c.mentions) codes[KIND_OF_MENTION[m.type]].add(codeKey(m.code));
  return codes;
}

/** A person as kintone shows one: code and today's name (the code when the name is gone). */
export function personOf(id: number, names: Names): { code: string; name: string } {
  const code = names.userCode(id);
  return { code, name: (code && names.name('user', code)) || code };
}
