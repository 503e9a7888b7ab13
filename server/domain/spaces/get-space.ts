// GET space.json in kintone's shape: numbers as strings, creator and modifier blank when the
// account is suspended or gone, and only the apps of the space the reader may see.
import type { AttachedAppJson, SpaceJson } from '../../../common/api/spaces.js';
import type { App } from '../../storage/apps.repo.js';
import { type Space, activeUsers, findSpace } from '../../storage/spaces.repo.js';
import { userNames } from '../../storage/users.repo.js';
import { listVisibleApps } from '../apps/list-apps.js';
import type { Ctx } from '../context.js';
import { memberEntries } from './list-space-members.js';
import { spaceFor, spaceUnseen } from './space-access.js';

const NOBODY = { code: '', name: '' };

/** Where the web app and clients fetch the cover picture from. */
export function coverUrl(space: Pick<Space, 'id' | 'isGuest' | 'coverType' | 'coverKey'>): string {
  if (space.coverType === 'PRESET') return `/static/space-covers/${space.coverKey.toLowerCase()}.png`;
  const base = space.isGuest ? `/k/guest/${space.id}/v1` : '/k/v1';
  return `${base}/space/cover.json?id=${space.id}`;
}

/** kintone's app shape (GET app.json) without spaceId. */
async function attachedApps(ctx: Ctx, spaceId: number): Promise<AttachedAppJson[]> {
  const apps = await visibleAppsOf(ctx, spaceId);
  const names = await userNames(ctx.db, ctx.actor.domainId, apps.flatMap((a) => [a.creatorId, a.modifierId]));
  return apps.map((a) => ({
    appId: String(a.id),
    code: a.code,
    name: a.name,
    description: a.description,
    threadId: a.threadId == null ? null : String(a.threadId),
    createdAt: a.createdAt.toISOString(),
    creator: names.get(a.creatorId) ?? NOBODY,
    modifiedAt: a.modifiedAt.toISOString(),
    modifier: names.get(a.modifierId) ?? NOBODY,
  }));
}

async function visibleAppsOf(ctx: Ctx, spaceId: number): Promise<App[]> {
  const out: App[] = [];
  const limit = 100;
  for (let offset = 0; ; offset += limit) {
    const page = await listVisibleApps(ctx, { spaceIds: [spaceId], offset, limit });
    out.push(...page);
    if (page.length < limit) return out;
  }
}

export async function getSpace(ctx: Ctx, spaceId: number): Promise<SpaceJson> {
  await spaceFor(ctx, spaceId, 'space.read');
  const space = await findSpace(ctx.db, ctx.actor.domainId, spaceId);
  if (!space) throw spaceUnseen(ctx, spaceId);
  const [people, members, apps] = await Promise.all([
    activeUsers(ctx.db, ctx.actor.domainId, [space.creatorId, space.modifierId]),
    memberEntries(ctx, spaceId),
    attachedApps(ctx, spaceId),
  ]);
  return {
    id: String(space.id),
    name: space.name,
    defaultThread: String(space.defaultThreadId ?? ''),
    isPrivate: space.isPrivate,
    creator: people.get(space.creatorId) ?? NOBODY,
    modifier: people.get(space.modifierId) ?? NOBODY,
    memberCount: String(members.filter((m) => m.entity.type === 'USER').length),
    coverType: space.coverType,
    coverKey: space.coverKey,
    coverUrl: coverUrl(space),
    body: space.body,
    useMultiThread: space.useMultiThread,
    isGuest: space.isGuest,
    attachedApps: apps,
    fixedMember: space.fixedMember,
    showAnnouncement: space.showAnnouncement,
    showThreadList: space.showThreadList,
    showAppList: space.showAppList,
    showMemberList: space.showMemberList,
    showRelatedLinkList: space.useMultiThread ? space.showRelatedLinkList : null,
    permissions: { createApp: space.createApp },
  };
}
