import { allFieldCodes, type AppDefinition } from './definition.js';

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
