// Form fields in preview: add, update (including renames) and delete. Problems come back in
// kintone's `errors` shape (`properties.<code>.<attribute>`), all at once, and nothing is saved.
import { type Property, isSystemType, parseFieldProperties } from '../../../common/fields/index.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { type AppDefinition, carryFieldId, syncFieldIds } from './definition.js';
import { editPreview } from './load-app.js';
import { forgetFields, renameReferences } from './references.js';
import { relatedAppProblems } from './related-apps.js';
import { directoryVersion, guestSpaceOf } from '../spaces/space-access.js';

function refuse(problems: Record<string, FieldProblem[]>): void {
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });
}

export async function addFields(ctx: Ctx, appId: number, properties: Record<string, unknown>, revision?: number): Promise<number> {
  return editPreview(ctx, appId, revision, { action: 'app.fields.add', detail: { fields: Object.keys(properties) } }, async (def, app) => {
    const parsed = parseFieldProperties(properties, { mode: 'add', existing: def.fields, locale: ctx.locale });
    refuse(parsed.problems);
    refuse(await guestSpaceFieldProblems(ctx, app.spaceId, parsed.properties));
    refuse(await relatedAppProblems(ctx, appId, parsed.properties));
    for (const [code, p] of Object.entries(parsed.properties)) def.fields[code] = p;
    syncFieldIds(def);
  });
}

export async function updateFields(ctx: Ctx, appId: number, properties: Record<string, unknown>, revision?: number): Promise<number> {
  return editPreview(ctx, appId, revision, { action: 'app.fields.update', detail: { fields: Object.keys(properties) } }, async (def) => {
    const missing = Object.keys(properties).find((code) => !def.fields[code]);
    if (missing) throw new AppError('GAIA_FC01', { params: { code: missing.slice(0, 128) } });
    const parsed = parseFieldProperties(properties, { mode: 'update', existing: def.fields, locale: ctx.locale });
    refuse(parsed.problems);
    refuse(await relatedAppProblems(ctx, appId, parsed.properties));
    applyUpdates(def, parsed.properties, innerRenames(properties));
  });
}

/**
 * A guest space's apps cannot hold a department selection (kintone: the guest space has no
 * departments to offer; its templates refuse one too).
 */
async function guestSpaceFieldProblems(ctx: Ctx, spaceId: number | null, properties: Record<string, Property>): Promise<Record<string, FieldProblem[]>> {
  const problems: Record<string, FieldProblem[]> = {};
  if ((await guestSpaceOf(ctx, await directoryVersion(ctx), spaceId)) === null) return problems;
  const visit = (props: Record<string, Property>, at: (code: string) => string) => {
    for (const [code, p] of Object.entries(props)) {
      if (p.type === 'ORGANIZATION_SELECT') problems[`${at(code)}.type`] = [{ key: 'guestSpaceOrganizationField' }];
      if (p.type === 'SUBTABLE' && p.fields) visit(p.fields as Record<string, Property>, (inner) => `${at(code)}.fields.${inner}`);
    }
  };
  visit(properties, (code) => `properties.${code}`);
  return problems;
}

/** Column renames inside tables, read from the request (`fields: {old: {code: new}}`). */
function innerRenames(input: Record<string, unknown>): Array<[string, string]> {
  const renames: Array<[string, string]> = [];
  for (const raw of Object.values(input)) {
    const inner = (raw as { fields?: unknown } | null)?.fields;
    if (!inner || typeof inner !== 'object') continue;
    for (const [key, p] of Object.entries(inner as Record<string, { code?: unknown }>)) {
      if (typeof p?.code === 'string' && p.code !== key) renames.push([key, p.code]);
    }
  }
  return renames;
}

/** Keys are the codes as they were; a property whose `code` differs renames the field. */
function applyUpdates(def: AppDefinition, updated: Record<string, Property>, inner: Array<[string, string]>): void {
  const renames: Array<[string, string]> = [...inner];
  for (const [oldCode, p] of Object.entries(updated)) {
    if (p.code !== oldCode) renames.push([oldCode, p.code]);
  }
  const next: Record<string, Property> = {};
  for (const [code, p] of Object.entries(def.fields)) {
    const u = updated[code];
    next[u ? u.code : code] = u ?? p;
  }
  def.fields = next;
  for (const [from, to] of renames) carryFieldId(def, from, to);
  syncFieldIds(def);
  renameReferences(def, renames);
}

export async function deleteFields(ctx: Ctx, appId: number, codes: string[], revision?: number): Promise<number> {
  return editPreview(ctx, appId, revision, { action: 'app.fields.delete', detail: { fields: codes } }, (def) => {
    const problems: Record<string, FieldProblem[]> = {};
    // A table's column is deleted by its own code, as kintone's API allows; the table keeps at
    // least one column (delete the table itself to lose them all).
    const columns = new Map<string, Property>();
    codes.forEach((code, i) => {
      const p = def.fields[code];
      if (p) {
        if (isSystemType(p.type)) problems[`fields[${i}]`] = [{ key: 'systemField' }];
        return;
      }
      const table = Object.values(def.fields).find((t) => t.type === 'SUBTABLE' && Object.hasOwn((t.fields as Record<string, Property> | undefined) ?? {}, code));
      if (!table) throw new AppError('GAIA_FC01', { params: { code: code.slice(0, 128) } });
      columns.set(code, table);
    });
    for (const [i, code] of codes.entries()) {
      const table = columns.get(code);
      if (!table || codes.includes(table.code)) continue;
      const left = Object.keys(table.fields as Record<string, Property>).filter((c) => !codes.includes(c));
      if (left.length === 0) problems[`fields[${i}]`] = [{ key: 'systemField' }];
    }
    refuse(problems);
    for (const code of codes) {
      if (def.fields[code]) delete def.fields[code];
      else {
        const table = columns.get(code);
        if (table && def.fields[table.code]) delete (def.fields[table.code]!.fields as Record<string, Property>)[code];
      }
    }
    syncFieldIds(def);
    forgetFields(def);
  });
}
