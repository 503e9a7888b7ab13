// Random queries over random records: the SQL answer must equal an independent in-memory
// evaluation of the same semantics (test/support/query-reference.ts), and SQLite must answer
// exactly as PostgreSQL does. The evaluator is first held to the hand-worked answers, so a
// disagreement points at the compiler, not at the oracle.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuery, printQuery } from '../../common/query/index.js';
import { callerArb, queryArb, randomRecords } from '../../test/support/query-arbitraries.js';
import { ALL_CASES, ORDER_CASES } from '../../test/support/query-cases.js';
import { evaluateQuery } from '../../test/support/query-reference.js';
import { RECORDS, type QueryWorld, runQuery, seedQueryWorld } from '../../test/support/query-world.js';
import { eachDatabase, openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../../test/support/db.js';

const RUNS = 250;
const records = [...RECORDS, ...randomRecords(41, 80)];

describe('the reference evaluator', () => {
  it('gives the hand-worked answers', () => {
    for (const cases of Object.values(ALL_CASES)) {
      for (const k of cases) expect(evaluateQuery(parseQuery(k.q), RECORDS, k.caller), k.q).toEqual([...k.ids].reverse());
    }
    for (const k of ORDER_CASES) expect(evaluateQuery(parseQuery(k.q), RECORDS, k.caller), k.q).toEqual(k.ids);
  });
});

/** Printed and parsed again, so the query is exactly what a client could send. */
function roundTrip(q: Parameters<typeof printQuery>[0]): string {
  return printQuery(q);
}

eachDatabase((database) => {
  let world: QueryWorld;
  beforeAll(async () => {
    world = await seedQueryWorld(database(), records);
  });

  it('answers random queries as the reference evaluator does', async () => {
    await fc.assert(
      fc.asyncProperty(queryArb, callerArb, async (q, caller) => {
        const text = roundTrip(q);
        const expected = evaluateQuery(parseQuery(text), records, caller);
        expect(await runQuery(world, text, { caller }), text).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });
});

describe.runIf(TEST_DATABASE_URL)('SQLite and PostgreSQL', () => {
  const opened: TestDatabase[] = [];
  let lite: QueryWorld;
  let pg: QueryWorld;
  beforeAll(async () => {
    const [a, b] = [await openTestDatabase('sqlite'), await openTestDatabase('postgres')];
    opened.push(a, b);
    [lite, pg] = [await seedQueryWorld(a, records), await seedQueryWorld(b, records)];
  });
  afterAll(async () => {
    await Promise.all(opened.map((d) => d.close()));
  });

  it('give identical answers to random queries', async () => {
    await fc.assert(
      fc.asyncProperty(queryArb, callerArb, async (q, caller) => {
        const text = roundTrip(q);
        expect(await runQuery(lite, text, { caller }), text).toEqual(await runQuery(pg, text, { caller }));
      }),
      { numRuns: RUNS },
    );
  });
});
