// Ctx.events: a command's live events leave only once its transaction has committed — never
// from a rolled-back write, never from an attempt that was run again — and carry its domain.
import { describe, expect, it } from 'vitest';
import { eachDatabase } from '../../test/support/db.js';
import { loadConfig } from '../config.js';
import { type BaseCtx, type Services, inTransaction, readContext } from '../domain/context.js';
import { createDomain } from '../domain/domains/create-domain.js';
import { systemActor } from '../policy/actor.js';
import { type LiveEvent, MemoryEventBus } from './bus.js';

const request = { ip: null, userAgent: null, requestId: null };
const settle = () => new Promise((r) => setImmediate(r));

eachDatabase((database, kind) => {
  function world() {
    const bus = new MemoryEventBus();
    const heard: LiveEvent[] = [];
    bus.subscribe((e) => heard.push(e));
    const services: Services = { db: database().db, ids: database().ids, dialect: kind, clock: () => new Date(), config: loadConfig({}), onMailQueued: () => {}, events: bus };
    return { services, heard };
  }
  const domain = async (services: Services): Promise<BaseCtx> => {
    const { id } = await createDomain(services, { name: 'Events', hosts: [] });
    return { actor: systemActor(id), locale: 'en', request };
  };

  describe('Ctx.events', () => {
    it('publishes after the commit, in the actor’s domain', async () => {
      const { services, heard } = world();
      const base = await domain(services);
      await inTransaction(services, base, async (ctx) => {
        ctx.events.publish({ kind: 'notification', userIds: [1] });
        await settle();
        expect(heard).toEqual([]);
      });
      await settle();
      expect(heard).toEqual([{ kind: 'notification', domainId: base.actor.domainId, userIds: [1] }]);
    });

    it('publishes nothing from a write that rolls back', async () => {
      const { services, heard } = world();
      const base = await domain(services);
      await expect(
        inTransaction(services, base, async (ctx) => {
          await ctx.db.updateTable('domains').set({ name: 'renamed' }).where('id', '=', base.actor.domainId).execute();
          ctx.events.publish({ kind: 'session.ended', userIds: [1] });
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      await settle();
      expect(heard).toEqual([]);
    });

    it('publishes only the events of the attempt that committed', async () => {
      const { services, heard } = world();
      const base = await domain(services);
      let attempt = 0;
      await inTransaction(services, base, async (ctx) => {
        attempt++;
        ctx.events.publish({ kind: 'notification', userIds: [attempt] });
        if (attempt === 1) throw Object.assign(new Error('busy'), { code: kind === 'sqlite' ? 'SQLITE_BUSY' : '40001' });
      });
      await settle();
      expect(heard).toEqual([{ kind: 'notification', domainId: base.actor.domainId, userIds: [2] }]);
    });

    it('publishes at once from a read context, which has nothing to commit', async () => {
      const { services, heard } = world();
      const base = await domain(services);
      readContext(services, base).events.publish({ kind: 'space.membership', spaceId: 3, userIds: null });
      await settle();
      expect(heard).toEqual([{ kind: 'space.membership', domainId: base.actor.domainId, spaceId: 3, userIds: null }]);
    });
  });
});
