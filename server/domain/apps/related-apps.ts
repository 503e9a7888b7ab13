// Lookups and Related Records name another app. The app must exist in this domain, be readable
// by whoever sets it up, and have the fields named; a lookup's key must identify one record
// (a unique field or the record number). Checked when fields are saved and again at deploy.
import type { Lookup, Property, ReferenceTable } from '../../../common/fields/index.js';
import { findApp, loadDefinition } from '../../storage/apps.repo.js';
import { directoryVersion, guestSpaceOf } from '../spaces/space-access.js';
import { AppError } from '../app-error.js';
import type { FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import type { AppDefinition } from './definition.js';
import { appFor } from './load-app.js';

/**
 * The fields of the app a lookup or related-records setting names, or null when it cannot be
 * named from here: missing, unreadable, or across a guest space's wall — apps of a guest space
 * relate only to apps of the same guest space (features A2, probe G7/G8), answered like a
 * missing app.
 */
async function relatedFields(ctx: Ctx, ref: { app: string; code: string }, selfId: number): Promise<Record<string, Property> | null> {
  let appId = Number(ref.app || 0);
  if (!appId && ref.code) {
    const row = await ctx.db.selectFrom('apps').select('id').where('domainId', '=', ctx.actor.domainId).where('code', '=', ref.code).executeTakeFirst();
    appId = row ? Number(row.id) : 0;
  }
  if (!appId || appId === selfId) return null;
  const app = await appFor(ctx, appId, 'app.read').catch((e: unknown) => {
    if (e instanceof AppError) return null;
    throw e;
  });
  if (!app || !app.deployed) return null;
  const self = await findApp(ctx.db, ctx.actor.domainId, selfId);
  const version = await directoryVersion(ctx);
  if ((await guestSpaceOf(ctx, version, self?.spaceId ?? null)) !== (await guestSpaceOf(ctx, version, app.spaceId))) return null;
  const live = await loadDefinition<AppDefinition>(ctx.db, app.domainId, app.id, 'live');
  return live?.definition.fields ?? null;
}

export async function relatedAppProblems(ctx: Ctx, selfId: number, fields: Record<string, Property>): Promise<Record<string, FieldProblem[]>> {
  const problems: Record<string, FieldProblem[]> = {};
  for (const p of Object.values(fields)) {
    const at = `properties.${p.code}`;
    if (p.lookup && typeof p.lookup === 'object') {
      const lookup = p.lookup as Lookup;
      const source = await relatedFields(ctx, lookup.relatedApp, selfId);
      if (!source) {
        problems[`${at}.lookup.relatedApp.app`] = [{ key: 'notFound' }];
        continue;
      }
      const key = source[lookup.relatedKeyField];
      if (!key || !(key.type === 'RECORD_NUMBER' || key.unique === true)) problems[`${at}.lookup.relatedKeyField`] = [{ key: 'notFound' }];
      lookup.fieldMappings.forEach((m, i) => {
        if (!source[m.relatedField]) problems[`${at}.lookup.fieldMappings[${i}].relatedField`] = [{ key: 'notFound' }];
      });
    }
    if (p.type === 'REFERENCE_TABLE' && p.referenceTable && typeof p.referenceTable === 'object') {
      const ref = p.referenceTable as ReferenceTable;
      const related = await relatedFields(ctx, ref.relatedApp, selfId);
      if (!related) {
        problems[`${at}.referenceTable.relatedApp.app`] = [{ key: 'notFound' }];
        continue;
      }
      if (!related[ref.condition.relatedField]) problems[`${at}.referenceTable.condition.relatedField`] = [{ key: 'notFound' }];
      ref.displayFields.forEach((f, i) => {
        if (!related[f]) problems[`${at}.referenceTable.displayFields[${i}]`] = [{ key: 'notFound' }];
      });
    }
  }
  return problems;
}
