// Graphs see what the records API sees: a record outside someone's record permissions never
// adds to their totals, and a field they may not read cannot group or be aggregated — it answers
// exactly as a field that does not exist. Apps they may not read answer like missing apps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDataJson } from '../../../common/api/reports.js';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  amount: { type: 'NUMBER', code: 'amount', label: 'Amount' },
  cost: { type: 'NUMBER', code: 'cost', label: 'Cost' },
  owner: { type: 'USER_SELECT', code: 'owner', label: 'Owner' },
  kind: { type: 'DROP_DOWN', code: 'kind', label: 'Kind', options: { public: { label: 'public', index: '0' }, private: { label: 'private', index: '1' } } },
};

const everyone = { type: 'GROUP', code: 'everyone' };
const SUM_BY_KIND = { chartType: 'PIE', groups: [{ code: 'kind' }], aggregations: [{ type: 'SUM', code: 'amount' }, { type: 'COUNT' }] };

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  /** Two public records and a private one only its owner (the member) may see. */
  async function world() {
    const d = await newDomain(h);
    const carol = await d.addUser('carol');
    const app = await deployedApp(d, FIELDS, { as: d.member });
    const rec = (title: string, kind: string, amount: string, owner: string[]) => ({
      title: { value: title },
      kind: { value: kind },
      amount: { value: amount },
      cost: { value: '1' },
      owner: { value: owner.map((code) => ({ code })) },
    });
    const add = await d.request({
      method: 'POST',
      url: '/k/v1/records.json',
      as: d.member,
      payload: { app, records: [rec('p1', 'public', '100', []), rec('p2', 'public', '200', ['carol']), rec('m1', 'private', '1000000', ['member'])] },
    });
    expect(add.statusCode, add.body).toBe(200);
    const acl = await d.request({
      method: 'PUT',
      url: '/k/v1/record/acl.json',
      as: d.member,
      payload: { app, rights: [{ filterCond: 'kind in ("private")', entities: [{ entity: { type: 'FIELD_ENTITY', code: 'owner' }, viewable: true, editable: true, deletable: true }] }] },
    });
    expect(acl.statusCode, acl.body).toBe(200);
    return { d, app, carol, privateId: Number(add.json().ids[2]) };
  }

  const data = (d: TestDomain, app: number, definition: object, as: Persona, filter?: string) =>
    d.request({ method: 'POST', url: '/k/v1/app/report/data.json', as, payload: { app, definition, ...(filter ? { filter } : {}) } });
  const ok = async (d: TestDomain, app: number, definition: object, as: Persona): Promise<ReportDataJson> => {
    const res = await data(d, app, definition, as);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** An answer without its per-error id, for comparing two refusals. */
  const refusal = async (res: Promise<{ statusCode: number; json(): Record<string, unknown> }>): Promise<{ status: number; [key: string]: unknown }> => {
    const r = await res;
    const { id: _id, ...body } = r.json();
    return { status: r.statusCode, ...body };
  };

  describe('record permissions', () => {
    it('never lets a record the caller cannot read change a sum they see', async () => {
      const { d, app, carol, privateId } = await world();
      const before = await ok(d, app, SUM_BY_KIND, carol);
      expect(before.rows.map((r) => [...r.keys, ...r.values])).toEqual([['public', '300', '2']]);
      expect(before.totals.values).toEqual(['300', '2']);
      // The owner sees the private record in their graph.
      expect((await ok(d, app, SUM_BY_KIND, d.member)).totals.values).toEqual(['1000300', '3']);
      // The private record's amount changes: what carol sees does not move, to the last digit.
      const edit = await d.request({ method: 'PUT', url: '/k/v1/record.json', as: d.member, payload: { app, id: privateId, record: { amount: { value: '7' }, kind: { value: 'private' } } } });
      expect(edit.statusCode, edit.body).toBe(200);
      expect(await ok(d, app, SUM_BY_KIND, carol)).toEqual(before);
      expect((await ok(d, app, SUM_BY_KIND, d.member)).totals.values).toEqual(['307', '3']);
      // Nor through a filter that only the private record would match.
      const probe = await data(d, app, SUM_BY_KIND, carol, 'amount = 7');
      expect(probe.json().totals).toEqual({ count: 0, values: ['0', '0'] });
    });
  });

  describe('field permissions', () => {
    it('answers a field the caller may not read like one that does not exist', async () => {
      const { d, app, carol } = await world();
      const acl = await d.request({
        method: 'PUT',
        url: '/k/v1/field/acl.json',
        as: d.member,
        payload: {
          app,
          rights: [
            { code: 'amount', entities: [{ accessibility: 'WRITE', entity: { type: 'USER', code: 'member' } }, { accessibility: 'NONE', entity: everyone }] },
            // Readable in the records carol owns only: still not hers to aggregate over all records.
            { code: 'cost', entities: [{ accessibility: 'WRITE', entity: { type: 'USER', code: 'member' } }, { accessibility: 'READ', entity: { type: 'FIELD_ENTITY', code: 'owner' } }] },
          ],
        },
      });
      expect(acl.statusCode, acl.body).toBe(200);
      expect((await ok(d, app, SUM_BY_KIND, d.member)).totals.values).toEqual(['1000300', '3']);
      const hidden = { chartType: 'PIE', groups: [{ code: 'kind' }], aggregations: [{ type: 'SUM', code: 'amount' }] };
      const missing = { chartType: 'PIE', groups: [{ code: 'kind' }], aggregations: [{ type: 'SUM', code: 'nothing' }] };
      const asHidden = await refusal(data(d, app, hidden, carol));
      const asMissing = await refusal(data(d, app, missing, carol));
      expect(asHidden).toEqual({ ...asMissing, errors: { 'definition.aggregations[0].code': { messages: ['The specified field (code: amount) is not found.'] } } });
      expect(asMissing.errors).toEqual({ 'definition.aggregations[0].code': { messages: ['The specified field (code: nothing) is not found.'] } });
      const perRecord = await refusal(data(d, app, { ...hidden, aggregations: [{ type: 'MAX', code: 'cost' }] }, carol));
      expect(perRecord.errors).toEqual({ 'definition.aggregations[0].code': { messages: ['The specified field (code: cost) is not found.'] } });
      // Grouping by it, or filtering on it, fails the same way as for a missing field.
      const groupHidden = await refusal(data(d, app, { chartType: 'PIE', groups: [{ code: 'amount' }], aggregations: [{ type: 'COUNT' }] }, carol));
      expect(groupHidden.errors).toEqual({ 'definition.groups[0].code': { messages: ['The specified field (code: amount) is not found.'] } });
      const count = { chartType: 'PIE', groups: [{ code: 'kind' }], aggregations: [{ type: 'COUNT' }] };
      const filterHidden = await refusal(data(d, app, count, carol, 'amount > 500'));
      const filterMissing = await refusal(data(d, app, count, carol, 'nothing > 500'));
      expect(filterHidden).toEqual({ ...filterMissing, message: (filterMissing.message as string).replace('nothing', 'amount') });
      expect(filterHidden.code).toBe('GAIA_IQ11');
      // A saved graph over the hidden field: the owner reads it, carol is told it names no field she has.
      const saved = await d.request({ method: 'PUT', url: '/k/v1/preview/app/reports.json', as: d.member, payload: { app, reports: { sums: { ...hidden, index: 0 } } } });
      await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.member, payload: { apps: [{ app }] } });
      const url = `/k/v1/app/report/data.json?app=${app}&report=${saved.json().reports.sums.id}`;
      expect((await d.request({ method: 'GET', url, as: d.member })).json().totals.values).toEqual(['1000300']);
      const asCarol = await refusal(d.request({ method: 'GET', url, as: carol }));
      expect(asCarol.errors).toEqual({ 'report.aggregations[0].code': { messages: ['The specified field (code: amount) is not found.'] } });
    });
  });

  describe('app permissions', () => {
    it('answers an app the caller cannot see like one that does not exist, and needs the view right', async () => {
      const { d, app, carol } = await world();
      const rights = await d.request({
        method: 'PUT',
        url: '/k/v1/app/acl.json',
        as: d.member,
        payload: {
          app,
          rights: [
            { entity: { type: 'CREATOR' }, appEditable: true, recordViewable: true, recordAddable: true, recordEditable: true, recordDeletable: true, recordImportable: true, recordExportable: true },
            { entity: { type: 'USER', code: 'carol' }, recordViewable: false, recordAddable: true },
          ],
        },
      });
      expect(rights.statusCode, rights.body).toBe(200);
      const count = { chartType: 'PIE', groups: [{ code: 'kind' }], aggregations: [{ type: 'COUNT' }] };
      const outsider = await d.addUser('outsider');
      expect(await refusal(data(d, app, count, outsider))).toEqual({ ...(await refusal(data(d, 999999, count, outsider))), message: expect.any(String) });
      expect((await data(d, app, count, outsider)).json().code).toBe('GAIA_AP01');
      // carol may add records but not view them: she reads the graph settings, not their data.
      expect((await d.request({ method: 'GET', url: `/k/v1/app/reports.json?app=${app}`, as: carol })).statusCode).toBe(200);
      const res = await data(d, app, count, carol);
      expect([res.statusCode, res.json().code]).toEqual([403, 'CB_NO02']);
    });
  });
});
