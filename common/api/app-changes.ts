// Ours: whether an app's settings have changes not yet applied (the "未反映の変更があります" marker
// of the settings screens). Under kintone's prefix like our other app-scoped calls, so a guest
// space's apps answer under `/k/guest/{id}/v1/…` as every other call on them does.
import { z } from 'zod';
import { numericId } from './params.js';

export const APP_CHANGES_PATH = '/k/v1/preview/app/changes.json';

export const appChangesInput = z.object({ app: numericId });

export interface AppChangesJson {
  /** false until the app's first deploy ("アプリを公開" / Activate App). */
  deployed: boolean;
  /** The preview differs from what is live (always true before the first deploy). */
  changed: boolean;
  /** The preview's revision. */
  revision: string;
}
