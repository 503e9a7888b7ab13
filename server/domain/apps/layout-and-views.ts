import { defaultLayout, parseLayout, parseViews } from '../../../common/fields/index.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import type { AppDefinition } from './definition.js';
import { editPreview } from './load-app.js';

/** The layout as GET answers it: the saved one, or one row per field until one is saved. */
export function layoutOf(def: AppDefinition): unknown[] {
  return def.layout ?? (defaultLayout(def.fields) as unknown[]);
}

export async function updateLayout(ctx: Ctx, appId: number, layout: unknown[], revision?: number): Promise<number> {
  return editPreview(ctx, appId, revision, { action: 'app.layout' }, (def) => {
    const parsed = parseLayout(layout, def.fields);
    if (Object.keys(parsed.problems).length) throw new AppError('CB_VA01', { errors: parsed.problems });
    def.layout = parsed.layout as unknown[];
  });
}

/** PUT views replaces the whole set; views keep their id across saves by name. */
export async function updateViews(
  ctx: Ctx,
  appId: number,
  views: Record<string, unknown>,
  revision?: number,
): Promise<{ revision: number; views: Record<string, { id: string }> }> {
  const ids: Record<string, { id: string }> = {};
  const next = await editPreview(ctx, appId, revision, { action: 'app.views', detail: { views: Object.keys(views) } }, (def) => {
    const parsed = parseViews(views, def.fields);
    if (Object.keys(parsed.problems).length) throw new AppError('CB_VA01', { errors: parsed.problems });
    const result: AppDefinition['views'] = {};
    for (const [name, view] of Object.entries(parsed.views as Record<string, Record<string, unknown>>)) {
      const id = typeof def.views[name]?.id === 'string' ? (def.views[name]!.id as string) : String(def.nextViewId++);
      result[name] = { ...view, id, name };
      ids[name] = { id };
    }
    def.views = result;
  });
  return { revision: next, views: ids };
}
