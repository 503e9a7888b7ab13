// The record a comments call is about, as the caller may see it. The order of the checks is
// what keeps records private: the app must be readable with the view right (else GAIA_AP01 or
// CB_NO02, as for records), comments must be on, and only then is the record looked for — inside
// the caller's record permissions, so one outside them answers GAIA_RE01 exactly like one that
// does not exist (spec/security.md R8), and its comments are never reached.
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { findVisibleRecords } from '../records/record-scope.js';
import { type RecordSchema, recordSchema } from '../records/schema.js';
import type { CommentedRecord } from '../../storage/comments.repo.js';
import type { StoredRecord } from '../../storage/records.repo.js';

export interface CommentTarget {
  schema: RecordSchema;
  record: StoredRecord;
  /** Where its comments are stored. */
  key: CommentedRecord;
}

export async function commentedRecord(ctx: Ctx, appId: number, recordId: number): Promise<CommentTarget> {
  const schema = await recordSchema(ctx, appId, 'view');
  // Switched off, comments are kept but out of reach. kintone's exact code for this is not
  // known; the caller already sees the app, so refusing says nothing new.
  if (!schema.def.settings.enableComments) throw new AppError('CB_NO02');
  const record = (await findVisibleRecords(ctx, schema, [recordId])).get(recordId);
  if (!record) throw new AppError('GAIA_RE01', { params: { id: recordId } });
  return { schema, record, key: { domainId: schema.app.domainId, appId: schema.app.id, recordId } };
}

/** Who a comment is by: the user, or 0 — kintone's "Administrator" — for an API token. */
export function authorId(ctx: Ctx): number {
  const actor = ctx.actor;
  return actor.kind === 'user' || actor.kind === 'guest' ? actor.userId : 0;
}
