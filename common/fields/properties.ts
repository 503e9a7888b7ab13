// POST and PUT `app/form/fields`: the request's `properties` map checked and completed against
// the app's current form. Codes are unique across the whole app, table columns included, so one
// ledger of claimed codes runs over every field the request leaves alone and every one it sends.
import type { Locale } from '../access.js';
import { type Problem, ProblemSink, echo } from './problems.js';
import { type PropertyContext, parseProperty } from './property-one.js';
import { checkReferences } from './property-refs.js';
import { type Property, dict, hasOwn, isObject, ownEntries } from './types.js';

export type { Problem };

export type ParseFieldOptions = {
  mode: 'add' | 'update';
  /** The app's fields as they are now (preview), keyed by code. */
  existing: Record<string, Property>;
  locale: Locale;
};

class CodeLedger {
  private readonly owners = new Set<string>();
  constructor(private readonly sink: ProblemSink) {}

  claim(code: string, at: string): void {
    if (this.owners.has(code)) this.sink.add(at, 'fieldCodeDuplicate', { code: echo(code) });
    this.owners.add(code);
  }

  claimField(p: Property): void {
    this.owners.add(p.code);
    for (const q of innerFields(p)) this.owners.add(q.code);
  }
}

function innerFields(p: Property): Property[] {
  return p.type === 'SUBTABLE' && isObject(p.fields) ? Object.values(p.fields as Record<string, Property>) : [];
}

/**
 * Answers the parsed properties keyed as the request keyed them (in update mode a property whose
 * `code` differs from its key is a rename), and every problem under `properties.<code>.<attr>`.
 * `properties` is complete only when `problems` is empty.
 */
export function parseFieldProperties(
  input: unknown,
  options: ParseFieldOptions,
): { properties: Record<string, Property>; problems: Record<string, Problem[]> } {
  const sink = new ProblemSink();
  const properties = dict<Property>();
  if (!isObject(input)) {
    sink.add('properties', input === undefined || input === null ? 'required' : 'invalid');
    return { properties, problems: sink.all };
  }
  const { existing, mode } = options;
  const ledger = new CodeLedger(sink);
  for (const [code, p] of ownEntries(existing) as [string, Property][]) {
    if (mode === 'add' || !hasOwn(input, code)) ledger.claimField(p);
  }
  // Problem-key base of every field this request touched, by its code after the request.
  const touched = new Map<string, string>();
  for (const [key, raw] of ownEntries(input)) {
    const base = `properties.${key}`;
    const current = mode === 'update' && hasOwn(existing, key) ? existing[key] : undefined;
    if (mode === 'update' && !current) {
      sink.add(base, 'fieldNotFound', { code: echo(key) });
      continue;
    }
    const ctx: PropertyContext = { base, key, existing: current, inner: false, sink };
    const prop = parseProperty(raw, ctx);
    const isTable = (prop ?? current)?.type === 'SUBTABLE' || (isObject(raw) && raw.type === 'SUBTABLE');
    const fields = isTable && isObject(raw) ? parseTableFields(raw, current, ctx, ledger, touched) : undefined;
    if (!prop) continue;
    ledger.claim(prop.code, `${base}.code`);
    touched.set(prop.code, base);
    if (fields) prop.fields = fields;
    properties[key] = prop;
  }
  if (sink.empty) checkReferences(finalForm(existing, properties, mode), (code) => touched.get(code), sink);
  return { properties, problems: sink.all };
}

/**
 * A table's columns. Adding a table sends them all; updating one sends only the columns to add
 * or change (keyed by their current codes), and the others stay as they are.
 */
function parseTableFields(
  raw: Record<string, unknown>,
  current: Property | undefined,
  ctx: PropertyContext,
  ledger: CodeLedger,
  touched: Map<string, string>,
): Record<string, Property> | undefined {
  const at = `${ctx.base}.fields`;
  const before = current && isObject(current.fields) ? (current.fields as Record<string, Property>) : undefined;
  const sent = raw.fields;
  if (sent === undefined && before) {
    for (const q of Object.values(before)) ledger.claim(q.code, at);
    return before;
  }
  if (!isObject(sent) || Object.keys(sent).length === 0) return void ctx.sink.add(at, sent === undefined ? 'required' : 'invalid');
  // Columns left alone hold their codes first, so a column renamed onto one of them is the one told.
  for (const [code, q] of Object.entries(before ?? {})) if (!hasOwn(sent, code)) ledger.claim(q.code, at);
  const updated = new Map<string, Property>();
  const added: Property[] = [];
  for (const [key, innerRaw] of ownEntries(sent)) {
    const base = `${at}.${key}`;
    const existing = before && hasOwn(before, key) ? before[key] : undefined;
    const q = parseProperty(innerRaw, { base, key, existing, inner: true, sink: ctx.sink });
    if (!q) continue;
    ledger.claim(q.code, `${base}.code`);
    touched.set(q.code, base);
    if (existing) updated.set(key, q);
    else added.push(q);
  }
  const out = dict<Property>();
  for (const [code, q] of Object.entries(before ?? {})) {
    const next = updated.get(code);
    out[next ? next.code : code] = next ?? q;
  }
  for (const q of added) out[q.code] = q;
  return out;
}

/** The whole form as it would be after the request, keyed by code. */
function finalForm(existing: Record<string, Property>, parsed: Record<string, Property>, mode: 'add' | 'update'): Record<string, Property> {
  const out = dict<Property>();
  for (const [code, p] of Object.entries(existing)) {
    const next = mode === 'update' ? parsed[code] : undefined;
    out[next ? next.code : code] = next ?? p;
  }
  if (mode === 'add') for (const p of Object.values(parsed)) out[p.code] = p;
  return out;
}
