import { allFieldCodes, type AppDefinition } from './definition.js';
import { renameProcessFields } from '../process/model.js';
import { renameNotificationFields } from '../notifications/settings-model.js';
import { forgetReportFields, renameReportFields } from '../reports/references.js';

/**
 * After fields are deleted, settings that named them forget them, as kintone does: layout
 * cells, list-view columns, calendar fields and a manual title field.
 */
export function forgetFields(def: AppDefinition): void {
  const live = new Set(allFieldCodes(def.fields));
  if (def.layout) def.layout = pruneLayout(def.layout, live);
  for (const view of Object.values(def.views)) {
    if (Array.isArray(view.fields)) view.fields = (view.fields as string[]).filter((c) => live.has(c));
    if (typeof view.date === 'string' && !live.has(view.date)) view.date = '';
    if (typeof view.title === 'string' && !live.has(view.title)) view.title = '';
  }
  if (def.settings.titleField.selectionMode === 'MANUAL' && !live.has(def.settings.titleField.code)) {
    def.settings.titleField = { selectionMode: 'AUTO', code: '' };
  }
  forgetReportFields(def, live);
}

type Item = Record<string, unknown>;

function pruneLayout(items: unknown[], live: Set<string>): unknown[] {
  const out: unknown[] = [];
  for (const raw of items) {
    const item = raw as Item;
    const gone = typeof item.code === 'string' && item.code !== '' && !live.has(item.code);
    // A deleted group field frees its rows rather than taking them with it.
    if (item.type === 'GROUP' && gone && Array.isArray(item.layout)) {
      out.push(...pruneLayout(item.layout, live));
      continue;
    }
    if ((item.type === 'SUBTABLE' || item.type === 'REFERENCE_TABLE') && gone) continue;
    if (item.type === 'GROUP' && Array.isArray(item.layout)) {
      out.push({ ...item, layout: pruneLayout(item.layout, live) });
    } else if (Array.isArray(item.fields)) {
      const fields = (item.fields as Item[]).filter((f) => typeof f.code !== 'string' || f.code === '' || live.has(f.code));
      if (item.type === 'ROW' && fields.length === 0 && (item.fields as unknown[]).length > 0) continue;
      out.push({ ...item, fields });
    } else {
      out.push(item);
    }
  }
  return out;
}

/**
 * After fields are renamed, settings that named them follow: layout cells, tables and groups,
 * list-view columns, calendar fields, the title field, lookup and related-records settings
 * that name this app's fields, and process management's assignee and executor fields.
 */
export function renameReferences(def: AppDefinition, renames: Array<[string, string]>): void {
  if (renames.length === 0) return;
  const to = new Map(renames);
  const re = (code: unknown) => (typeof code === 'string' && to.has(code) ? to.get(code)! : code);
  const walk = (items: unknown[]): unknown[] =>
    items.map((raw) => {
      const item = { ...(raw as Item) };
      if ('code' in item) item.code = re(item.code);
      if (Array.isArray(item.fields)) item.fields = (item.fields as Item[]).map((f) => ({ ...f, code: re(f.code) }));
      if (Array.isArray(item.layout)) item.layout = walk(item.layout);
      return item;
    });
  if (def.layout) def.layout = walk(def.layout);
  for (const view of Object.values(def.views)) {
    if (Array.isArray(view.fields)) view.fields = (view.fields as string[]).map((c) => re(c) as string);
    if ('date' in view) view.date = re(view.date);
    if ('title' in view) view.title = re(view.title);
  }
  def.settings.titleField = { ...def.settings.titleField, code: re(def.settings.titleField.code) as string };
  for (const p of Object.values(def.fields)) {
    const lookup = p.lookup as { fieldMappings?: Array<{ field: string }> } | undefined;
    if (lookup?.fieldMappings) lookup.fieldMappings = lookup.fieldMappings.map((m) => ({ ...m, field: re(m.field) as string }));
    const ref = p.referenceTable as { condition?: { field: string } } | undefined;
    if (ref?.condition) ref.condition = { ...ref.condition, field: re(ref.condition.field) as string };
  }
  renameProcessFields(def.process, (code) => re(code) as string);
  renameNotificationFields(def.notifications, (code) => re(code) as string);
  renameReportFields(def, (code) => re(code) as string);
}
