import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openEmptyDatabase } from '../../test/support/db.js';
import { migrateDown, migrateToLatest, nextIds } from './db.js';
import { toDb } from './dialect.js';

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
