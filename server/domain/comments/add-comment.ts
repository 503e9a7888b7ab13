// POST record/comment.json: a comment on a record the caller may view, numbered per record.
import { EVERYONE } from '../../../common/api/acl.js';
import type { Mention, MentionType } from '../../../common/api/comments.js';
import { insertComment, nextCommentId } from '../../storage/comments.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { TABLE_OF } from '../records/entities.js';
import { commentAdded } from './comment-added.js';
import { guestSpaceOf, spacePeople } from '../spaces/space-access.js';
import { spaceMemberRefs } from '../../storage/threads.repo.js';
import { authorId, commentedRecord } from './commented-record.js';

export interface NewComment {
  text: string;
  mentions?: Mention[];
}

const TABLE_BY_TYPE = { USER: TABLE_OF.user, GROUP: TABLE_OF.group, ORGANIZATION: TABLE_OF.organization } as const;

export async function addComment(ctx: Ctx, appId: number, recordId: number, comment: NewComment): Promise<number> {
  const { key, schema } = await commentedRecord(ctx, appId, recordId);
  const mentions = await existingMentions(ctx, comment.mentions ?? [], await guestSpaceOf(ctx, schema.directoryVersion, schema.app.spaceId), schema.directoryVersion);
  const stored = { id: await nextCommentId(ctx.db, key), text: comment.text, mentions, creatorId: authorId(ctx), createdAt: ctx.now };
  await insertComment(ctx.db, key, stored);
  await commentAdded(ctx, { appId, recordId, commentId: stored.id, authorId: stored.creatorId, text: stored.text, mentions });
  // Pages showing the record hear of it (domain/live/sift.ts tells only those who may read it).
  ctx.events.publish({ kind: 'record.comment', appId, recordId, commentId: stored.id, action: 'added' });
  return stored.id;
}

/**
 * The mentions with each code as the directory spells it. Every one must name a user,
 * department or group of the domain (the built-in Everyone group included); otherwise CB_VA01
 * names each that does not, and nothing is stored. In a guest space's apps only the space's
 * own people — and groups and departments that are its members — may be mentioned, and a guest
 * mentions no group or department: anything else is answered like a code that does not exist
 * (probe G9).
 */
async function existingMentions(ctx: Ctx, mentions: Mention[], guestSpace: number | null, version: number): Promise<Mention[]> {
  if (mentions.length === 0) return [];
  const found: Record<MentionType, Map<string, string>> = { USER: new Map(), GROUP: new Map([[EVERYONE, EVERYONE]]), ORGANIZATION: new Map() };
  for (const type of Object.keys(TABLE_BY_TYPE) as MentionType[]) {
    const keys = [...new Set(mentions.filter((m) => m.type === type).map((m) => codeKey(m.code)))].filter((k) => !found[type].has(k));
    if (keys.length === 0) continue;
    const rows = await ctx.db.selectFrom(TABLE_BY_TYPE[type]).select(['code', 'codeKey']).where('domainId', '=', ctx.actor.domainId).where('codeKey', 'in', keys).execute();
    for (const r of rows) found[type].set(r.codeKey, r.code);
  }
  if (guestSpace !== null || ctx.actor.kind === 'guest') {
    const people = guestSpace === null ? new Set<string>() : await spacePeople(ctx, version, guestSpace, [...found.USER.keys()]);
    for (const k of [...found.USER.keys()]) if (!people.has(k)) found.USER.delete(k);
    if (ctx.actor.kind === 'guest') {
      found.GROUP.clear();
      found.ORGANIZATION.clear();
    } else if (guestSpace !== null) {
      // Groups and departments only where they are members of the space, as in its threads.
      const members = new Set(
        (await spaceMemberRefs(ctx.db, ctx.actor.domainId, guestSpace)).flatMap((m) => (m.type === 'USER' || !m.code ? [] : [`${m.type}:${codeKey(m.code)}`])),
      );
      for (const type of ['GROUP', 'ORGANIZATION'] as const) {
        for (const k of [...found[type].keys()]) if (!members.has(`${type}:${k}`)) found[type].delete(k);
      }
    }
  }
  const problems: Record<string, FieldProblem[]> = {};
  const canonical = mentions.map((m, i) => {
    const code = found[m.type].get(codeKey(m.code));
    if (code === undefined) problems[`comment.mentions[${i}].code`] = [{ key: 'aclEntityNotFound' }];
    return { code: code ?? m.code, type: m.type };
  });
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });
  return canonical;
}
