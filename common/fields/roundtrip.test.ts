// Property: whatever valid form a value is written in, reading it back (GET) and writing that
// back (PUT) stores exactly the same thing. This is what a script doing read-modify-write relies on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toApiRecord } from './api-record.js';
import { fixtureFields } from './test-support.js';
import { parseRecordInput } from './values.js';

const fields = fixtureFields();
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const text = (min = 0, max = 200) => fc.string({ unit: 'binary', minLength: min, maxLength: max });
const nonBlank = (min: number, max: number) => text(min, max).filter((s) => s.trim() !== '');

/** A decimal in one of the forms kintone accepts: number, plain text, padded, signed, exponent. */
const decimalWithin = (lo: number, hi: number) =>
  fc.tuple(fc.integer({ min: lo * 100, max: hi * 100 }), fc.integer({ min: 0, max: 6 })).chain(([cents, form]) => {
    const n = cents / 100;
    const forms: unknown[] = [n, String(n), ` ${n} `, n >= 0 ? `+${n}` : String(n), `${cents}e-2`, `${cents * 10}E-3`, `${(cents / 1000).toFixed(3)}e1`];
    return fc.constant(forms[form]);
  });
const bigDecimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: -5, max: 12 }))
  .map(([m, e]) => `${m}e${e}`);

const day = fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true });
const dateText = fc.tuple(day, fc.integer({ min: 0, max: 2 })).map(([d, form]) => {
  const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return [`${y}-${pad(m)}-${pad(dd)}`, `${y}-${m}-${dd}`, `${y}-${m}`][form]!;
});
const timeText = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.boolean()).map(([h, m, short]) => `${short ? h : pad(h)}:${pad(m)}`);
const dateTimeText = fc
  .tuple(fc.date({ min: new Date('1001-01-01T00:00:00Z'), max: new Date('9998-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: -12 * 60, max: 14 * 60 }), fc.integer({ min: 0, max: 2 }))
  .map(([d, offset, form]) => {
    if (form === 0) return d.toISOString();
    const local = new Date(d.getTime() + offset * 60_000);
    const sign = offset < 0 ? '-' : '+';
    const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
    const base = local.toISOString().slice(0, form === 1 ? 16 : 19);
    return `${base}${zone}`;
  });

const codes = (prefix: string) => fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9._-]{0,15}$/), { maxLength: 5 }).map((xs) => xs.map((x) => ({ code: `${prefix}${x}` })));
const files = fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9-]{8,20}$/), { maxLength: 3 }).map((ks) => ks.map((fileKey) => ({ fileKey })));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const row = fc.record(
  {
    name: nonBlank(1, 30),
    n: fc.oneof(bigDecimal, fc.constant('junk'), fc.constant('')),
    kind: fc.constantFrom('k1', 'k2'),
    tags: fc.shuffledSubarray(['t1', 't2']),
    who: codes('u'),
    cfile: files,
  },
  { requiredKeys: ['name'] },
);

const record = fc.record(
  {
    title: nonBlank(2, 10),
    note: optional(text()),
    rich: optional(text()),
    qty: optional(decimalWithin(0, 100)),
    price: optional(bigDecimal),
    radio: optional(fc.constantFrom('a', 'b', 'c')),
    check: optional(fc.shuffledSubarray(['x', 'y', 'z'])),
    multi: optional(fc.shuffledSubarray(['p', 'q'])),
    drop: optional(fc.constantFrom('d1', 'd2', '', null)),
    day: optional(dateText),
    time: optional(timeText),
    at: optional(dateTimeText),
    link: optional(text(0, 50)),
    file: optional(files),
    users: optional(codes('u')),
    orgs: optional(codes('o')),
    groups: optional(codes('g')),
    key: optional(text(0, 20)),
    items: optional(fc.array(row, { maxLength: 4 })),
  },
  { requiredKeys: ['title'] },
);

function asInput(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [code, v] of Object.entries(values)) {
    if (v === undefined) continue;
    if (code === 'items') {
      out.items = { value: (v as Record<string, unknown>[]).map((r) => ({ value: asInput(r) })) };
    } else out[code] = { value: v };
  }
  return out;
}

describe('round trip', () => {
  it('GET then PUT of any valid write stores the same values', () => {
    let nextRow = 1;
    const common = { prefix: 'record', now: new Date('2026-04-23T16:30:45Z'), timeZone: 'Asia/Tokyo', newRowId: () => String(nextRow++) };
    const extras = { id: '1', revision: '1', recordNumber: '1', creator: 'u', createdAt: common.now, modifier: 'u', updatedAt: common.now, names: () => 'Someone' };
    fc.assert(
      fc.property(record, (values) => {
        const created = parseRecordInput(fields, asInput(values), { ...common, mode: 'create' });
        expect(created.problems).toEqual({});
        const api = JSON.parse(JSON.stringify(toApiRecord(fields, created.values, extras))) as unknown;
        const again = parseRecordInput(fields, api, { ...common, mode: 'update', existing: created.values });
        expect(again.problems).toEqual({});
        expect(again.uploadKeys).toEqual([]);
        expect(again.values).toEqual(created.values);
      }),
      { numRuns: 300 },
    );
  });
});
