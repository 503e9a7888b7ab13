// What a records call needs to know about its app: the live fields, where each is stored, and
// the formulas in the order they must be computed. Built from the live definition only —
// preview changes never reach records until deployed.
import { type Formula, calcOrder, parseFormula } from '../../../common/calc/index.js';
import type { Property } from '../../../common/fields/index.js';
import type { App } from '../../storage/apps.repo.js';
import type { Ctx } from '../context.js';
import type { AppDefinition } from '../apps/definition.js';
import { appFor, definitionOf } from '../apps/load-app.js';
import { stageRevision } from '../../storage/apps.repo.js';
import { AppError } from '../app-error.js';
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
  return { app, def, revision, fields: def.fields, fieldIds: def.fieldIds, tableOf, formulas, unique };
}

/**
 * The live schema of an app the actor may read. Built once per app revision and kept: each
 * request reads only the app row and the live revision number, never the definition.
 */
export async function recordSchema(ctx: Ctx, appId: number): Promise<RecordSchema> {
  const app = await appFor(ctx, appId, 'app.read');
  const revision = app.deployed ? await stageRevision(ctx.db, app.domainId, app.id, 'live') : null;
  if (revision === null) throw new AppError('GAIA_AP01', { params: { id: appId } });
  const key = `${app.domainId}:${app.id}:${revision}`;
  let schema = cache.get(key);
  if (!schema) {
    const { definition, revision: loaded } = await definitionOf(ctx, app, 'live');
    schema = build(app, definition, loaded);
    if (cache.size > 500) cache.clear();
    cache.set(`${app.domainId}:${app.id}:${loaded}`, schema);
  }
  // The app row (name, code) may have changed without a new live revision.
  return schema.app === app ? schema : { ...schema, app };
}
