// better-sqlite3 compiles a statement on every `prepare`, and Kysely prepares every query it
// runs. Compiling costs more than running most of our lookups, so the connection handed to
// Kysely keeps its compiled statements by SQL text. A statement still being iterated (a
// streamed select) is busy, and the caller gets a fresh one instead.
import type SQLite from 'better-sqlite3';

/** Distinct SQL texts kept; `in (…)` lists of every length make the set open-ended. */
const MAX_STATEMENTS = 1_000;

export function withStatementCache(database: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (source: string): SQLite.Statement => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      // Most recently used last, so eviction takes the coldest.
      cache.delete(source);
      cache.set(source, cached);
      return cached;
    }
    const statement = database.prepare(source);
    if (!cached) {
      if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
      cache.set(source, statement);
    }
    return statement;
  };
  return new Proxy(database, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
