// Graphs in the hostile-guest probes: another space's apps, named in the graph settings and the
// graph data calls, under a guest's own prefix, under another space's and on the plain path,
// answer exactly as an app that does not exist (spec/security.md §3.2, G1 and G2).
import { beforeAll, describe, expect, it } from 'vitest';
import { type Method, type ProbeWorld, eachProbeWorld } from '../support/probe-world.js';

const COUNT = { chartType: 'PIE', groups: [{ code: 'title' }], aggregations: [{ type: 'COUNT' }] };

eachProbeWorld((world) => {
  let w: ProbeWorld;
  beforeAll(() => {
    w = world();
  });

  const probes = (k: string) =>
    [
      (id: string | number) => ['GET', `${k}/app/reports.json?app=${id}`],
      (id: string | number) => ['GET', `${k}/preview/app/reports.json?app=${id}`],
      (id: string | number) => ['PUT', `${k}/preview/app/reports.json`, { app: id, reports: {} }],
      (id: string | number) => ['GET', `${k}/app/report/data.json?app=${id}&report=1`],
      (id: string | number) => ['POST', `${k}/app/report/data.json`, { app: id, definition: COUNT }],
    ] as Array<(id: string | number) => [Method, string, unknown?]>;

  describe('graphs of other spaces’ apps', () => {
    it('works for a guest on its own space’s app, under its prefix', async () => {
      const res = await w.as(w.guestA, 'POST', `${w.gA}/app/report/data.json`, { app: w.apps.A1, definition: COUNT });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().totals.count).toBe(1);
    });

    it('answers other spaces’ apps under the guest’s own prefix like apps that do not exist', async () => {
      for (const guest of [w.guestA, w.guestAB]) {
        for (const probe of probes(w.gA)) await w.sameAsMissing(guest, [w.apps.B1, w.apps.P1, w.apps.Q1, w.apps.O1], probe);
      }
    });

    it('answers A’s apps to a guest of B only, under B’s prefix, A’s and the plain path, like apps that do not exist', async () => {
      for (const k of [w.gB, w.gA, '/k/v1']) {
        for (const probe of probes(k)) await w.sameAsMissing(w.guestB, [w.apps.A1, w.apps.A2], probe);
      }
    });
  });
});
