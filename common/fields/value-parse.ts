// One sent record value → its stored form, accepting every write form kintone accepts and
// reporting the rest under kintone's keys. Constraints that depend on the whole record
// (required, after defaults and merges) are checked by the caller.
import { type ProblemSink, charLength, echo } from './problems.js';
import { type OptionMap, limit, optionOrder, withinRange } from './property-values.js';
import { canonicalDate, canonicalDateTime, canonicalNumber, canonicalTime } from './scalars.js';
import { ENTITY_KIND, type Property, hasOwn, isObject } from './types.js';
import { type EntityCodes, type StoredFile, type StoredValue, emptyValue, pendingUpload } from './value-types.js';

export type ValueContext = {
  sink: ProblemSink;
  entityCodes: EntityCodes;
  uploadKeys: string[];
  /** Inside a table row, where kintone silently stores junk numbers as empty. */
  inTable: boolean;
};

/** `refused`: the sent value broke a rule and its problem is reported; required is not re-checked. */
export type Parsed = { value: StoredValue; refused: boolean };

const ok = (value: StoredValue): Parsed => ({ value, refused: false });

function scalarText(v: unknown): string | undefined {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return undefined;
}

type Message = Parameters<ProblemSink['add']>[1];

/** Reports the sent value of `p` as broken; the field is stored empty. */
function refuse(p: Property, prefix: string, ctx: ValueContext, message: Message, params?: Record<string, string | number>): Parsed {
  ctx.sink.add(`${prefix}.${p.code}.value`, message, params);
  return { value: emptyValue(p.type), refused: true };
}

// Most numbers arrive already in their stored form ("1200", "-3.5"): those need no decimal
// arithmetic to canonicalise. Anything else (exponents, "+", ".5", trailing zeros) goes the long way.
const CANONICAL_NUMBER = /^(?:0|-?[1-9]\d{0,29})(?:\.\d{0,29}[1-9])?$|^-0\.\d{0,29}[1-9]$/;

/**
 * `prefix` is `record`, `records[3]` or a table row's `record.t.value[0].value`; `current` is the
 * stored value (update) for files kept by key.
 */
export function parseValue(p: Property, v: unknown, prefix: string, ctx: ValueContext, current?: StoredValue): Parsed {
  switch (p.type) {
    case 'SINGLE_LINE_TEXT':
    case 'LINK':
    case 'MULTI_LINE_TEXT':
    case 'RICH_TEXT': {
      const s = scalarText(v);
      if (s === undefined) return refuse(p, prefix, ctx, 'invalid');
      // A blank text is empty to the required check, so it is not also "too short".
      if (s.trim() !== '' && (p.type === 'SINGLE_LINE_TEXT' || p.type === 'LINK')) {
        const max = limit(p.maxLength);
        const min = limit(p.minLength);
        const len = max !== undefined || min !== undefined ? charLength(s) : 0;
        if (max !== undefined && len > Number(max)) return refuse(p, prefix, ctx, 'tooLong', { n: Number(max) + 1 });
        if (min !== undefined && len < Number(min)) return refuse(p, prefix, ctx, 'tooShort', { n: Number(min) - 1 });
      }
      return ok(s);
    }
    case 'NUMBER': {
      const s = scalarText(v);
      if (s === undefined || s.trim() === '') return s === undefined ? refuse(p, prefix, ctx, 'invalid') : ok('');
      const n = CANONICAL_NUMBER.test(s) ? s : canonicalNumber(s);
      if (n === undefined) {
        // kintone's binder reports junk under the bracket key and then sees no value at all.
        if (!ctx.inTable) ctx.sink.add(`${prefix}[${p.code}].value`, 'notNumber');
        return ok('');
      }
      if ((p.maxValue || p.minValue) && !withinRange(n, p, `${prefix}.${p.code}.value`, ctx.sink)) return { value: n, refused: true };
      return ok(n);
    }
    case 'DATE':
    case 'TIME':
    case 'DATETIME': {
      const s = scalarText(v);
      if (s === '') return ok(null);
      const parse = p.type === 'DATE' ? canonicalDate : p.type === 'TIME' ? canonicalTime : canonicalDateTime;
      const out = s === undefined ? undefined : parse(s);
      if (out === undefined) return refuse(p, prefix, ctx, p.type === 'DATE' ? 'dateFormat' : p.type === 'TIME' ? 'timeFormat' : 'datetimeFormat');
      return ok(out);
    }
    case 'RADIO_BUTTON':
    case 'DROP_DOWN': {
      const s = scalarText(v);
      if (s === undefined) return refuse(p, prefix, ctx, 'invalid');
      if (s === '') return ok(null);
      if (!Object.hasOwn((p.options as OptionMap | undefined) ?? {}, s)) return refuse(p, prefix, ctx, 'oneOf', { value: echo(s) });
      return ok(s);
    }
    case 'CHECK_BOX':
    case 'MULTI_SELECT':
      return parseChoices(p, v, prefix, ctx);
    case 'USER_SELECT':
    case 'ORGANIZATION_SELECT':
    case 'GROUP_SELECT':
      return parseEntities(p, v, prefix, ctx);
    case 'FILE':
      return parseFiles(p, v, prefix, ctx, current);
    default:
      return ok(emptyValue(p.type));
  }
}

// Option maps belong to a live definition and never change: their order is worked out once.
const orders = new WeakMap<OptionMap, string[]>();

function orderOf(options: OptionMap): string[] {
  let out = orders.get(options);
  if (!out) orders.set(options, (out = optionOrder(options)));
  return out;
}

function parseChoices(p: Property, v: unknown, prefix: string, ctx: ValueContext): Parsed {
  if (v === null || v === undefined) return ok([]);
  if (!Array.isArray(v)) return refuse(p, prefix, ctx, 'invalid');
  const options = (p.options as OptionMap | undefined) ?? {};
  const chosen = new Set<string>();
  let refused = false;
  v.forEach((item, i) => {
    const s = scalarText(item);
    if (s !== undefined && Object.hasOwn(options, s)) return void chosen.add(s);
    ctx.sink.add(`${prefix}.${p.code}.values[${i}].value`, 'oneOf', { value: echo(s ?? JSON.stringify(item) ?? '') });
    refused = true;
  });
  return { value: orderOf(options).filter((o) => chosen.has(o)), refused };
}

function parseEntities(p: Property, v: unknown, prefix: string, ctx: ValueContext): Parsed {
  if (v === null || v === undefined) return ok([]);
  if (!Array.isArray(v)) return refuse(p, prefix, ctx, 'invalid');
  const kind = ENTITY_KIND[p.type]!;
  const seen = new Set<string>();
  for (const e of v) {
    const code = isObject(e) ? e.code : undefined;
    if (typeof code !== 'string' || code === '') return refuse(p, prefix, ctx, 'invalid');
    seen.add(code);
  }
  for (const code of seen) ctx.entityCodes[kind].add(code);
  return ok([...seen].map((code) => ({ code })));
}

function parseFiles(p: Property, v: unknown, prefix: string, ctx: ValueContext, current?: StoredValue): Parsed {
  if (v === null || v === undefined) return ok([]);
  if (!Array.isArray(v)) return refuse(p, prefix, ctx, 'invalid');
  const kept = new Map<string, StoredFile>();
  for (const f of Array.isArray(current) ? (current as StoredFile[]) : []) if (isObject(f) && hasOwn(f, 'fileKey')) kept.set(f.fileKey, f);
  const out: StoredFile[] = [];
  const seen = new Set<string>();
  for (const f of v) {
    const fileKey = isObject(f) ? f.fileKey : undefined;
    if (typeof fileKey !== 'string' || fileKey === '') return refuse(p, prefix, ctx, 'invalid');
    if (seen.has(fileKey)) continue;
    seen.add(fileKey);
    const existing = kept.get(fileKey);
    if (existing) out.push(existing);
    else {
      out.push(pendingUpload(fileKey));
      ctx.uploadKeys.push(fileKey);
    }
  }
  return ok(out);
}
