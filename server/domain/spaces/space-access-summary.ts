// GET /v1/space/access.json (ours): the caller's role in a space and what the space's rules let
// them do there, so the web app shows only what the server would honour (it never decides).
import type { SpaceAccessJson } from '../../../common/api/space-people.js';
import { spaceMay } from '../../policy/spaces.js';
import type { Ctx } from '../context.js';
import { spaceFor } from './space-access.js';

export async function spaceAccessSummary(ctx: Ctx, spaceId: number): Promise<SpaceAccessJson> {
  const { space, role } = await spaceFor(ctx, spaceId, 'space.read');
  const may = (action: Parameters<typeof spaceMay>[1]) => spaceMay(role, action, space);
  return {
    role,
    may: {
      manage: may('space.manage'),
      join: may('space.join'),
      leave: may('space.leave'),
      links: may('space.links'),
      createApp: may('space.createApp'),
      createThread: may('thread.create'),
      editAnyThread: may('thread.editAny'),
      comment: may('thread.comment'),
      follow: may('thread.follow'),
      favourite: may('space.favourite'),
    },
  };
}
