// PUT /k/v1/space/links.json (ours): replaces the "Related apps & spaces" of a space. Space
// administrators and members may ('space.links'), guests never (features A1, A3). Each app or
// space linked must be one the writer can open, and a guest space links only to its own apps:
// anything else is refused with one answer, whether the target exists or not.
import type { SpaceLinkInput } from '../../../common/api/space-extras.js';
import { type StoredLink, saveRelatedLinks } from '../../storage/space-extras.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { actorUserId } from '../apps/load-app.js';
import { recordAudit } from '../audit/record-audit.js';
import { spaceFor } from './space-access.js';
import { linkable, reachableSpaces, visibleApps } from './space-links-targets.js';

export async function updateSpaceLinks(ctx: Ctx, spaceId: number, input: SpaceLinkInput[]): Promise<void> {
  const place = await spaceFor(ctx, spaceId, 'space.links');
  const apps = await visibleApps(ctx, input.flatMap((l) => (l.type === 'APP' ? [l.app] : [])));
  const spaces = await reachableSpaces(ctx, place.version, input.flatMap((l) => (l.type === 'SPACE' ? [l.space] : [])));
  const problems: Record<string, FieldProblem[]> = {};
  const seen = new Set<string>();
  const links: StoredLink[] = [];
  input.forEach((l, i) => {
    const key = l.type === 'APP' ? `APP:${l.app}` : l.type === 'SPACE' ? `SPACE:${l.space}` : `URL:${l.url}`;
    if (seen.has(key)) {
      problems[`links[${i}]`] = [{ key: 'duplicateInRequest' }];
      return;
    }
    seen.add(key);
    if (l.type === 'URL') {
      links.push({ type: 'URL', url: l.url, title: l.title ?? '' });
    } else if (l.type === 'APP') {
      const app = apps.get(l.app);
      if (app && linkable(place.space, { app })) links.push({ type: 'APP', id: String(l.app) });
      else problems[`links[${i}].app`] = [{ key: 'linkNotAllowed' }];
    } else {
      const space = spaces.get(l.space);
      if (space && linkable(place.space, { space })) links.push({ type: 'SPACE', id: String(l.space) });
      else problems[`links[${i}].space`] = [{ key: 'linkNotAllowed' }];
    }
  });
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });
  await saveRelatedLinks(ctx.db, ctx.actor.domainId, place.space.id, links, actorUserId(ctx), ctx.now);
  await recordAudit(ctx, { action: 'space.links.update', targetType: 'space', targetId: place.space.id, detail: { links: links.length } });
}
