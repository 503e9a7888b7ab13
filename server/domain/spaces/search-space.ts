// GET /k/v1/space/search.json (ours; kintone's space search is a screen): a keyword looked for in
// one space — thread names and bodies, thread comments, the names and descriptions of its apps,
// and the records of its apps — as the actor may see each (space.read, then app and record
// permissions; probes G10, S2). Under /k/guest/{id}/ only that guest space can be searched.
//
// The work is bounded: hits come in the order THREAD, COMMENT, APP, RECORD (newest first within
// each), and no more are looked for than the page needs (offset + limit ≤ 500); at most
// MAX_CANDIDATES threads and comments are read, records are searched in the first
// MAX_RECORD_APPS apps (in id order) whose records the actor may view, at most
// MAX_RECORDS_PER_APP each.
import type { SearchSpaceInput, SpaceSearchHitJson } from '../../../common/api/space-extras.js';
import { likePattern } from '../../records/query-sql.js';
import { seesApp } from '../../policy/app-rights.js';
import { findAppsForRecords } from '../../storage/apps.repo.js';
import { commentCandidates, threadCandidates } from '../../storage/space-extras.repo.js';
import { appIdsOfSpace, findSpace } from '../../storage/spaces.repo.js';
import type { Ctx } from '../context.js';
import { liveAppAcl, rightsOn } from '../apps/app-access.js';
import type { App } from '../../storage/apps.repo.js';
import { spaceFor } from './space-access.js';
import { recordHits } from './search-space-records.js';
import { excerpt, fold, includesFolded, plainText } from './search-space-text.js';

export const MAX_CANDIDATES = 500;
export const MAX_SPACE_APPS = 300;
export const MAX_RECORD_APPS = 20;
export const MAX_RECORDS_PER_APP = 5;

export async function searchSpace(ctx: Ctx, input: SearchSpaceInput): Promise<{ hits: SpaceSearchHitJson[]; hasMore: boolean }> {
  const place = await spaceFor(ctx, input.id, 'space.read');
  const domainId = ctx.actor.domainId;
  const spaceId = place.space.id;
  const space = String(spaceId);
  const folded = fold(input.keyword);
  const pattern = likePattern(input.keyword);
  const want = input.offset + input.limit + 1;
  const hits: SpaceSearchHitJson[] = [];
  const full = () => hits.length >= want;

  const spaceName = (await findSpace(ctx.db, domainId, spaceId))?.name ?? '';
  for (const t of await threadCandidates(ctx.db, domainId, spaceId, pattern, Math.min(want, MAX_CANDIDATES))) {
    if (full()) break;
    const body = t.body ? plainText(t.body) : '';
    const inBody = includesFolded(body, folded);
    if (!inBody && !includesFolded(t.name, folded)) continue;
    // A single-thread space's one thread has no name of its own: it is the space.
    hits.push({ type: 'THREAD', space, thread: String(t.id), title: t.name || spaceName, excerpt: excerpt(inBody ? body : t.name, folded) });
  }
  if (!full()) {
    for (const c of await commentCandidates(ctx.db, domainId, spaceId, pattern, Math.min(want, MAX_CANDIDATES))) {
      if (full()) break;
      const text = plainText(c.text);
      if (!includesFolded(text, folded)) continue;
      hits.push({ type: 'COMMENT', space, thread: String(c.threadId), comment: String(c.id), title: c.threadName || spaceName, excerpt: excerpt(text, folded) });
    }
  }
  if (!full()) {
    const apps = await visibleApps(ctx, spaceId);
    for (const { app } of apps) {
      if (full()) break;
      const description = plainText(app.description);
      const inDescription = includesFolded(description, folded);
      if (!inDescription && !includesFolded(app.name, folded)) continue;
      hits.push({ type: 'APP', space, app: String(app.id), title: app.name, excerpt: excerpt(inDescription ? description : app.name, folded) });
    }
    for (const { app } of apps.filter((a) => a.view).slice(0, MAX_RECORD_APPS)) {
      if (full()) break;
      for (const r of await recordHits(ctx, app.id, input.keyword, folded, Math.min(MAX_RECORDS_PER_APP, want - hits.length))) {
        hits.push({ type: 'RECORD', space, app: String(r.app), record: String(r.record), title: r.title, excerpt: r.excerpt });
      }
    }
  }
  return { hits: hits.slice(input.offset, input.offset + input.limit), hasMore: hits.length > input.offset + input.limit };
}

/** The deployed apps of the space the actor can see (any right), in id order; `view`: records too. */
async function visibleApps(ctx: Ctx, spaceId: number): Promise<Array<{ app: App; view: boolean }>> {
  const ids = (await appIdsOfSpace(ctx.db, ctx.actor.domainId, spaceId)).sort((a, b) => a - b).slice(0, MAX_SPACE_APPS);
  const found = await findAppsForRecords(ctx.db, ctx.actor.domainId, ids);
  const out: Array<{ app: App; view: boolean }> = [];
  for (const id of ids) {
    const f = found.get(id);
    if (!f || !f.app.deployed || f.liveRevision === null) continue;
    const rights = await rightsOn(ctx, f.app, await liveAppAcl(ctx, f.app, f.liveRevision), f.directoryVersion);
    if (seesApp(rights)) out.push({ app: f.app, view: rights.view });
  }
  return out;
}
