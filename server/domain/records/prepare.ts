// Turns the records of one write call into the values to store, or throws one CB_VA01 naming
// every problem in every record. Nothing is written here except file attachments, which happen
// in the caller's transaction and vanish with it if anything later fails.
import { type Property, type StoredValue, type SystemInput, parseRecordInput, resolveUploads } from '../../../common/fields/index.js';
import { attachUploads } from '../../files/attach-uploads.js';
import { takenUniqueValues } from '../../storage/records.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { type Kind, existingEntities, unknownEntityProblems } from './entities.js';
import { guestSpaceOf, spacePeople } from '../spaces/space-access.js';
import { spaceMemberRefs } from '../../storage/threads.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import { sanitizeRichText } from '../rich-text.js';
import { computeFormulas } from './formulas.js';
import { applyLookups } from './lookups.js';
import type { RecordSchema } from './schema.js';
import type { Writer } from './writer.js';

type Values = Record<string, StoredValue>;

export interface WriteItem {
  input: unknown;
  prefix: string;
  /** Values by code before the write (update), and the record's id. */
  existing?: { id: number; values: Values };
}

// Table rows get ids numbered per app. Parsing hands out placeholders; the numbers are taken
// once the whole write is known to be valid, and only for rows that are really new.
const NEW_ROW = '\u0000new-row:';

function numberNewRows(schema: RecordSchema, values: Values[], ids: number[]): void {
  for (const p of Object.values(schema.fields)) {
    if (p.type !== 'SUBTABLE') continue;
    for (const v of values) {
      const rows = v[p.code];
      if (!Array.isArray(rows)) continue;
      for (const row of rows as Array<{ id: string }>) {
        if (row.id.startsWith(NEW_ROW)) row.id = String(ids[Number(row.id.slice(NEW_ROW.length))]);
      }
    }
  }
}

export async function prepareWrites(
  ctx: Ctx,
  schema: RecordSchema,
  items: WriteItem[],
  writer: Writer,
  /** Filled with the creator, modifier and times each new record was sent with (spec §4.1). */
  systems?: SystemInput[],
): Promise<Values[]> {
  let newRows = 0;
  const newRowId = () => `${NEW_ROW}${newRows++}`;

  const problems: Record<string, FieldProblem[]> = {};
  const parsed = items.map((item) => {
    const r = parseRecordInput(schema.fields, item.input, {
      mode: item.existing ? 'update' : 'create',
      existing: item.existing?.values,
      prefix: item.prefix,
      now: ctx.now,
      timeZone: writer.timeZone,
      newRowId,
      actor: writer.code ? { user: writer.code, primaryOrganization: writer.primaryOrganization } : undefined,
    });
    Object.assign(problems, r.problems);
    return r;
  });

  const codes = { user: new Set<string>(), organization: new Set<string>(), group: new Set<string>() };
  for (const r of parsed) for (const k of ['user', 'organization', 'group'] as const) for (const c of r.entityCodes[k]) codes[k].add(c);
  const known = await peopleOfPlace(ctx, schema, await existingEntities(ctx, codes));
  // Only codes the writer sent are checked: a default (LOGINUSER(), or a user named in the
  // field's settings who has since left) never blocks a save.
  parsed.forEach((r, i) => Object.assign(problems, unknownEntityProblems(schema.fields, r.values, known, items[i]!.prefix, r.entityCodes)));

  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });
  // Copies come before uniqueness and formulas: both may read what a lookup copied.
  await applyLookups(ctx, schema, items, parsed.map((r) => r.values));
  Object.assign(problems, await uniqueProblems(ctx, schema, items, parsed.map((r) => r.values)));
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });

  for (const r of parsed) {
    if (r.uploadKeys.length === 0) continue;
    const attached = await attachUploads(ctx, r.uploadKeys);
    const byKey = new Map(r.uploadKeys.map((k, i) => [k, attached[i]!]));
    resolveUploads(schema.fields, r.values, r.uploadKeys, (key) => {
      const f = byKey.get(key)!;
      return { fileKey: f.fileKey, name: f.name, contentType: f.contentType, size: String(f.size) };
    });
  }
  if (systems) systems.push(...parsed.map((r) => r.system));
  for (const r of parsed) {
    sanitizeRichTextValues(schema.fields, r.values);
    computeFormulas(schema, r.values, writer.timeZone, writer.locale);
  }
  const values = parsed.map((r) => r.values);
  if (newRows) numberNewRows(schema, values, await ctx.takeIds(`row:${schema.app.id}`, newRows));
  return values;
}

/**
 * In a guest space's apps, people are chosen among the space's own (members and guests), groups
 * and departments among those that are its members, and a guest — who may not see the directory —
 * chooses no group or department. Anything else is answered exactly like a code that does not
 * exist (probe G16).
 */
async function peopleOfPlace(ctx: Ctx, schema: RecordSchema, known: Record<Kind, Set<string>>): Promise<Record<Kind, Set<string>>> {
  const guestSpace = await guestSpaceOf(ctx, schema.directoryVersion, schema.app.spaceId);
  if (guestSpace === null && ctx.actor.kind !== 'guest') return known;
  const users = guestSpace === null ? new Set<string>() : await spacePeople(ctx, schema.directoryVersion, guestSpace, [...known.user]);
  if (ctx.actor.kind === 'guest' || guestSpace === null) return { user: users, organization: new Set(), group: new Set() };
  // Groups and departments only where they are members of the space, as in its threads.
  const members = new Set((await spaceMemberRefs(ctx.db, ctx.actor.domainId, guestSpace)).flatMap((m) => (m.type === 'USER' || !m.code ? [] : [`${m.type}:${codeKey(m.code)}`])));
  const keep = (kind: 'organization' | 'group', type: string) => new Set([...known[kind]].filter((k) => members.has(`${type}:${k}`)));
  return { user: users, organization: keep('organization', 'ORGANIZATION'), group: keep('group', 'GROUP') };
}

// Whether a field set holds rich text anywhere (tables included), worked out once per set.
const richText = new WeakMap<Record<string, Property>, boolean>();

function hasRichText(fields: Record<string, Property>): boolean {
  let out = richText.get(fields);
  if (out === undefined) {
    out = Object.values(fields).some((p) => p.type === 'RICH_TEXT' || (p.type === 'SUBTABLE' && hasRichText((p.fields ?? {}) as Record<string, Property>)));
    richText.set(fields, out);
  }
  return out;
}

function sanitizeRichTextValues(fields: Record<string, Property>, values: Values): void {
  if (!hasRichText(fields)) return;
  for (const p of Object.values(fields)) {
    const v = values[p.code];
    if (p.type === 'RICH_TEXT' && typeof v === 'string' && v !== '') values[p.code] = sanitizeRichText(v);
    if (p.type === 'SUBTABLE' && Array.isArray(v)) {
      for (const row of v as Array<{ value: Values }>) sanitizeRichTextValues((p.fields ?? {}) as Record<string, Property>, row.value);
    }
  }
}

/** The value a unique field is keyed by: the stored canonical form. */
export function uniqueKey(p: Property, v: StoredValue | undefined): string | null {
  if (typeof v !== 'string' || v.trim() === '') return null;
  return p.type === 'NUMBER' ? v.replace(/^-0$/, '0') : v;
}

async function uniqueProblems(ctx: Ctx, schema: RecordSchema, items: WriteItem[], values: Values[]): Promise<Record<string, FieldProblem[]>> {
  const problems: Record<string, FieldProblem[]> = {};
  for (const p of schema.unique) {
    const fieldId = schema.fieldIds[p.code]!;
    const seen = new Map<string, number>();
    const wanted: string[] = [];
    values.forEach((v, i) => {
      const key = uniqueKey(p, v[p.code]);
      if (key === null) return;
      if (seen.has(key)) problems[`${items[i]!.prefix}.${p.code}.value`] = [{ key: 'duplicate' }];
      else seen.set(key, i);
      wanted.push(key);
    });
    const except = items.flatMap((it) => (it.existing ? [it.existing.id] : []));
    const taken = await takenUniqueValues(ctx.db, schema.app.domainId, schema.app.id, fieldId, wanted, except);
    for (const key of taken) problems[`${items[seen.get(key)!]!.prefix}.${p.code}.value`] = [{ key: 'duplicate' }];
  }
  return problems;
}
