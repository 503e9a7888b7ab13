import type { UpdateSettingsInput } from '../../../common/api/apps.js';
import { appCodeTaken } from '../../storage/apps.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import type { AppDefinition } from './definition.js';
import { editPreview } from './load-app.js';

/** PUT preview/app/settings: any subset of the settings; the app code is our addition. */
export async function updateSettings(ctx: Ctx, input: UpdateSettingsInput): Promise<number> {
  const { app: appId, revision, code, numberPrecision, titleField, icon, ...rest } = input;
  return editPreview(ctx, appId, revision, { action: 'app.settings', detail: { changed: Object.keys(input).filter((k) => k !== 'app' && k !== 'revision') } }, async (def: AppDefinition) => {
    if (code !== undefined) {
      if (code && (await appCodeTaken(ctx.db, ctx.actor.domainId, code, appId))) throw AppError.invalid({ code: 'duplicate' });
      def.code = code;
    }
    const s = def.settings;
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) (s as unknown as Record<string, unknown>)[k] = v;
    if (numberPrecision) s.numberPrecision = { ...s.numberPrecision, ...numberPrecision };
    if (titleField) {
      if (titleField.selectionMode === 'MANUAL' && (!titleField.code || !def.fields[titleField.code])) {
        throw AppError.invalid({ 'titleField.code': 'notFound' });
      }
      s.titleField = { selectionMode: titleField.selectionMode, code: titleField.selectionMode === 'MANUAL' ? titleField.code! : '' };
    }
    if (icon) {
      // File icons need uploaded files attached to the app; until then only presets are kept.
      if (icon.type === 'FILE') throw AppError.invalid({ 'icon.type': 'invalid' });
      s.icon = icon;
    }
  });
}
