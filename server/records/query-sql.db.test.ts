// The query compiler on both databases: every operator per field type, date functions in
// Tokyo, the subtable same-row rule, empties, ordering and hostile literals, each against
// answers worked out by hand (test/support/query-cases.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../common/query/index.js';
import { ALL_CASES, ORDER_CASES, type QueryCase } from '../../test/support/query-cases.js';
import { compileContext, type QueryWorld, runQuery, seedQueryWorld } from '../../test/support/query-world.js';
import { eachDatabase } from '../../test/support/db.js';
import { compileQuery } from './query-sql.js';

function label(k: QueryCase): string {
  const q = k.q.length > 80 ? `${k.q.slice(0, 60)}… (${k.q.length} chars)` : k.q || '(empty query)';
  return `${q}${k.caller ? ` as ${k.caller}` : ''}`;
}

eachDatabase((database) => {
  let world: QueryWorld;
  beforeAll(async () => {
    world = await seedQueryWorld(database());
  });

  for (const [name, cases] of Object.entries(ALL_CASES)) {
    describe(name, () => {
      it.each(cases.map((k) => [label(k), k] as const))('%s', async (_, k) => {
        // Listed ascending; without `order by` the answer comes `$id desc`.
        expect(await runQuery(world, k.q, k)).toEqual([...k.ids].reverse());
      });
    });
  }

  describe('ORDER_CASES', () => {
    it.each(ORDER_CASES.map((k) => [label(k), k] as const))('%s', async (_, k) => {
      expect(await runQuery(world, k.q, k)).toEqual(k.ids);
    });
  });

  it('pages through everything in a stable order, whatever the sort key', async () => {
    for (const order of ['radio asc', 'num desc', '作成者 asc', 'date desc, time asc']) {
      const pages: number[] = [];
      for (let offset = 0; offset < 40; offset += 7) {
        pages.push(...(await runQuery(world, `order by ${order} limit 7 offset ${offset}`)));
      }
      expect(pages.slice().sort((a, b) => a - b)).toEqual(world.records.map((r) => r.id));
    }
  });

  it('keeps records of other apps and domains out (the caller scopes, the condition never widens)', async () => {
    const other = await seedQueryWorld(database(), world.records.slice(0, 3));
    expect(await runQuery(other, 'title like "apple" or $id > 0')).toEqual([3, 2, 1]);
  });

  it('binds every literal: the SQL text holds none of them', async () => {
    const secret = 'zq\'"x';
    const query = parseQuery(`title = "${secret.replace('"', '\\"')}" or 備考 like "${secret.replace('"', '\\"')}" or num = 12345`);
    const compiled = await compileQuery(query, compileContext(world, 'alice'));
    const { sql, parameters } = compiled.where!.compile(world.storage.db);
    expect(sql).not.toContain('zq');
    expect(sql).not.toContain('12345');
    expect(parameters).toContain(secret);
    expect(compiled.likeUsed).toBe(true);
  });
});
