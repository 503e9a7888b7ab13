// The actor's rights on an app: its live permission rows (app/acl.json) matched against who the
// actor is. Every app and record call starts here, through appFor or recordSchema.
import { type AppAclRight, type AppRights, NO_RIGHTS } from '../../../common/api/acl.js';
import { LRUCache } from 'lru-cache';
import { ALL_RIGHTS, appRightsFor } from '../../policy/app-rights.js';
import { type App, loadDefinition } from '../../storage/apps.repo.js';
import { type Ctx, mayFillCaches } from '../context.js';
import { loadPrincipal } from '../directory/cache.js';
import { type AppDefinition, appAclOf } from './definition.js';
import { reachesSpace } from '../spaces/space-access.js';

/** Live permission rows by app and live revision (a deploy makes a new revision). */
const liveAcls = new LRUCache<string, AppAclRight[]>({ max: 10_000 });

export async function liveAppAcl(ctx: Ctx, app: App, liveRevision: number): Promise<AppAclRight[]> {
  const key = `${app.domainId}:${app.id}:${liveRevision}`;
  let rows = liveAcls.get(key);
  if (!rows) {
    const live = await loadDefinition<AppDefinition>(ctx.db, app.domainId, app.id, 'live');
    rows = live ? appAclOf(live.definition) : [];
    // Cached under the revision actually read: a deploy in between must not be filed as older.
    if (live && mayFillCaches(ctx)) liveAcls.set(`${app.domainId}:${app.id}:${live.revision}`, rows);
  }
  return rows;
}

/**
 * Rights from the live rows (null while the app has never been deployed: then only its creator
 * and administrators may work on it, in preview). Administrators may always manage an app, so
 * someone can always repair its permissions; their record rights come from the rows like
 * everyone's.
 */
export async function rightsOn(ctx: Ctx, app: App, rows: readonly AppAclRight[] | null, directoryVersion: number): Promise<AppRights> {
  const actor = ctx.actor;
  if (actor.domainId !== app.domainId) return NO_RIGHTS;
  switch (actor.kind) {
    case 'system':
      return ALL_RIGHTS;
    case 'apiToken': {
      const token = actor.apps.get(app.id);
      return token ? { ...NO_RIGHTS, ...token } : NO_RIGHTS;
    }
    case 'user':
    case 'guest': {
      // An app in a space is for those who reach the space (a private space's apps for its
      // members, whatever the app's rows say: probe S1); guests reach nothing outside theirs.
      if (!(await reachesSpace(ctx, directoryVersion, app.spaceId))) return NO_RIGHTS;
      if (actor.kind === 'guest') {
        if (rows === null) return NO_RIGHTS;
        const principal = await loadPrincipal(ctx, directoryVersion, actor.userId);
        // Guests never create apps or change their settings (features A3).
        return principal ? { ...appRightsFor(principal, app, rows), manage: false } : NO_RIGHTS;
      }
      if (rows === null) return actor.isAdmin || actor.userId === app.creatorId ? ALL_RIGHTS : NO_RIGHTS;
      const principal = await loadPrincipal(ctx, directoryVersion, actor.userId);
      const rights = principal ? appRightsFor(principal, app, rows) : NO_RIGHTS;
      return actor.isAdmin ? { ...rights, manage: true } : rights;
    }
    default:
      return NO_RIGHTS;
  }
}
