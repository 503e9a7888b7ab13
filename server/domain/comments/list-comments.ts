// GET record/comments.json: a page of a record's comments by number, with kintone's `older` and
// `newer` saying whether more lie on either side of it.
import { EVERYONE } from '../../../common/api/acl.js';
import { type CommentJson, type CommentsPage, MAX_COMMENTS_PER_PAGE, type MentionType } from '../../../common/api/comments.js';
import { type StoredComment, countComments, listComments as listStoredComments } from '../../storage/comments.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import type { Ctx } from '../context.js';
import { type Names, loadNames } from '../directory/cache.js';
import type { Kind } from '../records/entities.js';
import { commentedRecord } from './commented-record.js';

export interface CommentsQuery {
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

export async function listComments(ctx: Ctx, appId: number, recordId: number, q: CommentsQuery = {}): Promise<CommentsPage> {
  const { schema, key } = await commentedRecord(ctx, appId, recordId);
  const order = q.order ?? 'desc';
  const offset = q.offset ?? 0;
  const limit = q.limit ?? MAX_COMMENTS_PER_PAGE;
  const total = await countComments(ctx.db, key);
  const stored = await listStoredComments(ctx.db, key, order, offset, limit);
  // Comments before this page in the order asked for, and after it.
  const before = offset > 0 && total > 0;
  const after = offset + limit < total;
  const comments = await presentComments(ctx, schema.directoryVersion, stored);
  return order === 'desc' ? { comments, older: after, newer: before } : { comments, older: before, newer: after };
}

const KIND_OF: Record<MentionType, Kind> = { USER: 'user', GROUP: 'group', ORGANIZATION: 'organization' };

/** Comments as kintone answers them, with today's names of their authors and of those mentioned. */
async function presentComments(ctx: Ctx, directoryVersion: number, stored: StoredComment[]): Promise<CommentJson[]> {
  if (stored.length === 0) return [];
  const codes: Record<Kind, Set<string>> = { user: new Set(), organization: new Set(), group: new Set() };
  for (const c of stored) for (const m of c.mentions) codes[KIND_OF[m.type]].add(codeKey(m.code));
  const authors = new Set(stored.map((c) => c.creatorId).filter((id) => id > 0));
  const names = await loadNames(ctx, directoryVersion, codes, authors);
  return stored.map((c) => ({
    id: String(c.id),
    text: withMentions(c, names),
    createdAt: c.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    creator: creatorOf(c.creatorId, names),
    mentions: c.mentions.map((m) => ({ code: m.code, type: m.type })),
  }));
}

function creatorOf(id: number, names: Names): { code: string; name: string } {
  if (id === 0) return { code: 'Administrator', name: 'Administrator' };
  const code = names.userCode(id);
  return { code, name: (code && names.name('user', code)) || code };
}

/**
 * kintone puts the mentioned names in front of the text, without their `@`, then a space and a
 * line break: `Sato Sales \nPlease check.`. A name no longer in the directory shows as its code.
 */
function withMentions(c: StoredComment, names: Names): string {
  if (c.mentions.length === 0) return c.text;
  const shown = c.mentions.map((m) => names.name(KIND_OF[m.type], m.code) ?? (m.type === 'GROUP' && codeKey(m.code) === EVERYONE ? 'Everyone' : m.code));
  return `${shown.join(' ')} \n${c.text}`;
}
