// Reading and saving an app's permission settings (app/acl, record/acl, field/acl). Like every
// setting they are edited in preview; kintone's live PUT saves to preview and deploys the app at
// once, with whatever else was waiting in preview.
import { type AppAclRight, type FieldAclRight, type RecordAclEntity, type RecordAclRight } from '../../../common/api/acl.js';
import type { Property } from '../../../common/fields/index.js';
import { dependencyProblems } from '../../policy/app-rights.js';
import type { Stage } from '../../storage/apps.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { deployApps } from './deploy-apps.js';
import { type AppDefinition, appAclOf } from './definition.js';
import { editPreview, readStage } from './load-app.js';
import { conditionProblem, unknownEntities } from './setting-checks.js';

/** Settings reads need the right to manage the app, on either stage. */
export async function readPermissions(ctx: Ctx, appId: number, stage: Stage) {
  const { definition, revision } = await readStage(ctx, appId, stage, 'app.manage');
  return {
    revision,
    appAcl: appAclOf(definition),
    recordAcl: definition.recordAcl ?? [],
    fieldAcl: definition.fieldAcl ?? [],
  };
}

async function save(ctx: Ctx, appId: number, stage: Stage, revision: number | undefined, action: string, change: (def: AppDefinition) => Promise<void>): Promise<number> {
  const next = await editPreview(ctx, appId, revision, { action }, change);
  if (stage === 'live') await deployApps(ctx, [{ app: appId }], false);
  return next;
}

export async function saveAppAcl(ctx: Ctx, appId: number, stage: Stage, rights: AppAclRight[], revision?: number): Promise<number> {
  return save(ctx, appId, stage, revision, 'app.acl', async (def) => {
    const problems = await unknownEntities(ctx, rights.map((r, i) => ({ at: `rights[${i}]`, entity: r.entity })));
    rights.forEach((r, i) => {
      for (const flag of dependencyProblems(r)) problems[`rights[${i}].${flag}`] = [{ key: flag === 'recordImportable' ? 'aclNeedsAdd' : 'aclNeedsView' }];
    });
    if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });
    def.appAcl = rights.map((r) => ({ ...r, entity: r.entity.type === 'CREATOR' ? { type: 'CREATOR', code: null } : r.entity }));
  });
}

/** Field types whose values name people, and the system fields that do: FIELD_ENTITY targets. */
const ENTITY_FIELD_TYPES = new Set(['USER_SELECT', 'ORGANIZATION_SELECT', 'GROUP_SELECT', 'CREATOR', 'MODIFIER', 'STATUS_ASSIGNEE']);
function fieldEntityProblem(fields: Record<string, Property>, entity: RecordAclEntity): FieldProblem | null {
  if (entity.type !== 'FIELD_ENTITY') return null;
  const p = fields[entity.code];
  if (!p) return { key: 'aclFieldNotFound' };
  return ENTITY_FIELD_TYPES.has(p.type) ? null : { key: 'aclFieldEntity' };
}

export async function saveRecordAcl(ctx: Ctx, appId: number, stage: Stage, rights: RecordAclRight[], revision?: number): Promise<number> {
  return save(ctx, appId, stage, revision, 'record.acl', async (def) => {
    const at = rights.flatMap((r, i) => r.entities.map((e, j) => ({ at: `rights[${i}].entities[${j}]`, entity: e.entity })));
    const problems = await unknownEntities(ctx, at);
    rights.forEach((r, i) => {
      const cond = conditionProblem(def.fields, r.filterCond);
      if (cond) problems[`rights[${i}].filterCond`] = [cond];
      r.entities.forEach((e, j) => {
        const p = fieldEntityProblem(def.fields, e.entity);
        if (p) problems[`rights[${i}].entities[${j}].entity.code`] = [p];
      });
    });
    if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });
    def.recordAcl = rights;
  });
}

export async function saveFieldAcl(ctx: Ctx, appId: number, stage: Stage, rights: FieldAclRight[], revision?: number): Promise<number> {
  return save(ctx, appId, stage, revision, 'field.acl', async (def) => {
    const at = rights.flatMap((r, i) => r.entities.map((e, j) => ({ at: `rights[${i}].entities[${j}]`, entity: e.entity })));
    const problems = await unknownEntities(ctx, at);
    const seen = new Set<string>();
    rights.forEach((r, i) => {
      // Whole fields only: a table is permitted as one, as in kintone's settings screen.
      const p = def.fields[r.code];
      if (!p || ['GROUP', 'REFERENCE_TABLE', 'LABEL', 'SPACER', 'HR'].includes(p.type)) problems[`rights[${i}].code`] = [{ key: 'aclFieldNotFound' }];
      else if (seen.has(r.code)) problems[`rights[${i}].code`] = [{ key: 'duplicateInRequest' }];
      seen.add(r.code);
      r.entities.forEach((e, j) => {
        const p = fieldEntityProblem(def.fields, e.entity);
        if (p) problems[`rights[${i}].entities[${j}].entity.code`] = [p];
      });
    });
    if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });
    def.fieldAcl = rights;
  });
}
