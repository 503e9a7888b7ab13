// What a records call needs to know about its app: the live fields, where each is stored, and
// the formulas in the order they must be computed. Built from the live definition only —
// preview changes never reach records until deployed.
import { type Formula, calcOrder, parseFormula } from '../../../common/calc/index.js';
import { type ApiRecordWriter, type Property, compileApiRecord } from '../../../common/fields/index.js';
import type { App } from '../../storage/apps.repo.js';
import { type Ctx, mayFillCaches } from '../context.js';
import type { AppDefinition } from '../apps/definition.js';
import { type AppRights, NO_RIGHTS } from '../../../common/api/acl.js';
import { rightsOn } from '../apps/app-access.js';
import { type FieldLimits, NO_LIMITS, fieldLimits } from './field-limits.js';
import { appAclOf } from '../apps/definition.js';
import { checkApp, definitionOf, forbidden, unseen } from '../apps/load-app.js';
import { findAppForRecords } from '../../storage/apps.repo.js';
import { formulaFieldsOf, hasFormula } from '../apps/formula-fields.js';

export interface FormulaField {
  code: string;
  property: Property;
  formula: Formula | null;
  /** The table the field sits in, if any. */
  table?: string;
}

export interface RecordSchema {
  app: App;
  def: AppDefinition;
  revision: number;
  fields: Record<string, Property>;
  /** code → internal id, top-level and table columns alike. */
  fieldIds: Record<string, string>;
  /** code → table code, for table columns. */
  tableOf: Record<string, string>;
  formulas: FormulaField[];
  unique: Property[];
  /** Writes a stored record (values by internal id) as kintone's JSON. */
  writeApi: ApiRecordWriter;
  /** The domain's directory version when this request read the app (names in records). */
  directoryVersion: number;
  /** The actor's rights on the app, for this request. */
  rights: AppRights;
  /** The actor's field permissions, for this request. */
  fieldLimits: FieldLimits;
}

const cache = new Map<string, RecordSchema>();


function build(app: App, def: AppDefinition, revision: number): RecordSchema {
  const tableOf: Record<string, string> = {};
  const flat: Record<string, Property & { table?: string }> = {};
  for (const p of Object.values(def.fields)) {
    flat[p.code] = p;
    if (p.type === 'SUBTABLE' && p.fields) {
      for (const inner of Object.values(p.fields as Record<string, Property>)) {
        tableOf[inner.code] = p.code;
        flat[inner.code] = { ...inner, table: p.code };
      }
    }
  }
  const formulaFields = Object.values(flat).filter(hasFormula);
  const order = calcOrder(formulaFieldsOf(def.fields));
  const ordered = order.ok ? order.order.map((c) => flat[c]!).filter(hasFormula) : formulaFields;
  const formulas = ordered.map((p) => {
    let formula: Formula | null;
    try {
      formula = parseFormula(String(p.expression));
    } catch {
      formula = null; // a formula that no longer parses yields "" as kintone does
    }
    return { code: p.code, property: p, formula, table: tableOf[p.code] };
  });
  const unique = Object.values(def.fields).filter((p) => p.unique === true);
  const writeApi = compileApiRecord(def.fields, (code) => def.fieldIds[code]);
  return { app, def, revision, fields: def.fields, fieldIds: def.fieldIds, tableOf, formulas, unique, writeApi, directoryVersion: 0, rights: NO_RIGHTS, fieldLimits: NO_LIMITS };
}

/** What a records call does, as the app permission that allows it. */
export type RecordNeed = 'view' | 'add' | 'edit' | 'delete';

/**
 * The live schema of an app, with the actor's rights on it. Built once per app revision and
 * kept: each request reads only the app row, the live revision number and the domain's
 * directory version (one statement), never the definition. An app the actor cannot see answers
 * like a missing one (GAIA_AP01); one it sees without the right `need` names, CB_NO02.
 */
export async function recordSchema(ctx: Ctx, appId: number, need: RecordNeed): Promise<RecordSchema> {
  const found = await findAppForRecords(ctx.db, ctx.actor.domainId, appId);
  if (!found || !found.app.deployed || found.liveRevision === null) throw unseen(ctx, appId);
  const { app, liveRevision: revision, directoryVersion } = found;
  const key = `${app.domainId}:${app.id}:${revision}`;
  let schema = cache.get(key);
  if (!schema) {
    const { definition, revision: loaded } = await definitionOf(ctx, app, 'live');
    schema = build(app, definition, loaded);
    if (cache.size > 500) cache.clear();
    if (mayFillCaches(ctx)) cache.set(`${app.domainId}:${app.id}:${loaded}`, schema);
  }
  const rights = await rightsOn(ctx, app, appAclOf(schema.def), directoryVersion);
  await checkApp(ctx, appId, app, rights, 'app.read', directoryVersion);
  if (!rights[need]) throw forbidden(ctx);
  const limits = await fieldLimits(ctx, { ...schema, directoryVersion });
  // The app row (name, code) may have changed without a new live revision.
  return { ...schema, app, directoryVersion, rights, fieldLimits: limits };
}
