import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { eachDatabase } from '../../test/support/db.js';
import { loadConfig } from '../config.js';
import { systemActor } from '../policy/actor.js';
import { AppError } from './app-error.js';
import { type BaseCtx, type Services, TRANSACTION_ATTEMPTS, inTransaction } from './context.js';
import { createDomain } from './domains/create-domain.js';

const request = { ip: null, userAgent: null, requestId: null };

/** An error shaped as each driver throws it. */
function dbError(code: string): Error {
  return Object.assign(new Error(`database says ${code}`), { code });
}

eachDatabase((database, kind) => {
  const services = (): Services => ({
    db: database().db,
    ids: database().ids,
    dialect: kind,
    clock: () => new Date(),
    config: loadConfig({}),
    onMailQueued: () => {},
  });
  const domain = async (): Promise<BaseCtx> => {
    const { id } = await createDomain(services(), { name: 'Transactions', hosts: [] });
    return { actor: systemActor(id), locale: 'en', request };
  };
  const value = async (domainId: string, name: string) =>
    (await database().db.selectFrom('sequences').select('value').where('domainId', '=', domainId).where('name', '=', name).executeTakeFirst())?.value;

  describe('inTransaction', () => {
    for (const code of kind === 'sqlite' ? ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT'] : ['40001', '40P01', '55P03']) {
      it(`runs the work again after ${code}, keeping only the attempt that committed`, async () => {
        const base = await domain();
        let attempts = 0;
        const after: number[] = [];
        const result = await inTransaction(services(), base, async (ctx) => {
          attempts++;
          await ctx.db.insertInto('sequences').values({ domainId: base.actor.domainId, name: `try:${attempts}`, value: attempts }).execute();
          ctx.afterCommit(() => after.push(attempts));
          if (attempts < 3) throw dbError(code);
          return 'done';
        });
        expect(result).toBe('done');
        expect(attempts).toBe(3);
        // Callbacks of the rolled-back attempts never run; the last one's runs once.
        expect(after).toEqual([3]);
        expect(await value(base.actor.domainId, 'try:1')).toBeUndefined();
        expect(await value(base.actor.domainId, 'try:3')).toBe(3);
      });
    }

    it('answers 503 CB_SU01, with nothing written, when the database stays busy', async () => {
      const base = await domain();
      let attempts = 0;
      const failing = inTransaction(services(), base, async (ctx) => {
        attempts++;
        await ctx.db.insertInto('sequences').values({ domainId: base.actor.domainId, name: 'busy', value: 1 }).execute();
        throw dbError(kind === 'sqlite' ? 'SQLITE_BUSY' : '40P01');
      });
      const err = await failing.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'CB_SU01', status: 503, options: { headers: { 'retry-after': '1' } } });
      expect(attempts).toBe(TRANSACTION_ATTEMPTS);
      expect(await value(base.actor.domainId, 'busy')).toBeUndefined();
    });

    it('never repeats work that failed for any other reason', async () => {
      const base = await domain();
      let attempts = 0;
      await expect(
        inTransaction(services(), base, async () => {
          attempts++;
          throw dbError(kind === 'sqlite' ? 'SQLITE_CONSTRAINT_PRIMARYKEY' : '23505');
        }),
      ).rejects.toThrow('database says');
      expect(attempts).toBe(1);
    });

    if (kind === 'postgres') {
      it('recovers from a real deadlock between two writers', async () => {
        const base = await domain();
        const { domainId } = base.actor;
        await database().db.insertInto('sequences').values([{ domainId, name: 'a', value: 0 }, { domainId, name: 'b', value: 0 }]).execute();
        let attempts = 0;
        // Each locks one row, waits until the other has too, then asks for the other's row.
        let arrived = 0;
        let release: () => void = () => {};
        const bothLocked = new Promise<void>((resolve) => (release = resolve));
        const writer = (first: string, second: string) =>
          inTransaction(services(), base, async (ctx) => {
            attempts++;
            const bump = (name: string) => sql`update sequences set value = value + 1 where domain_id = ${domainId} and name = ${name}`.execute(ctx.db);
            await bump(first);
            if (++arrived === 2) release();
            await bothLocked;
            await bump(second);
          });
        await Promise.all([writer('a', 'b'), writer('b', 'a')]);
        expect(attempts).toBe(3);
        expect(await value(domainId, 'a')).toBe(2);
        expect(await value(domainId, 'b')).toBe(2);
      });

      it('takes ids without waiting for another writer’s commit', async () => {
        const base = await domain();
        let release: () => void = () => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        let taken: () => void = () => {};
        const first = new Promise<void>((resolve) => (taken = resolve));
        const slow = inTransaction(services(), base, async (ctx) => {
          const ids = await ctx.takeIds('record:1', 3);
          taken();
          await held;
          return ids;
        });
        await first;
        // The first writer has not committed; a second takes its ids and commits meanwhile.
        const quick = await inTransaction(services(), base, (ctx) => ctx.takeIds('record:1', 2));
        release();
        expect(await slow).toEqual([1, 2, 3]);
        expect(quick).toEqual([4, 5]);
      });
    }
  });
});
