// Who a thread comment may mention. Stricter than a record comment's (which may name anyone in
// the directory), because a mention must not become a way to learn who exists (probes G9, G16):
// - only people who may read the thread: in a private or guest space its members and guests (not
//   a domain administrator who is neither); in a public space any active user (never a guest of
//   elsewhere);
// - a group or department: not by guests; in a private or guest space only one that is itself
//   a member of the space; in a public space any;
// - an unknown code and a refused one get the same CB_VA01 on their index, with the same words,
//   so the answer says nothing about whether the code exists.
import { EVERYONE } from '../../../common/api/acl.js';
import type { Mention } from '../../../common/api/comments.js';
import { fromDb } from '../../storage/dialect.js';
import { spaceMemberRefs } from '../../storage/threads.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import type { ThreadPlace } from './thread-access.js';
import { type PersonRow, readersAmong } from './thread-readers.js';
import { spacePeople } from '../spaces/space-access.js';

/** The mentions with each code as the directory spells it, or CB_VA01 naming every refused one. */
export async function allowedMentions(ctx: Ctx, place: ThreadPlace, mentions: Mention[]): Promise<Mention[]> {
  if (mentions.length === 0) return [];
  const domainId = ctx.actor.domainId;
  const keysOf = (type: Mention['type']) => [...new Set(mentions.filter((m) => m.type === type).map((m) => codeKey(m.code)))];

  const users = new Map<string, PersonRow>();
  const userKeys = keysOf('USER');
  if (userKeys.length) {
    const rows = await ctx.db
      .selectFrom('users')
      .select(['id', 'kind', 'code', 'codeKey', 'name', 'locale', 'isAdmin', 'valid'])
      .where('domainId', '=', domainId)
      .where('codeKey', 'in', userKeys)
      .execute();
    for (const r of rows) {
      users.set(r.codeKey, { id: Number(r.id), kind: r.kind, code: r.code, name: r.name, locale: r.locale, isAdmin: fromDb.bool(r.isAdmin), valid: fromDb.bool(r.valid) });
    }
  }
  const readers = await readersAmong(ctx, place.version, place.space, [...users.values()]);
  // In a closed space, its own people only: a domain administrator reads every space but is not
  // one of its people, and a mention must not tell a guest who the administrators are (G16).
  if (place.space.isGuest || place.space.isPrivate) {
    const ours = await spacePeople(ctx, place.version, place.space.id, [...users.keys()]);
    for (const [key, u] of users) if (!ours.has(key)) readers.delete(u.id);
  }

  const entities = ctx.actor.kind === 'guest' ? new Map<string, string>() : await mentionableEntities(ctx, place, keysOf('GROUP'), keysOf('ORGANIZATION'));

  const problems: Record<string, FieldProblem[]> = {};
  const canonical = mentions.map((m, i): Mention => {
    const key = codeKey(m.code);
    let code: string | undefined;
    if (m.type === 'USER') {
      const u = users.get(key);
      if (u && readers.has(u.id)) code = u.code;
    } else {
      code = entities.get(`${m.type}:${key}`);
    }
    if (code === undefined) problems[`comment.mentions[${i}].code`] = [{ key: 'aclEntityNotFound' }];
    return { code: code ?? m.code, type: m.type };
  });
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });
  return canonical;
}

/** `TYPE:codeKey` → code, for the groups and departments that may be mentioned in this space. */
async function mentionableEntities(ctx: Ctx, place: ThreadPlace, groupKeys: string[], orgKeys: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (groupKeys.length === 0 && orgKeys.length === 0) return out;
  const domainId = ctx.actor.domainId;
  if (groupKeys.includes(EVERYONE)) out.set(`GROUP:${EVERYONE}`, EVERYONE);
  const named = groupKeys.filter((k) => k !== EVERYONE);
  if (named.length) {
    const rows = await ctx.db.selectFrom('groups').select(['code', 'codeKey']).where('domainId', '=', domainId).where('codeKey', 'in', named).execute();
    for (const r of rows) out.set(`GROUP:${r.codeKey}`, r.code);
  }
  if (orgKeys.length) {
    const rows = await ctx.db.selectFrom('organizations').select(['code', 'codeKey']).where('domainId', '=', domainId).where('codeKey', 'in', orgKeys).execute();
    for (const r of rows) out.set(`ORGANIZATION:${r.codeKey}`, r.code);
  }
  if (!place.space.isGuest && !place.space.isPrivate) return out;
  // A closed space: only groups and departments that are members of it.
  const members = new Set((await spaceMemberRefs(ctx.db, domainId, place.space.id)).flatMap((m) => (m.code ? [`${m.type}:${codeKey(m.code)}`] : [])));
  for (const k of [...out.keys()]) if (!members.has(k)) out.delete(k);
  return out;
}
