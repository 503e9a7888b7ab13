// GET /k/v1/space/links.json (ours): the "Related apps & spaces" of a space ('space.read'), each
// app or space link shown only to readers who can open its target (a visitor of a public space
// does not learn the names of apps in private spaces; probe S2). URL links are for every reader.
import type { SpaceLinkJson } from '../../../common/api/space-extras.js';
import { loadRelatedLinks } from '../../storage/space-extras.repo.js';
import type { Ctx } from '../context.js';
import { spaceFor } from './space-access.js';
import { linkable, reachableSpaces, visibleApps } from './space-links-targets.js';

export async function readSpaceLinks(ctx: Ctx, spaceId: number): Promise<{ links: SpaceLinkJson[] }> {
  const place = await spaceFor(ctx, spaceId, 'space.read');
  const stored = await loadRelatedLinks(ctx.db, ctx.actor.domainId, place.space.id);
  const apps = await visibleApps(ctx, stored.flatMap((l) => (l.type === 'APP' ? [Number(l.id)] : [])));
  const spaces = await reachableSpaces(ctx, place.version, stored.flatMap((l) => (l.type === 'SPACE' ? [Number(l.id)] : [])));
  const links: SpaceLinkJson[] = [];
  for (const l of stored) {
    if (l.type === 'URL') {
      links.push({ type: 'URL', url: l.url, title: l.title });
      continue;
    }
    // Checked again: the target may have moved since the link was made.
    if (l.type === 'APP') {
      const app = apps.get(Number(l.id));
      if (app && linkable(place.space, { app })) links.push({ type: 'APP', app: String(app.id), name: app.name });
    } else {
      const space = spaces.get(Number(l.id));
      if (space && linkable(place.space, { space })) links.push({ type: 'SPACE', space: String(space.id), name: space.name });
    }
  }
  return { links };
}
