import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openEmptyDatabase, openTestDatabase } from '../../test/support/db.js';
import { USERS, seedQueryWorld } from '../../test/support/query-world.js';
import { migrateDown, migrateToLatest, nextIds } from './db.js';
import { toDb } from './dialect.js';
import { up as recordsAsJsonb } from './migrations/0022-record-jsonb.js';
import { findRecordsByIds } from './records.repo.js';

describe.each(DATABASE_KINDS)('migrations on %s', (kind) => {
  it('run up, down and up again, leaving a working schema', async () => {
    const storage = await openEmptyDatabase(kind);
    try {
      const applied = await migrateToLatest(storage.db, storage.schema);
      expect(applied).toContain('0001-foundation');
      await migrateDown(storage.db, storage.schema);
      await expect(storage.db.selectFrom('users').selectAll().execute()).rejects.toThrow();
      await migrateToLatest(storage.db, storage.schema);
      expect(await migrateToLatest(storage.db, storage.schema)).toEqual([]);
      expect(await storage.db.selectFrom('users').selectAll().execute()).toEqual([]);
    } finally {
      await storage.close();
    }
  });

  it('converts records stored as JSON text before 0022 into what is read back the same', async () => {
    const storage = await openTestDatabase(kind);
    try {
      const world = await seedQueryWorld(storage, []);
      const at = toDb.time(new Date('2026-04-01T00:00:00Z'));
      const data = { f1: 'テキスト "quoted"', f2: ['a', 'b'], f3: { value: [{ id: '1', value: { f4: '12.50' } }] }, f5: null };
      // As a record was written before 0022: the document as JSON text.
      await storage.db
        .insertInto('records')
        .values({ domainId: world.domainId, appId: world.appId, id: 1, revision: 1, data: JSON.stringify(data), creatorId: USERS.alice.id, createdAt: at, modifierId: USERS.alice.id, updatedAt: at })
        .execute();
      await recordsAsJsonb(storage.db);
      await recordsAsJsonb(storage.db);
      if (kind === 'sqlite') {
        const { type } = await storage.db.selectFrom('records').select(sql<string>`typeof(data)`.as('type')).executeTakeFirstOrThrow();
        expect(type).toBe('blob');
      }
      expect((await findRecordsByIds(storage.db, world.domainId, world.appId, [1])).get(1)?.data).toEqual(data);
    } finally {
      await storage.close();
    }
  });

  it('numbers ids per domain, so two domains both have id 1', async () => {
    const storage = await openEmptyDatabase(kind);
    try {
      await migrateToLatest(storage.db, storage.schema);
      for (const id of ['dom_a', 'dom_b']) {
        await storage.db
          .insertInto('domains')
          .values({ id, name: id, isDefault: toDb.bool(kind, false), settings: '{}', createdAt: toDb.time(new Date()) })
          .execute();
      }
      const a = await storage.db.transaction().execute((tx) => nextIds(tx, 'dom_a', 'user', 3));
      const b = await storage.db.transaction().execute((tx) => nextIds(tx, 'dom_b', 'user'));
      const a2 = await storage.db.transaction().execute((tx) => nextIds(tx, 'dom_a', 'user'));
      expect(a).toEqual([1, 2, 3]);
      expect(b).toEqual([1]);
      expect(a2).toEqual([4]);
      // A rolled-back allocation gives its number back.
      await expect(
        storage.db.transaction().execute(async (tx) => {
          await nextIds(tx, 'dom_b', 'user');
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await storage.db.transaction().execute((tx) => nextIds(tx, 'dom_b', 'user'))).toEqual([2]);
    } finally {
      await storage.close();
    }
  });
});
