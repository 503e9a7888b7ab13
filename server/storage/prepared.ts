// Kysely builds, transforms (camel case) and compiles a query every time it runs, which costs
// more than SQLite takes to answer a lookup by key. A lookup on a hot path (a public view's
// token, read on every visitor request) is built once per dialect instead, with a slot where
// each argument goes, and then run with the arguments put in the slots. Plugins still map the
// rows (snake_case columns → camelCase), as they do for every other query.
import type { Compilable, CompiledQuery } from 'kysely';
import type { Queryable } from './db.js';
import { type DialectKind, dialectOf } from './dialect.js';

const slot = (i: number) => `«engawa-slot:${i}»`;
const SLOT = /^«engawa-slot:(\d+)»$/;

interface Prepared {
  compiled: CompiledQuery;
  /** For each parameter of the compiled query: the argument it takes, or -1 (a constant of the query). */
  from: number[];
}

/**
 * `build(db, ...slots)` gives the query with a slot for each argument (a plain value compared or
 * inserted, never a list or an identifier); the function returned runs it with real arguments.
 */
export function preparedQuery<A extends Array<string | number>, R>(
  build: (db: Queryable, ...args: A) => Compilable<R>,
): (db: Queryable, ...args: A) => Promise<R[]> {
  const byDialect = new Map<DialectKind, Prepared>();
  return async (db, ...args) => {
    const kind = dialectOf(db);
    let prepared = byDialect.get(kind);
    if (!prepared) {
      const compiled = build(db, ...(args.map((_, i) => slot(i)) as A)).compile();
      const from = compiled.parameters.map((p) => {
        const m = typeof p === 'string' ? SLOT.exec(p) : null;
        return m ? Number(m[1]) : -1;
      });
      for (let i = 0; i < args.length; i++) {
        if (!from.includes(i)) throw new Error(`preparedQuery: argument ${i} is not a parameter of the query`);
      }
      prepared = { compiled, from };
      byDialect.set(kind, prepared);
    }
    const { compiled, from } = prepared;
    const parameters = from.map((a, i) => (a < 0 ? compiled.parameters[i] : args[a]));
    const result = await db.executeQuery<R>({ ...compiled, parameters });
    return result.rows;
  };
}
