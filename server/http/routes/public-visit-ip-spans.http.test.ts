// The `first~last` form of a view's IP allow-list (and of the domain's, which shares the parser):
// saved when both ends are of one family and in order, refused otherwise naming the entry, and
// matched on every visitor request like any other entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { createView, publishedView, viewWorld, visitor } from '../../../test/support/public-views.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('an allow-list span', () => {
    it('lets in the addresses from first to last, both included, and nobody else', async () => {
      const w = await viewWorld(h);
      const v = await publishedView(w, { ipAllow: ['203.0.113.10~203.0.113.20', '2001:db8::1~2001:db8::1:0'] });
      const data = `${v.path}/data.json`;
      for (const remoteAddress of ['203.0.113.10', '203.0.113.15', '203.0.113.20', '::ffff:203.0.113.12', '2001:db8::ff']) {
        expect((await visitor(w.d, data, { remoteAddress })).statusCode, remoteAddress).toBe(200);
      }
      for (const remoteAddress of ['203.0.113.9', '203.0.113.21', '2001:db8::1:1', '198.51.100.7']) {
        const res = await visitor(w.d, data, { remoteAddress });
        expect(res.statusCode, remoteAddress).toBe(403);
        expect(res.json().code).toBe('CB_PV10');
      }
    });

    it('is refused when reversed, of two families or malformed, naming each entry', async () => {
      const w = await viewWorld(h);
      const v = await createView(w);
      const bad = ['203.0.113.20~203.0.113.10', '203.0.113.1~2001:db8::1', '203.0.113.1~', '1.2.3~1.2.3.4'];
      const res = await w.d.request({ method: 'PUT', url: '/v1/public-views.json', as: w.manager, payload: { id: v.id, ipAllow: ['203.0.113.1~203.0.113.2', ...bad] } });
      expect(res.statusCode, res.body).toBe(400);
      expect(Object.keys(res.json().errors).sort()).toEqual(bad.map((_, i) => `ipAllow[${i + 1}]`).sort());
    });

    it("works in the domain's own allow-list too", async () => {
      const w = await viewWorld(h);
      const put = await w.d.request({
        method: 'PUT',
        url: '/v1/security/settings.json',
        as: w.d.admin,
        remoteAddress: '192.0.2.9',
        payload: { ipRestriction: { enabled: true, allow: ['192.0.2.1~192.0.2.10'] } },
      });
      expect(put.statusCode, put.body).toBe(200);
      const reversed = await w.d.request({ method: 'PUT', url: '/v1/security/settings.json', as: w.d.admin, remoteAddress: '192.0.2.9', payload: { ipRestriction: { enabled: true, allow: ['192.0.2.10~192.0.2.1'] } } });
      expect(reversed.statusCode).toBe(400);
      const inside = await w.d.request({ method: 'GET', url: `/k/v1/app.json?id=${w.app}`, as: w.d.admin, remoteAddress: '192.0.2.5' });
      expect(inside.statusCode, inside.body).toBe(200);
      const outside = await w.d.request({ method: 'GET', url: `/k/v1/app.json?id=${w.app}`, as: w.d.admin, remoteAddress: '192.0.2.11' });
      expect(outside.statusCode).toBe(403);
    });
  });
});
