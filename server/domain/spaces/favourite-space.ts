import { spaceMay } from '../../policy/spaces.js';
import { setSpaceFavourite } from '../../storage/spaces.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { directoryVersion, placeIn, spaceUnseen } from './space-access.js';

/**
 * PUT /v1/spaces/favourite.json (ours). Our /v1/ paths carry no guest-space prefix, so the path
 * rule of spaceFor does not apply here: a guest marks its guest space like a user marks theirs.
 */
export async function favouriteSpace(ctx: Ctx, spaceId: number, favourite: boolean): Promise<void> {
  const actor = ctx.actor;
  const place = await placeIn(ctx, await directoryVersion(ctx), spaceId);
  if (!place?.role) throw spaceUnseen(ctx, spaceId);
  if (!spaceMay(place.role, 'space.favourite', place.space)) throw new AppError('CB_NO02');
  if (actor.kind !== 'user' && actor.kind !== 'guest') throw new AppError('CB_NO02');
  await setSpaceFavourite(ctx.db, actor.domainId, actor.userId, spaceId, favourite, ctx.now);
}
