// Deploy copies each app's preview definition onto its live one; revert copies live back onto
// preview. Up to 300 apps at once, all or nothing: one refusal and no app changes.
import { cloneDefinition, type AppDefinition } from './definition.js';
import { appCodeTaken, deployStatuses, markDeployed, saveDefinition, setDeployStatus } from '../../storage/apps.repo.js';
import { deployTokens, revertTokens } from '../../storage/api-tokens.repo.js';
import type { DeployStatus } from '../../storage/tables/apps.table.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { appFor, checkRevision, definitionOf } from './load-app.js';
import { assertFormulasValid } from './formula-fields.js';
import { relatedAppProblems } from './related-apps.js';
import { deployProcess } from '../process/deploy-process.js';
import { historyDeployed } from '../history/keep-versions.js';

export async function deployApps(ctx: Ctx, items: Array<{ app: number; revision?: number }>, revert: boolean): Promise<void> {
  const seen = new Set<number>();
  for (const [i, item] of items.entries()) {
    if (seen.has(item.app)) throw AppError.invalid({ [`apps[${i}].app`]: 'duplicateInRequest' });
    seen.add(item.app);
  }
  for (const [i, item] of items.entries()) {
    const app = await appFor(ctx, item.app, 'app.manage');
    const preview = await definitionOf(ctx, app, 'preview');
    checkRevision(item.revision, preview.revision);
    if (revert) {
      if (!app.deployed) continue;
      const live = await definitionOf(ctx, app, 'live');
      await saveDefinition(ctx.db, app.domainId, app.id, 'preview', preview.revision + 1, cloneDefinition(live.definition), ctx.now);
      await revertTokens(ctx.db, app.domainId, app.id);
      await recordAudit(ctx, { action: 'app.revert', targetType: 'app', targetId: app.id });
      continue;
    }
    const def = preview.definition as AppDefinition;
    assertFormulasValid(def.fields);
    // The other app may have changed (or gone) since these fields were saved.
    const related = await relatedAppProblems(ctx, app.id, def.fields);
    if (Object.keys(related).length) throw new AppError('CB_VA01', { errors: related });
    if (def.code && (await appCodeTaken(ctx.db, app.domainId, def.code, app.id))) {
      // Another app took this code after it was chosen in preview.
      throw AppError.invalid({ [`apps[${i}].app`]: 'duplicate' });
    }
    // Process management moves records (renamed states, first status): see process/deploy-process.ts.
    const live = app.deployed ? (await definitionOf(ctx, app, 'live')).definition : null;
    await deployProcess(ctx, app, live, def);
    // Record history switched off (or on again) forgets the app's versions: see history/keep-versions.ts.
    await historyDeployed(ctx, app, live, def);
    await saveDefinition(ctx.db, app.domainId, app.id, 'live', preview.revision, def, ctx.now);
    await deployTokens(ctx.db, app.domainId, app.id);
    await markDeployed(ctx.db, app.domainId, app.id, { code: def.code, name: def.settings.name, description: def.settings.description });
    await setDeployStatus(ctx.db, app.domainId, app.id, 'SUCCESS', ctx.now);
    await recordAudit(ctx, { action: 'app.deploy', targetType: 'app', targetId: app.id, detail: { revision: preview.revision } });
  }
}

/** Deploy status per app; apps the actor cannot manage answer like unknown ones. */
export async function deployStatusOf(ctx: Ctx, appIds: number[]): Promise<Array<{ app: number; status: DeployStatus }>> {
  for (const id of appIds) await appFor(ctx, id, 'app.manage');
  const statuses = await deployStatuses(ctx.db, ctx.actor.domainId, appIds);
  return appIds.map((id) => ({ app: id, status: statuses.get(id) ?? 'SUCCESS' }));
}
