// A public view as the domain works with it: the stored row with its settings checked by its
// kind's schema, the plan features it relies on, and its management JSON.
import { randomString } from '../../../common/ids.js';
import {
  type PublicViewJson,
  type PublicViewKind,
  type PublicViewSettings,
  PUBLIC_VIEW_KINDS,
  SETTINGS_SCHEMAS,
} from '../../../common/api/public-views.js';
import { missingFeatures, requiredFeatures } from '../../../common/public-views/features.js';
import type { ViewPlan } from '../../../common/licences/view-plans.js';
import type { Queryable } from '../../storage/db.js';
import type { StoredPublicView } from '../../storage/public-views.repo.js';
import { contractOf } from '../licences/contract.js';

export interface PublicView extends Omit<StoredPublicView, 'kind' | 'settings'> {
  kind: PublicViewKind;
  settings: PublicViewSettings;
}

/** `pv_` and 20 random base-36 characters, like our other ids (common/ids.ts). */
export function newViewId(): string {
  return `pv_${randomString(20)}`;
}

/**
 * The stored view with settings its kind's schema accepts; null for a kind not served yet or
 * settings that no longer parse (such a view shows nothing rather than something unchecked).
 */
export function parseView(stored: StoredPublicView): PublicView | null {
  const kind = (PUBLIC_VIEW_KINDS as readonly string[]).includes(stored.kind) ? (stored.kind as PublicViewKind) : null;
  const schema = kind ? SETTINGS_SCHEMAS[kind] : undefined;
  const parsed = schema?.safeParse(stored.settings);
  if (!kind || !parsed?.success) return null;
  return { ...stored, kind, settings: parsed.data };
}

/** The domain's public-view plan; null when it has none (no contract, or none chosen). */
export async function viewPlanOf(db: Queryable, domainId: string): Promise<ViewPlan | null> {
  return (await contractOf(db, domainId))?.viewPlan ?? null;
}

export function featuresOf(view: Pick<PublicView, 'kind' | 'settings' | 'passwordHash' | 'ipAllow' | 'emailAuth' | 'frameAncestors'>) {
  return requiredFeatures(featureFactsOf(view));
}

export function featureFactsOf(view: Pick<PublicView, 'kind' | 'settings' | 'passwordHash' | 'ipAllow' | 'emailAuth' | 'frameAncestors'>) {
  return {
    kind: view.kind,
    settings: view.settings,
    hasPassword: view.passwordHash !== null,
    ipAllow: view.ipAllow,
    emailAuth: view.emailAuth != null,
    frameAncestors: view.frameAncestors ?? [],
  };
}

export function presentView(view: PublicView, plan: ViewPlan | null, creatorCode: string | null): PublicViewJson {
  const required = featuresOf(view);
  return {
    id: view.id,
    app: String(view.appId),
    kind: view.kind,
    title: view.title,
    description: view.description,
    settings: view.settings,
    published: view.published,
    hasPassword: view.passwordHash !== null,
    emailAuth: view.emailAuth ?? null,
    ipAllow: view.ipAllow,
    frameAncestors: view.frameAncestors ?? [],
    configVersion: view.configVersion,
    creator: { id: String(view.creatorId), code: creatorCode },
    requiredFeatures: required,
    missingFeatures: missingFeatures(required, plan),
    createdAt: view.createdAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
  };
}
