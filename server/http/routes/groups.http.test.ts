import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromDb } from '../../storage/dialect.js';
import { eachDatabase } from '../../../test/support/db.js';
import { type Harness, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';

const URL = '/v1/groups.json';
const codes = (body: { groups: Array<{ code: string }> }) => body.groups.map((g) => g.code);

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  const create = async (d: TestDomain, groups: unknown[]) => d.request({ method: 'POST', url: URL, as: d.admin, payload: { groups } });
  const list = async (d: TestDomain, query = '') => (await d.request({ method: 'GET', url: `${URL}${query}`, as: d.admin })).json();
  const auditOf = async (d: TestDomain, prefix: string) => {
    const rows = await h.services.db
      .selectFrom('auditLog')
      .select(['action', 'targetId', 'detail'])
      .where('domainId', '=', d.id)
      .where('action', 'like', `${prefix}%`)
      .execute();
    return rows.map((r) => ({ action: r.action, targetId: r.targetId, detail: fromDb.json<Record<string, unknown>>(r.detail, {}) }));
  };

  describe('POST and GET /v1/groups.json', () => {
    it('creates groups and lists them with ids as strings and ISO times', async () => {
      const d = await newDomain(h);
      const res = await create(d, [
        { code: 'sales', name: 'Sales', description: 'Everyone who sells' },
        { code: 'エンジニア', name: '開発部' },
      ]);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ids: ['1', '2'] });
      expect((await list(d)).groups).toEqual([
        { id: '1', code: 'sales', name: 'Sales', description: 'Everyone who sells', ctime: '2026-04-01T00:00:00.000Z', mtime: '2026-04-01T00:00:00.000Z' },
        { id: '2', code: 'エンジニア', name: '開発部', description: '', ctime: '2026-04-01T00:00:00.000Z', mtime: '2026-04-01T00:00:00.000Z' },
      ]);
    });

    it('filters by ids[] and codes[] (any case), pages, and reads a JSON body on GET', async () => {
      const d = await newDomain(h);
      await create(d, ['a', 'b', 'c', 'd'].map((code) => ({ code, name: code.toUpperCase() })));
      expect(codes(await list(d, '?ids[0]=3&ids[1]=1'))).toEqual(['a', 'c']);
      expect(codes(await list(d, '?codes[0]=B&codes[1]=d'))).toEqual(['b', 'd']);
      expect(codes(await list(d, '?offset=1&size=2'))).toEqual(['b', 'c']);
      const body = await d.request({ method: 'GET', url: URL, as: d.admin, payload: { codes: ['C'], size: 1 } });
      expect(codes(body.json())).toEqual(['c']);
      const tooBig = await d.request({ method: 'GET', url: `${URL}?size=101`, as: d.admin });
      expect(tooBig.json().errors.size.messages).toEqual(['The value must be 100 or less.']);
    });

    it('refuses non-administrators with 403 CB_NO02 and anonymous callers with 401 CB_AU01', async () => {
      const d = await newDomain(h);
      for (const method of ['GET', 'POST', 'PUT', 'DELETE'] as const) {
        const member = await d.request({ method, url: URL, as: d.member, payload: { groups: [{ code: 'x', name: 'x' }] } });
        expect(member.statusCode, method).toBe(403);
        expect(member.json().code).toBe('CB_NO02');
        const anon = await d.request({ method, url: URL, payload: { groups: [{ code: 'x', name: 'x' }] } });
        expect(anon.statusCode, method).toBe(401);
        expect(anon.json().code).toBe('CB_AU01');
      }
      expect((await list(d)).groups).toEqual([]);
    });

    it('names every offending group and stores none', async () => {
      const d = await newDomain(h);
      await create(d, [{ code: 'sales', name: 'Sales' }]);
      const res = await create(d, [
        { code: 'fine', name: 'Fine' },
        { code: 'SALES', name: 'Dup of stored' },
        { code: 'new', name: 'New' },
        { code: 'New', name: 'Dup in request' },
      ]);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'CB_VA01',
        errors: {
          'groups[1].code': { messages: ['This value already exists in another record.'] },
          'groups[3].code': { messages: ['The value is duplicated in the request.'] },
        },
      });
      const shape = await create(d, [
        { code: 'has space', name: 'x' },
        { code: 'ok', name: '' },
        { code: 'x'.repeat(129), name: 'x', description: 'd'.repeat(10_001) },
      ]);
      expect(Object.keys(shape.json().errors).sort()).toEqual(['groups[0].code', 'groups[1].name', 'groups[2].code', 'groups[2].description']);
      expect(codes(await list(d))).toEqual(['sales']);
      // The failed requests gave their ids back.
      expect((await create(d, [{ code: 'next', name: 'Next' }])).json().ids).toEqual(['2']);
    });
  });

  describe('PUT and DELETE /v1/groups.json', () => {
    it('renames and describes a group, moving its mtime, and audits the change', async () => {
      const d = await newDomain(h);
      await create(d, [{ code: 'sales', name: 'Sales' }]);
      h.clock.advance(60_000);
      const res = await d.request({
        method: 'PUT',
        url: URL,
        as: d.admin,
        payload: { groups: [{ code: 'SALES', newCode: 'sales-jp', name: '営業部', description: 'Tokyo and Osaka' }] },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({});
      const [group] = (await list(d)).groups;
      expect(group).toMatchObject({ id: '1', code: 'sales-jp', name: '営業部', description: 'Tokyo and Osaka', ctime: '2026-04-01T00:00:00.000Z' });
      expect(group.mtime > group.ctime).toBe(true);
      const audit = await auditOf(d, 'group.');
      expect(audit.map((a) => a.action).sort()).toEqual(['group.create', 'group.update']);
      expect(audit.find((a) => a.action === 'group.update')).toMatchObject({
        targetId: '1',
        detail: { code: 'sales', newCode: 'sales-jp', changed: ['newCode', 'name', 'description'] },
      });
    });

    it('changes nothing when one change is bad', async () => {
      const d = await newDomain(h);
      await create(d, [{ code: 'a', name: 'A' }, { code: 'b', name: 'B' }]);
      const res = await d.request({
        method: 'PUT',
        url: URL,
        as: d.admin,
        payload: { groups: [{ code: 'a', name: 'Renamed' }, { code: 'b', newCode: 'A' }, { code: 'nobody', name: 'x' }] },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual({
        'groups[1].newCode': { messages: ['This value already exists in another record.'] },
        'groups[2].code': { messages: ['The specified value is not found.'] },
      });
      expect((await list(d)).groups.map((g: { name: string }) => g.name)).toEqual(['A', 'B']);
    });

    it('deletes groups by codes[] with their memberships; an unknown code deletes nothing', async () => {
      const d = await newDomain(h);
      await create(d, [{ code: 'a', name: 'A' }, { code: 'b', name: 'B' }]);
      await d.request({ method: 'PUT', url: '/v1/userGroups.json', as: d.admin, payload: { userGroups: [{ code: 'member', groups: ['a', 'b'] }] } });
      const bad = await d.request({ method: 'DELETE', url: `${URL}?codes[0]=a&codes[1]=zzz`, as: d.admin });
      expect(bad.statusCode).toBe(400);
      expect(Object.keys(bad.json().errors)).toEqual(['codes[1]']);
      expect(codes(await list(d))).toEqual(['a', 'b']);
      const ok = await d.request({ method: 'DELETE', url: URL, as: d.admin, payload: { codes: ['A'] } });
      expect(ok.statusCode).toBe(200);
      expect(codes(await list(d))).toEqual(['b']);
      const mine = await d.request({ method: 'GET', url: '/v1/user/groups.json?code=member', as: d.admin });
      expect(codes(mine.json())).toEqual(['b']);
      expect((await auditOf(d, 'group.delete')).map((a) => a.detail.code)).toEqual(['a']);
    });
  });

  describe('between domains', () => {
    it('keeps same ids and same codes apart: nothing of another domain is listed, changed or deleted', async () => {
      const one = await newDomain(h, 'One');
      const two = await newDomain(h, 'Two');
      expect((await create(one, [{ code: 'sales', name: 'Sales of one' }])).json().ids).toEqual(['1']);
      expect((await create(two, [{ code: 'sales', name: 'Sales of two' }, { code: 'only-two', name: 'Only two' }])).json().ids).toEqual(['1', '2']);

      expect((await list(one)).groups.map((g: { name: string }) => g.name)).toEqual(['Sales of one']);
      expect((await list(one, '?ids[0]=1&ids[1]=2')).groups.map((g: { name: string }) => g.name)).toEqual(['Sales of one']);
      expect(codes(await list(one, '?codes[0]=only-two'))).toEqual([]);

      const rename = await one.request({ method: 'PUT', url: URL, as: one.admin, payload: { groups: [{ code: 'only-two', name: 'Taken over' }] } });
      expect(rename.statusCode).toBe(400);
      const del = await one.request({ method: 'DELETE', url: `${URL}?codes[0]=only-two`, as: one.admin });
      expect(del.statusCode).toBe(400);
      await one.request({ method: 'PUT', url: URL, as: one.admin, payload: { groups: [{ code: 'sales', name: 'Renamed in one' }] } });
      await one.request({ method: 'DELETE', url: `${URL}?codes[0]=sales`, as: one.admin });
      expect((await list(two)).groups.map((g: { name: string }) => g.name)).toEqual(['Sales of two', 'Only two']);

      // An administrator of one domain is nobody on another domain's host.
      const boss = await one.addUser('boss-of-one', { isAdmin: true });
      const foreign = await two.request({ method: 'GET', url: URL, as: boss });
      expect(foreign.statusCode).toBe(401);
    });
  });
});
