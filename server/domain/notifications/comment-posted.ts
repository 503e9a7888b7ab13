// Who hears of a new comment, in the comment's transaction: the users, groups and departments
// it mentions ("To me", as a mention); the general notification rows with "comment added" (by
// default the record's creator and last modifier, kintone's defaults); and, with
// notifyToCommenter, everyone who commented on the record before ("All"). Whether each may
// still read it is decided when they read it.
import type { MentionType } from '../../../common/api/comments.js';
import { commenterIds } from '../../storage/notifications.repo.js';
import { findRecordsByIds } from '../../storage/records.repo.js';
import type { Ctx } from '../context.js';
import { recordSchema } from '../records/schema.js';
import type { CommentAdded } from '../comments/comment-added.js';
import { type PlannedEvent, deliverPlanned, generalReach } from './plan.js';
import { type PeopleRef, resolvePeople } from './recipients.js';
import { notificationSettingsOf } from './settings-model.js';

const MENTION: Record<MentionType, (code: string) => PeopleRef> = {
  USER: (code) => ({ type: 'USER', code }),
  GROUP: (code) => ({ type: 'GROUP', code }),
  ORGANIZATION: (code) => ({ type: 'ORGANIZATION', code, includeSubs: false }),
};

export async function commentPosted(ctx: Ctx, event: CommentAdded): Promise<void> {
  const schema = await recordSchema(ctx, event.appId, 'view');
  const { domainId } = schema.app;
  const settings = notificationSettingsOf(schema.def);
  const record = (await findRecordsByIds(ctx.db, domainId, event.appId, [event.recordId])).get(event.recordId) ?? null;
  const reach: PlannedEvent['reach'] = generalReach(schema.def, settings.general.filter((g) => g.commentAdded), record);
  if (settings.notifyToCommenter) {
    const earlier = (await commenterIds(ctx.db, domainId, event.appId, event.recordId)).filter((id) => id > 0);
    reach.push({ refs: earlier.map((id) => ({ type: 'ID', id })), toMe: false });
  }
  const mentioned = event.mentions.map((m) => MENTION[m.type](m.code));
  reach.push({ refs: mentioned, toMe: true });
  const people = await resolvePeople(ctx, domainId, mentioned);
  const mentionedIds = new Set(mentioned.flatMap((r) => people.usersOf(r)));
  await deliverPlanned(ctx, domainId, [
    {
      kind: 'commentAdded',
      kindOf: (userId) => (mentionedIds.has(userId) ? 'mention' : 'commentAdded'),
      appId: event.appId,
      recordId: event.recordId,
      commentId: event.commentId,
      reach,
    },
  ]);
}
