// What a space template keeps: the space's settings and body, its threads' names and bodies, and
// the live definition of each of its apps as it was when saved (fields, layout, views, process
// management, notifications and permissions, rows naming people included). Apps refer to each
// other by the key they had in the template, so a new space's copies can be re-pointed at each
// other (lookups and Related Records).
import type { Lookup, Property, ReferenceTable } from '../../../common/fields/index.js';
import type { AppDefinition } from '../apps/definition.js';

export const TEMPLATE_VERSION = 1;

export interface TemplateSpace {
  isPrivate: boolean;
  useMultiThread: boolean;
  fixedMember: boolean;
  showAnnouncement: boolean;
  showThreadList: boolean;
  showAppList: boolean;
  showMemberList: boolean;
  showRelatedLinkList: boolean;
  createApp: 'EVERYONE' | 'ADMIN';
  body: string | null;
}

export interface TemplateThread {
  name: string;
  body: string | null;
}

export interface TemplateApp {
  /** The app's id when the template was saved: how other apps of the template name it. */
  key: number;
  /** Its app code then (lookups may name an app by code); never given to the copy. */
  code: string;
  name: string;
  description: string;
  /** Index into `threads`; null: the new space's default thread. */
  thread: number | null;
  definition: AppDefinition;
}

export interface TemplateDefinition {
  version: number;
  space: TemplateSpace;
  /** The default thread first, then the others in the order they were made. */
  threads: TemplateThread[];
  apps: TemplateApp[];
}

/** Each field of an app, table columns included. */
export function eachField(fields: Record<string, Property>): Property[] {
  const out: Property[] = [];
  for (const p of Object.values(fields)) {
    out.push(p);
    if (p.type === 'SUBTABLE' && p.fields && typeof p.fields === 'object') out.push(...Object.values(p.fields as Record<string, Property>));
  }
  return out;
}

/** kintone's rule: a template whose apps hold a department selection cannot make a guest space. */
export function hasOrganizationSelect(def: TemplateDefinition): boolean {
  return def.apps.some((a) => eachField(a.definition.fields).some((p) => p.type === 'ORGANIZATION_SELECT'));
}

type AppRef = { app: string; code: string };

/** The app a lookup or Related Records field names: the template app's key, or an outside one. */
function refersTo(ref: AppRef, def: TemplateDefinition): { inside: TemplateApp } | { outside: true } {
  const id = Number(ref.app || 0);
  const inside = id ? def.apps.find((a) => a.key === id) : ref.code ? def.apps.find((a) => a.code !== '' && a.code === ref.code) : undefined;
  return inside ? { inside } : { outside: true };
}

function refsOf(p: Property): AppRef[] {
  const refs: AppRef[] = [];
  if (p.lookup && typeof p.lookup === 'object') refs.push((p.lookup as Lookup).relatedApp);
  if (p.type === 'REFERENCE_TABLE' && p.referenceTable && typeof p.referenceTable === 'object') refs.push((p.referenceTable as ReferenceTable).relatedApp);
  return refs;
}

/** Whether any app of the template looks up or relates to an app that is not in the template. */
export function refersOutside(def: TemplateDefinition): boolean {
  return def.apps.some((a) => eachField(a.definition.fields).some((p) => refsOf(p).some((r) => 'outside' in refersTo(r, def))));
}

/** Whether this app's lookups or Related Records name another app of the template. */
export function refersInside(app: TemplateApp, def: TemplateDefinition): boolean {
  return eachField(app.definition.fields).some((p) => refsOf(p).some((r) => 'inside' in refersTo(r, def)));
}

/** Points references to template apps at their copies (by id; a code would name the original). */
export function repoint(fields: Record<string, Property>, def: TemplateDefinition, copies: ReadonlyMap<number, number>): void {
  for (const p of eachField(fields)) {
    for (const ref of refsOf(p)) {
      const target = refersTo(ref, def);
      if (!('inside' in target)) continue;
      ref.app = String(copies.get(target.inside.key));
      ref.code = '';
    }
  }
}

/**
 * The definition without its references to other template apps, for a first deploy before those
 * apps are live: a lookup becomes the plain field it fills, a Related Records field goes (nothing
 * can refer to one). The full definition follows once every copy is live.
 */
export function withoutInsideRefs(app: TemplateApp, def: TemplateDefinition): AppDefinition['fields'] {
  const strip = (fields: Record<string, Property>): Record<string, Property> => {
    const out: Record<string, Property> = {};
    for (const [code, p] of Object.entries(fields)) {
      if (p.type === 'REFERENCE_TABLE' && refsOf(p).some((r) => 'inside' in refersTo(r, def))) continue;
      let copy: Property = p;
      if (p.lookup && typeof p.lookup === 'object' && 'inside' in refersTo((p.lookup as Lookup).relatedApp, def)) {
        const { lookup: _lookup, ...plain } = p;
        copy = plain as Property;
      }
      if (copy.type === 'SUBTABLE' && copy.fields && typeof copy.fields === 'object') copy = { ...copy, fields: strip(copy.fields as Record<string, Property>) };
      out[code] = copy;
    }
    return out;
  };
  return strip(app.definition.fields);
}
