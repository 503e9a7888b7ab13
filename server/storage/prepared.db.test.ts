// Queries built once and run with new arguments (prepared.ts) answer as the same query built
// afresh; and SQLite's change stamp (dialect.ts), which lets a hot lookup be reused, moves with
// every write that could change what it read — this connection's and another process's.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachDatabase } from '../../test/support/db.js';
import { type Storage, migrateToLatest, openDatabase } from './db.js';
import { changeStamp, dialectOf, toDb } from './dialect.js';
import type { Queryable } from './db.js';
import { preparedQuery } from './prepared.js';

const domainByName = preparedQuery((db: Queryable, name: string) =>
  db.selectFrom('domains').select(['id', 'name', 'isDefault']).where('name', '=', name).where('id', '!=', 'nothing').orderBy('id'),
);

const addDomain = (db: Queryable, id: string, name: string) =>
  db
    .insertInto('domains')
    .values({ id, name, isDefault: toDb.bool(dialectOf(db), false), settings: '{}', createdAt: toDb.time(new Date()) })
    .execute();

eachDatabase((database, kind) => {
  it('answers as the query built afresh, for each set of arguments, with its own constants kept', async () => {
    await addDomain(database().db, 'dom_prep_a', 'Prepared A');
    await addDomain(database().db, 'dom_prep_b', 'Prepared B');
    for (const name of ['Prepared A', 'Prepared B', 'Prepared none']) {
      const built = await database().db.selectFrom('domains').select(['id', 'name', 'isDefault']).where('name', '=', name).orderBy('id').execute();
      expect(await domainByName(database().db, name)).toEqual(built);
    }
    expect((await domainByName(database().db, 'Prepared B')).map((d) => d.id)).toEqual(['dom_prep_b']);
  });

  it('refuses a query that does not take an argument as a parameter', async () => {
    const broken = preparedQuery((db: Queryable, _host: string) => db.selectFrom('domains').select('id'));
    await expect(broken(database().db, 'x')).rejects.toThrow(/argument 0/);
  });

  if (kind === 'postgres') {
    it('has no change stamp on PostgreSQL: every lookup reads', async () => {
      expect(await changeStamp(database().db)).toBeNull();
    });
  }
});

describe('SQLite change stamp', () => {
  let dir: string;
  let one: Storage;
  let other: Storage;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'engawa-stamp-'));
    const file = path.join(dir, 'engawa.db');
    one = openDatabase({ kind: 'sqlite', file });
    await migrateToLatest(one.db);
    other = openDatabase({ kind: 'sqlite', file });
  });
  afterAll(async () => {
    await one?.close();
    await other?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const touch = (s: Storage, id: string) => addDomain(s.db, id, id);

  it('stays while nothing is written, and moves with this connection’s writes and another’s commits', async () => {
    const a = await changeStamp(one.db);
    expect(a).not.toBeNull();
    expect(await changeStamp(one.db)).toBe(a);
    await touch(one, 'dom_stamp_own');
    const b = await changeStamp(one.db);
    expect(b).not.toBe(a);
    await touch(other, 'dom_stamp_other');
    const c = await changeStamp(one.db);
    expect(c).not.toBe(b);
    expect(await changeStamp(one.db)).toBe(c);
  });

  it('is not given inside a transaction, whose writes may yet be rolled back', async () => {
    await one.db.transaction().execute(async (tx) => {
      expect(await changeStamp(tx)).toBeNull();
    });
  });
});
