// Record permissions in SQL against a reference written from kintone's rules in plain code, on
// both databases: for random permission settings and every fixture record, the records the
// scope lets through are exactly those the reference allows (spec/security.md §2:
// `can(read)` ≡ `scope`). Conditions are random queries checked by the query compiler's own
// reference evaluator (test/support/query-reference.ts).
import fc from 'fast-check';
import { type SqlBool, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVERYONE, type RecordAclRight } from '../../../common/api/acl.js';
import { checkQuery, printExpr, type Expr, type Query } from '../../../common/query/index.js';
import { queryArb } from '../../../test/support/query-arbitraries.js';
import { evaluateQuery } from '../../../test/support/query-reference.js';
import { type FixtureRecord } from '../../../test/support/query-records.js';
import { compileContext, QUERY_SCHEMA, type QueryWorld, SQL_FIELDS, USERS, seedQueryWorld } from '../../../test/support/query-world.js';
import { eachDatabase } from '../../../test/support/db.js';
import { compileQuery } from '../../records/query-sql.js';
import { namesPrincipal, type Principal } from '../../policy/principal.js';
import { type RecordRight, scopeOf } from './record-scope.js';

type Who = 'alice' | 'bob' | 'carol';

const PRINCIPALS: Record<Who, Principal> = {
  alice: { userId: USERS.alice.id, code: 'alice', groups: new Set(['admins']), orgs: new Set(['sales']), orgsAndAbove: new Set(['sales', 'head']) },
  bob: { userId: USERS.bob.id, code: 'bob', groups: new Set(), orgs: new Set(['dev']), orgsAndAbove: new Set(['dev', 'head']) },
  carol: { userId: USERS.carol.id, code: 'carol', groups: new Set(['admins']), orgs: new Set(), orgsAndAbove: new Set() },
};

const FIELD_ENTITIES = ['users', 'orgs', 'groups', '作成者', '更新者', 'title'] as const;

const entityArb = fc.oneof(
  fc.record({ type: fc.constantFrom('USER' as const), code: fc.constantFrom('alice', 'bob', 'carol', 'dave') }),
  fc.record({ type: fc.constantFrom('GROUP' as const), code: fc.constantFrom(EVERYONE, 'admins', 'nobody') }),
  fc.record({ type: fc.constantFrom('ORGANIZATION' as const), code: fc.constantFrom('sales', 'dev', 'head') }),
  fc.record({ type: fc.constantFrom('FIELD_ENTITY' as const), code: fc.constantFrom(...FIELD_ENTITIES) }),
);

/** A condition's filter: empty, or the `where` of a random query the checker accepts. */
const filterArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null as Expr | null) },
  { weight: 4, arbitrary: queryArb.map((q) => q.where) },
);

const rightsArb = fc.array(
  fc.record({
    filter: filterArb,
    entities: fc.array(
      fc.record({ entity: entityArb, viewable: fc.boolean(), editable: fc.boolean(), deletable: fc.boolean(), includeSubs: fc.boolean() }),
      { maxLength: 4 },
    ),
  }),
  { minLength: 1, maxLength: 3 },
);

const FLAG = { view: 'viewable', edit: 'editable', delete: 'deletable' } as const;

function accepted(where: Expr | null): boolean {
  if (!where) return true;
  try {
    checkQuery({ where, orderBy: [], limit: null, offset: null }, QUERY_SCHEMA);
    return true;
  } catch {
    return false;
  }
}

/** kintone's rules, written out directly. */
function reference(who: Who, rights: Array<{ where: Expr | null; right: RecordAclRight }>, r: FixtureRecord, right: RecordRight): boolean {
  const p = PRINCIPALS[who];
  for (const { where, right: cond } of rights) {
    const query: Query = { where, orderBy: [], limit: null, offset: null };
    if (where && evaluateQuery(query, [r], who).length === 0) continue;
    for (const e of cond.entities) {
      if (e.entity.type === 'FIELD_ENTITY') {
        if (fieldNames(p, r, e.entity.code, e.includeSubs)) return e[FLAG[right]];
        continue;
      }
      if (namesPrincipal(p, e.entity as { type: 'USER' | 'GROUP' | 'ORGANIZATION'; code: string }, e.includeSubs, EVERYONE)) return e[FLAG[right]];
    }
    return false;
  }
  return true;
}

function fieldNames(p: Principal, r: FixtureRecord, code: string, includeSubs: boolean): boolean {
  const def = SQL_FIELDS[code]!;
  if (def.type === 'CREATOR') return r.creatorId === p.userId;
  if (def.type === 'MODIFIER') return r.modifierId === p.userId;
  const v = r.data[def.fieldId];
  const codes = Array.isArray(v) ? (v as Array<{ code?: string }>).map((e) => (e.code ?? '').toLowerCase()) : [];
  if (def.type === 'USER_SELECT') return codes.includes(p.code);
  if (def.type === 'ORGANIZATION_SELECT') return codes.some((c) => (includeSubs ? p.orgsAndAbove : p.orgs).has(c));
  if (def.type === 'GROUP_SELECT') return codes.some((c) => p.groups.has(c));
  return false;
}

eachDatabase((database) => {
  let world: QueryWorld;
  beforeAll(async () => {
    world = await seedQueryWorld(database());
  });

  async function scoped(who: Who, rights: RecordAclRight[], right: RecordRight): Promise<number[]> {
    const scope = await scopeOf({
      dialect: world.storage.kind,
      principal: PRINCIPALS[who],
      rights,
      condition: async (text) => {
        const where = conditions.get(text)!;
        return (await compileQuery({ where, orderBy: [], limit: null, offset: null }, compileContext(world, who))).where!;
      },
      field: (code) => SQL_FIELDS[code],
    });
    const where = scope.where(right) ?? sql<SqlBool>`(1 = 1)`;
    const rows = await world.storage.db
      .selectFrom('records as r')
      .select('r.id')
      .where('r.domainId', '=', world.domainId)
      .where('r.appId', '=', world.appId)
      .where(where)
      .orderBy('r.id')
      .execute();
    return rows.map((row) => Number(row.id));
  }

  /** Printed filter → its expression (the scope compiles from the text kintone stores). */
  const conditions = new Map<string, Expr>();

  describe('record permissions: SQL scope ≡ reference', () => {
    it('lets through exactly the records the rules allow, for every right and person', async () => {
      await fc.assert(
        fc.asyncProperty(rightsArb, fc.constantFrom<Who>('alice', 'bob', 'carol'), fc.constantFrom<RecordRight>('view', 'edit', 'delete'), async (raw, who, right) => {
          fc.pre(raw.every((c) => accepted(c.filter)));
          const rights = raw.map((c) => {
            const filterCond = c.filter ? printExpr(c.filter) : '';
            if (c.filter) conditions.set(filterCond, c.filter);
            return { where: c.filter, right: { filterCond, entities: c.entities } as RecordAclRight };
          });
          const expected = world.records.filter((r) => reference(who, rights, r, right)).map((r) => r.id);
          expect(await scoped(who, rights.map((c) => c.right), right)).toEqual(expected);
        }),
        { numRuns: 150 },
      );
    });
  });
});
