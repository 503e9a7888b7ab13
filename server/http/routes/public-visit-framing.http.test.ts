// Per-view frame-ancestors: the https origins a manager lists may show the view's visitor page in
// a frame; every other page (another view, an unpublished one, an unknown token, the JSON beside
// the page) keeps frame-ancestors 'none'. Checked when saved, and a plan feature (Premium).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { type Harness, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { createView, publish, publishedView, setViewPlan, viewWorld, visitor } from '../../../test/support/public-views.js';

const HTML = { accept: 'text/html,application/xhtml+xml' };
const framing = (res: LightMyRequestResponse) => /frame-ancestors ([^;]*)/.exec(String(res.headers['content-security-policy']))?.[1];

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('frame-ancestors', () => {
    it('keeps https origins only, normalised, and refuses anything else naming each entry', async () => {
      const w = await viewWorld(h);
      const v = await createView(w, { frameAncestors: ['https://example.com', 'https://Shop.Example.org:8443/', 'https://example.com'] });
      const got = await w.d.request({ method: 'GET', url: `/v1/public-views.json?app=${w.app}`, as: w.manager });
      expect(got.json().views.find((x: { id: string }) => x.id === v.id).frameAncestors).toEqual(['https://example.com', 'https://shop.example.org:8443']);
      const bad = ['http://example.com', 'https://example.com/path', 'https://*.example.com', "https://a.com; script-src 'unsafe-inline'", 'https://user@a.com', '*', "'self'", 'example.com'];
      const res = await w.d.request({ method: 'PUT', url: '/v1/public-views.json', as: w.manager, payload: { id: v.id, frameAncestors: ['https://ok.example', ...bad] } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('CB_VA01');
      expect(Object.keys(res.json().errors).sort()).toEqual(bad.map((_, i) => `frameAncestors[${i + 1}]`).sort());
      const many = await w.d.request({ method: 'PUT', url: '/v1/public-views.json', as: w.manager, payload: { id: v.id, frameAncestors: Array.from({ length: 21 }, (_, i) => `https://s${i}.example`) } });
      expect(many.statusCode).toBe(400);
    });

    it('is an access restriction: refused on a plan without it, the view then shown to nobody', async () => {
      const w = await viewWorld(h, 'standard');
      const refused = await w.d.request({ method: 'POST', url: '/v1/public-views.json', as: w.manager, payload: { app: w.app, title: 'Framed', settings: { fields: ['title'] }, frameAncestors: ['https://example.com'] } });
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json().code).toBe('CB_PV02');
      await setViewPlan(w.d, 'premium');
      const v = await publishedView(w, { frameAncestors: ['https://example.com'] });
      expect((await visitor(w.d, `${v.path}/data.json`)).statusCode).toBe(200);
      await setViewPlan(w.d, 'standard');
      expect((await visitor(w.d, `${v.path}/data.json`)).statusCode).toBe(404);
      const page = await visitor(w.d, v.path, { headers: HTML });
      expect(framing(page)).toBe("'none'");
    });

    it("applies to the view's own pages only; everything else keeps 'none'", async () => {
      const w = await viewWorld(h);
      const framed = await publishedView(w, { frameAncestors: ['https://example.com', 'https://partner.example:8443'] });
      const plain = await publishedView(w);
      const page = await visitor(w.d, framed.path, { headers: HTML });
      expect(page.statusCode, page.body).toBe(200);
      expect(String(page.headers['content-type'])).toMatch(/^text\/html/);
      expect(framing(page)).toBe('https://example.com https://partner.example:8443');
      expect(page.headers['x-frame-options']).toBeUndefined();
      // The rest of the policy is every page's.
      expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
      const record = await visitor(w.d, `${framed.path}/records/${w.ids.Alpha}`, { headers: HTML });
      expect(framing(record)).toBe('https://example.com https://partner.example:8443');
      // The JSON is not a document: unchanged.
      expect(framing(await visitor(w.d, `${framed.path}/data.json`))).toBe("'none'");
      // Another view, an unknown token, an unpublished view, the app: 'none'.
      expect(framing(await visitor(w.d, plain.path, { headers: HTML }))).toBe("'none'");
      expect(framing(await visitor(w.d, `/public/${'B'.repeat(43)}`, { headers: HTML }))).toBe("'none'");
      await publish(w, framed.id, false);
      const hidden = await visitor(w.d, framed.path, { headers: HTML });
      expect(framing(hidden)).toBe("'none'");
      expect(framing(await visitor(w.d, '/', { headers: HTML }))).toBe("'none'");
    });
  });
});
