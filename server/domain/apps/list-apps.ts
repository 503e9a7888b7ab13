// GET apps: deployed apps the actor can see (any app right, see app-rights.ts), in id order,
// paged over the visible ones only. Permissions live in each app's definition, so candidates
// are read in id order a chunk at a time and filtered until the page is full.
import type { z } from 'zod';
import type { listAppsInput } from '../../../common/api/apps.js';
import { seesApp } from '../../policy/app-rights.js';
import { scope } from '../../policy/scope.js';
import { type App, findAppsForRecords, listApps } from '../../storage/apps.repo.js';
import type { Ctx } from '../context.js';
import { liveAppAcl, rightsOn } from './app-access.js';

const CHUNK = 200;

export async function listVisibleApps(ctx: Ctx, filter: z.output<typeof listAppsInput>): Promise<App[]> {
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
