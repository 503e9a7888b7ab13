// parseQuery meets hostile input (spec/security.md D1, D8): whatever the text, it returns a
// Query or throws QueryError — never another exception, never a hang. Input sizes are bounded
// so the suite itself stays quick; the test timeout is the bound on "never hangs".

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkQuery, type QuerySchema } from './check.js';
import { QueryError } from './errors.js';
import { parseQuery } from './parser.js';

const schema: QuerySchema = {
  a: { code: 'a', type: 'SINGLE_LINE_TEXT' },
  n: { code: 'n', type: 'NUMBER' },
  d: { code: 'd', type: 'DATE' },
  r: { code: 'r', type: 'RADIO_BUTTON', options: ['x'] },
  t: { code: 't', type: 'NUMBER', subtable: 'tbl' },
  ref: { code: 'ref', type: 'REFERENCE_TABLE', relatedFields: { f: { code: 'f', type: 'SINGLE_LINE_TEXT' } } },
};

/** Parses and checks; anything but a QueryError fails the property. */
function survives(text: string): void {
  let query;
  try {
    query = parseQuery(text);
  } catch (e) {
    if (!(e instanceof QueryError)) throw e;
    return;
  }
  expect(query.orderBy).toBeInstanceOf(Array);
  try {
    checkQuery(query, schema);
  } catch (e) {
    if (!(e instanceof QueryError)) throw e;
  }
}

const FRAGMENTS = [
  'a', 'n', 'd', 'r', 't', 'ref', '.', 'f', '$id', '$', '"x"', '"', '\\', '\\"', '"a\\"b"', '1', '-1', '1.5', '-', '007',
  '=', '!=', '>', '<', '>=', '<=', '==', '!', 'in', 'not', 'like', 'is', 'empty', 'and', 'or', 'AND', 'Or',
  '(', ')', ',', '((', '))', 'order', 'by', 'asc', 'desc', 'limit', 'offset', '500', '501', '10001',
  'TODAY()', 'NOW()', 'FROM_TODAY(', 'DAYS', 'THIS_MONTH(32)', 'LOGINUSER()', 'X(', '")', ' ', '\u3000', '\t', '\n',
  '") or ($id > 0', 'x\') OR 1=1--', 'a.b[0]', '__proto__', 'constructor', '関連', '文字列', '😀', '\u0000', '\ud800',
];

describe('parseQuery never throws anything but QueryError', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), survives), { numRuns: 2_000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), survives), { numRuns: 1_000 });
  });

  it('on strings built from grammar fragments and hostile pieces', () => {
    const joined = fc
      .tuple(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }), fc.constantFrom(' ', ''))
      .map(([parts, sep]) => parts.join(sep));
    fc.assert(fc.property(joined, survives), { numRuns: 5_000 });
  });

  it('on huge nesting, long chains and long lists', () => {
    const hostile = fc.oneof(
      fc.nat({ max: 20_000 }).map((n) => `${'('.repeat(n)}a = "x"${')'.repeat(n)}`),
      fc.nat({ max: 20_000 }).map((n) => '('.repeat(n)),
      fc.nat({ max: 20_000 }).map((n) => ')'.repeat(n)),
      fc.nat({ max: 12_000 }).map((n) => Array(n + 1).fill('a = "x"').join(' or ')),
      fc.nat({ max: 12_000 }).map((n) => Array(n + 1).fill('a = "x"').join(' and ')),
      fc.nat({ max: 3_000 }).map((n) => `a in (${Array(n + 1).fill('"x"').join(',')})`),
      fc.nat({ max: 200_000 }).map((n) => `a = "${'\\"'.repeat(n)}"`),
      fc.nat({ max: 200_000 }).map((n) => 'a'.repeat(n)),
      fc.nat({ max: 50_000 }).map((n) => '") or ($id > 0'.repeat(n)),
      fc.nat({ max: 20_000 }).map((n) => `order by ${Array(n + 1).fill('$id asc').join(', ')}`),
    );
    fc.assert(fc.property(hostile, survives), { numRuns: 200 });
  });

  it('refuses the documented hostile shapes with CB_VA01 (spec/security.md D1)', () => {
    const refused = [
      `a = "${'x'.repeat(1_000_000)}"`,
      Array(10_000).fill('a = "x"').join(' or '),
      `${'('.repeat(500)}a = "x"${')'.repeat(500)}`,
      `a in (${Array(10_000).fill('"x"').join(',')})`,
    ];
    for (const text of refused) {
      expect(() => parseQuery(text)).toThrow(expect.objectContaining({ code: 'CB_VA01' }));
    }
  });
});
