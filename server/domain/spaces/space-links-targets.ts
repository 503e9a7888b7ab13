// What the links of the "Related apps & spaces" widget point at, as one actor may see it: an app
// they have any right on (as in GET apps.json), a space they have a role in. Both the reading and
// the writing of links go through here, so nobody links, or is shown, what they cannot open.
import { seesApp } from '../../policy/app-rights.js';
import { type App, findAppsForRecords } from '../../storage/apps.repo.js';
import { findSpaces, type Space } from '../../storage/spaces.repo.js';
import type { Ctx } from '../context.js';
import { liveAppAcl, rightsOn } from '../apps/app-access.js';
import { placeIn } from './space-access.js';

/** The deployed apps among `ids` that the actor can see. */
export async function visibleApps(ctx: Ctx, ids: number[]): Promise<Map<number, App>> {
  const found = await findAppsForRecords(ctx.db, ctx.actor.domainId, [...new Set(ids)]);
  const out = new Map<number, App>();
  for (const [id, f] of found) {
    if (!f.app.deployed || f.liveRevision === null) continue;
    const rights = await rightsOn(ctx, f.app, await liveAppAcl(ctx, f.app, f.liveRevision), f.directoryVersion);
    if (seesApp(rights)) out.set(id, f.app);
  }
  return out;
}

/** The spaces among `ids` that the actor has a role in (a public space's visitors included). */
export async function reachableSpaces(ctx: Ctx, version: number, ids: number[]): Promise<Map<number, Space>> {
  const spaces = await findSpaces(ctx.db, ctx.actor.domainId, [...new Set(ids)]);
  const out = new Map<number, Space>();
  for (const [id, s] of spaces) if ((await placeIn(ctx, version, id))?.role) out.set(id, s);
  return out;
}

/**
 * Whether a space may hold a link to this app or space at all: a guest space only to its own
 * apps (and itself), so that guests are never pointed outside (features A2).
 */
export function linkable(from: { id: number; isGuest: boolean }, target: { app: App } | { space: Space }): boolean {
  if (!from.isGuest) return true;
  return 'app' in target ? target.app.spaceId === from.id : target.space.id === from.id;
}
