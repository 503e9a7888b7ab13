// GET /k/v1/spaces/statistics.json (kintone's; plain path only). kintone's documented rule: a
// kintone administrator gets every space, any other user the public spaces and the spaces they
// belong to — exactly the spaces they have a role in (server/policy/spaces.ts). Guests get
// CB_NO02, as on every system API (probe G15). In id order, `limit` (≤ 100) from `offset`.
import type { SpaceStatisticsJson } from '../../../common/api/space-extras.js';
import { spaceCounts } from '../../storage/space-extras.repo.js';
import { findSpaces } from '../../storage/spaces.repo.js';
import { userNames } from '../../storage/users.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { directoryVersion, placesOf } from './space-access.js';

const NOBODY = { code: '', name: '' };

export async function spacesStatistics(ctx: Ctx, page: { offset: number; limit: number }): Promise<{ spaces: SpaceStatisticsJson[] }> {
  if (ctx.actor.kind !== 'user') throw new AppError('CB_NO02');
  const places = await placesOf(ctx, await directoryVersion(ctx));
  const ids = places
    .map((p) => p.space.id)
    .sort((a, b) => a - b)
    .slice(page.offset, page.offset + page.limit);
  const domainId = ctx.actor.domainId;
  const [spaces, counts] = await Promise.all([findSpaces(ctx.db, domainId, ids), spaceCounts(ctx.db, domainId, ids)]);
  const names = await userNames(ctx.db, domainId, [...spaces.values()].flatMap((s) => [s.creatorId, s.modifierId]));
  const out: SpaceStatisticsJson[] = [];
  for (const id of ids) {
    const s = spaces.get(id);
    const c = counts.get(id);
    if (!s || !c) continue;
    out.push({
      id: String(s.id),
      name: s.name,
      isPrivate: s.isPrivate,
      isGuest: s.isGuest,
      administratorCount: String(c.administrators),
      memberCount: String(c.members),
      threadCount: String(c.threads),
      appCount: String(c.apps),
      createdAt: s.createdAt.toISOString(),
      creator: names.get(s.creatorId) ?? NOBODY,
      modifiedAt: s.modifiedAt.toISOString(),
      modifier: names.get(s.modifierId) ?? NOBODY,
    });
  }
  return { spaces: out };
}
