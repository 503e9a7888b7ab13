// GET apps: deployed apps the actor can see (any app right, see app-rights.ts), in id order,
// paged over the visible ones only. Permissions live in each app's definition, so candidates
// are read in id order a chunk at a time and filtered until the page is full.
import type { z } from 'zod';
import type { listAppsInput } from '../../../common/api/apps.js';
import { seesApp } from '../../policy/app-rights.js';
import { scope } from '../../policy/scope.js';
import { type App, findAppsForRecords, listApps } from '../../storage/apps.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { liveAppAcl, rightsOn } from './app-access.js';

const CHUNK = 200;

export async function listVisibleApps(ctx: Ctx, input: z.output<typeof listAppsInput>): Promise<App[]> {
  // A guest lists apps only under its guest space's path; there, only that space's apps are
  // candidates, whatever other spaces the filter names (probe G4).
  if (ctx.actor.kind === 'guest' && ctx.guestSpaceId === undefined) throw new AppError('CB_NO02');
  const filter = { ...input };
  if (ctx.guestSpaceId !== undefined) {
    const only = ctx.guestSpaceId;
    if (filter.spaceIds && !filter.spaceIds.includes(only)) return [];
    filter.spaceIds = [only];
  }
  const out: App[] = [];
  let skip = filter.offset;
  for (let from = 0; ; from += CHUNK) {
    const candidates = await listApps(ctx.db, scope(ctx.actor, 'apps'), { ...filter, offset: from, limit: CHUNK });
    const facts = await findAppsForRecords(ctx.db, ctx.actor.domainId, candidates.map((a) => a.id));
    for (const app of candidates) {
      const found = facts.get(app.id);
      if (!found || found.liveRevision === null) continue;
      const rights = await rightsOn(ctx, found.app, await liveAppAcl(ctx, found.app, found.liveRevision), found.directoryVersion);
      if (!seesApp(rights)) continue;
      if (skip > 0) {
        skip -= 1;
        continue;
      }
      out.push(found.app);
      if (out.length === filter.limit) return out;
    }
    if (candidates.length < CHUNK) return out;
  }
}
