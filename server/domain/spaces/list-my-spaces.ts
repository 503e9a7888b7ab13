import type { z } from 'zod';
import type { MySpaceJson, listMySpacesInput } from '../../../common/api/spaces.js';
import { favouriteSpaceIds, findSpaces } from '../../storage/spaces.repo.js';
import type { Ctx } from '../context.js';
import { directoryVersion, placesOf } from './space-access.js';

/**
 * GET /v1/spaces.json (ours, for the portal): every space the actor has a role in — for a guest,
 * only its guest spaces — favourites first, then by id.
 */
export async function listMySpaces(ctx: Ctx, input: z.output<typeof listMySpacesInput>): Promise<MySpaceJson[]> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' && actor.kind !== 'guest') return [];
  const places = await placesOf(ctx, await directoryVersion(ctx));
  const favourites = await favouriteSpaceIds(ctx.db, actor.domainId, actor.userId);
  const ordered = places
    .map((p) => ({ ...p, isFavourite: favourites.has(p.space.id) }))
    .sort((a, b) => Number(b.isFavourite) - Number(a.isFavourite) || a.space.id - b.space.id)
    .slice(input.offset, input.offset + input.limit);
  const spaces = await findSpaces(ctx.db, actor.domainId, ordered.map((p) => p.space.id));
  const out: MySpaceJson[] = [];
  for (const p of ordered) {
    const s = spaces.get(p.space.id);
    if (!s || !p.role) continue;
    out.push({
      id: String(s.id),
      name: s.name,
      isGuest: s.isGuest,
      isPrivate: s.isPrivate,
      isFavourite: p.isFavourite,
      role: p.role,
      coverType: s.coverType,
      coverKey: s.coverKey,
    });
  }
  return out;
}
