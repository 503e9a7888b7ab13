import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest } from '../../../test/support/guests.js';
import { addSpace } from '../../../test/support/spaces.js';

const CUSTOMERS = {
  cust_code: { type: 'SINGLE_LINE_TEXT', code: 'cust_code', label: 'Code', unique: true },
  cust_name: { type: 'SINGLE_LINE_TEXT', code: 'cust_name', label: 'Name' },
};

function dealsFields(customers: number) {
  return {
    customer: {
      type: 'SINGLE_LINE_TEXT',
      code: 'customer',
      label: 'Customer',
      lookup: { relatedApp: { app: String(customers) }, relatedKeyField: 'cust_code', fieldMappings: [{ field: 'customer_name', relatedField: 'cust_name' }] },
    },
    customer_name: { type: 'SINGLE_LINE_TEXT', code: 'customer_name', label: 'Customer name' },
    others: {
      type: 'REFERENCE_TABLE',
      code: 'others',
      label: 'Same customer',
      referenceTable: { relatedApp: { app: String(customers) }, condition: { field: 'customer', relatedField: 'cust_code' }, displayFields: ['cust_name'] },
    },
  };
}

const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBe(200);

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  async function counts(d: TestDomain) {
    const db = h.services.db;
    const spaces = await db.selectFrom('spaces').select('id').where('domainId', '=', d.id).execute();
    const apps = await db.selectFrom('apps').select('id').where('domainId', '=', d.id).execute();
    const threads = await db.selectFrom('spaceThreads').select('id').where('domainId', '=', d.id).execute();
    return { spaces: spaces.length, apps: apps.length, threads: threads.length };
  }

  /** A multi-thread space with a body, two threads and two related apps, saved as a template. */
  async function savedTemplate(d: TestDomain, extra: Record<string, unknown> = {}) {
    const space = await addSpace(d, d.admin, { name: 'Sales', useMultiThread: true, body: '<p>Welcome <b>team</b></p>' });
    ok(await d.request({ method: 'POST', url: '/k/v1/space/thread.json', as: d.admin, payload: { space: space.id, name: 'Weekly', body: '<p>Agenda</p>' } }));
    const customers = await deployedApp(d, { ...CUSTOMERS, ...extra }, { name: 'Customers', space: space.id, code: 'CUST' });
    const deals = await deployedApp(d, dealsFields(customers), { name: 'Deals', space: space.id });
    const res = await d.request({ method: 'POST', url: '/v1/space/templates.json', as: d.admin, payload: { space: space.id, name: 'Sales kit' } });
    ok(res);
    return { space, template: Number(res.json().id), customers, deals };
  }

  async function fromTemplate(d: TestDomain, as: Persona, template: number, extra: Record<string, unknown> = {}) {
    return d.request({
      method: 'POST',
      url: '/k/v1/template/space.json',
      as,
      payload: { id: template, name: 'From template', members: [{ entity: { type: 'USER', code: as.code }, isAdmin: true }], ...extra },
    });
  }

  describe('space templates', () => {
    it('saves a space as a template for administrators only, lists it to space creators, and deletes it', async () => {
      const d = await newDomain(h);
      const { template } = await savedTemplate(d);
      const list = await d.request({ method: 'GET', url: '/v1/space/templates.json', as: d.member });
      ok(list);
      expect(list.json().templates).toEqual([
        { id: String(template), name: 'Sales kit', creator: { code: 'admin', name: 'admin' }, createdAt: expect.any(String), appCount: '2', threadCount: '2' },
      ]);

      const space = await addSpace(d, d.member, { name: 'Mine' });
      const refused = await d.request({ method: 'POST', url: '/v1/space/templates.json', as: d.member, payload: { space: space.id, name: 'x' } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('CB_NO02');
      expect((await d.request({ method: 'DELETE', url: `/v1/space/templates.json?id=${template}`, as: d.member })).statusCode).toBe(403);

      const guest = await addGuest(d, 'tpl-guest@partner.example');
      expect((await d.request({ method: 'GET', url: '/v1/space/templates.json', as: guest })).statusCode).toBe(403);

      ok(await d.request({ method: 'DELETE', url: `/v1/space/templates.json?id=${template}`, as: d.admin }));
      expect((await d.request({ method: 'GET', url: '/v1/space/templates.json', as: d.admin })).json().templates).toEqual([]);
      const gone = await fromTemplate(d, d.admin, template);
      expect(gone.statusCode).toBe(400);
      expect(gone.json().errors).toEqual({ id: { messages: ['The specified space template is not found.'] } });
    });

    it('makes a space with the template’s body, threads and working apps whose lookups point at each other', async () => {
      const d = await newDomain(h);
      const { template, customers } = await savedTemplate(d);
      const made = await fromTemplate(d, d.member, template);
      ok(made);
      const id = Number(made.json().id);

      const space = await d.request({ method: 'GET', url: `/k/v1/space.json?id=${id}`, as: d.member });
      ok(space);
      expect(space.json()).toMatchObject({ name: 'From template', useMultiThread: true, isGuest: false, body: '<p>Welcome <b>team</b></p>' });
      const apps = await d.request({ method: 'GET', url: `/k/v1/apps.json?spaceIds[0]=${id}`, as: d.member });
      const byName = Object.fromEntries((apps.json().apps as Array<{ name: string; appId: string; creator: { code: string } }>).map((a) => [a.name, a]));
      expect(Object.keys(byName).sort()).toEqual(['Customers', 'Deals']);
      expect(byName.Customers!.creator.code).toBe('member');
      const newCustomers = Number(byName.Customers!.appId);
      const newDeals = Number(byName.Deals!.appId);
      expect(newCustomers).not.toBe(customers);

      const fields = (await d.request({ method: 'GET', url: `/k/v1/app/form/fields.json?app=${newDeals}`, as: d.member })).json().properties;
      expect(fields.customer.lookup.relatedApp.app).toBe(String(newCustomers));
      expect(fields.others.referenceTable.relatedApp.app).toBe(String(newCustomers));

      ok(await d.request({ method: 'POST', url: '/k/v1/record.json', as: d.member, payload: { app: newCustomers, record: { cust_code: { value: 'C-1' }, cust_name: { value: 'Yamada' } } } }));
      const deal = await d.request({ method: 'POST', url: '/k/v1/record.json', as: d.member, payload: { app: newDeals, record: { customer: { value: 'C-1' } } } });
      ok(deal);
      const record = (await d.request({ method: 'GET', url: `/k/v1/record.json?app=${newDeals}&id=${deal.json().id}`, as: d.member })).json().record;
      expect(record.customer_name.value).toBe('Yamada');
      // The original apps are untouched by the copies' records.
      expect((await d.request({ method: 'GET', url: `/k/v1/records.json?app=${customers}`, as: d.admin })).json().records).toEqual([]);

      const threads = await h.services.db.selectFrom('spaceThreads').select(['name', 'body']).where('domainId', '=', d.id).where('spaceId', '=', id).orderBy('id').execute();
      expect(threads).toEqual([
        { name: 'Sales', body: null },
        { name: 'Weekly', body: '<p>Agenda</p>' },
      ]);
    });

    it('gives the copies the template’s permission rows, people named in them included', async () => {
      const d = await newDomain(h);
      const carol = await d.addUser('carol');
      const bob = await d.addUser('bob');
      const space = await addSpace(d, d.admin, { name: 'Kit' });
      const app = await deployedApp(d, CUSTOMERS, { name: 'Customers', space: space.id });
      const row = (entity: object, all: boolean, add: boolean) => ({
        entity,
        appEditable: all,
        recordViewable: true,
        recordAddable: add,
        recordEditable: all,
        recordDeletable: all,
        recordImportable: all,
        recordExportable: all,
      });
      const acl = [row({ type: 'CREATOR' }, true, true), row({ type: 'USER', code: 'carol' }, false, false)];
      ok(await d.request({ method: 'PUT', url: '/k/v1/preview/app/acl.json', as: d.admin, payload: { app, rights: acl } }));
      ok(await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } }));
      const saved = await d.request({ method: 'POST', url: '/v1/space/templates.json', as: d.admin, payload: { space: space.id, name: 'Kit' } });
      const made = await fromTemplate(d, d.member, Number(saved.json().id));
      ok(made);
      const copy = (await d.request({ method: 'GET', url: `/k/v1/apps.json?spaceIds[0]=${made.json().id}`, as: d.member })).json().apps[0].appId;
      // The creator row now means the member who made the space.
      ok(await d.request({ method: 'POST', url: '/k/v1/record.json', as: d.member, payload: { app: copy, record: { cust_code: { value: 'C-9' } } } }));
      ok(await d.request({ method: 'GET', url: `/k/v1/records.json?app=${copy}`, as: carol }));
      expect((await d.request({ method: 'POST', url: '/k/v1/record.json', as: carol, payload: { app: copy, record: { cust_code: { value: 'C-8' } } } })).statusCode).toBe(403);
      expect((await d.request({ method: 'GET', url: `/k/v1/app.json?id=${copy}`, as: bob })).json().code).toBe('GAIA_AP01');
    });

    it('refuses a guest space from a template with a department selection field, and makes nothing', async () => {
      const d = await newDomain(h);
      const { template } = await savedTemplate(d, { dept: { type: 'ORGANIZATION_SELECT', code: 'dept', label: 'Department' } });
      const before = await counts(d);
      const res = await fromTemplate(d, d.admin, template, { isGuest: true });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('CB_VA01');
      expect(res.json().errors.id.messages[0]).toMatch(/Department selection/);
      expect(await counts(d)).toEqual(before);
      // A regular space from the same template is fine.
      ok(await fromTemplate(d, d.admin, template));
    });

    it('makes a guest space whose apps live under its guest path, and refuses templates that relate outside', async () => {
      const d = await newDomain(h);
      const { template } = await savedTemplate(d);
      const made = await fromTemplate(d, d.admin, template, { isGuest: true, isPrivate: false });
      ok(made);
      const id = Number(made.json().id);
      const space = await d.request({ method: 'GET', url: `/k/guest/${id}/v1/space.json?id=${id}`, as: d.admin });
      expect(space.json()).toMatchObject({ isGuest: true, isPrivate: true });
      const apps = (await d.request({ method: 'GET', url: `/k/guest/${id}/v1/apps.json`, as: d.admin })).json().apps as Array<{ appId: string; name: string }>;
      const customers = apps.find((a) => a.name === 'Customers')!;
      expect((await d.request({ method: 'GET', url: `/k/v1/app.json?id=${customers.appId}`, as: d.admin })).json().code).toBe('GAIA_IL23');

      // A template whose app looks up an app outside it.
      const outside = await deployedApp(d, CUSTOMERS, { name: 'Outside customers' });
      const other = await addSpace(d, d.admin, { name: 'Orders' });
      await deployedApp(d, dealsFields(outside), { name: 'Orders', space: other.id });
      const saved = await d.request({ method: 'POST', url: '/v1/space/templates.json', as: d.admin, payload: { space: other.id, name: 'Orders kit' } });
      const before = await counts(d);
      const refused = await fromTemplate(d, d.admin, Number(saved.json().id), { isGuest: true });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors.id.messages[0]).toMatch(/outside the template/);
      expect(await counts(d)).toEqual(before);
      // A regular space keeps the reference as it is.
      const regular = await fromTemplate(d, d.admin, Number(saved.json().id));
      ok(regular);
      const copied = (await d.request({ method: 'GET', url: `/k/v1/apps.json?spaceIds[0]=${regular.json().id}`, as: d.admin })).json().apps[0];
      const fields = (await d.request({ method: 'GET', url: `/k/v1/app/form/fields.json?app=${copied.appId}`, as: d.admin })).json().properties;
      expect(fields.customer.lookup.relatedApp.app).toBe(String(outside));
    });

    it('leaves nothing behind when an app cannot be deployed, and refuses guests and the guest path', async () => {
      const d = await newDomain(h);
      const outside = await deployedApp(d, CUSTOMERS, { name: 'Outside customers' });
      const other = await addSpace(d, d.admin, { name: 'Orders' });
      await deployedApp(d, dealsFields(outside), { name: 'Orders', space: other.id });
      const saved = await d.request({ method: 'POST', url: '/v1/space/templates.json', as: d.admin, payload: { space: other.id, name: 'Orders kit' } });
      const template = Number(saved.json().id);
      // The outside app's key field goes: the copy's lookup can no longer be deployed.
      ok(await d.request({ method: 'DELETE', url: '/k/v1/preview/app/form/fields.json', as: d.admin, payload: { app: outside, fields: ['cust_code'] } }));
      ok(await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app: outside }] } }));
      const before = await counts(d);
      const res = await fromTemplate(d, d.admin, template);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toHaveProperty(['properties.customer.lookup.relatedKeyField']);
      expect(await counts(d)).toEqual(before);

      const guest = await addGuest(d, 'tpl-guest@partner.example');
      expect((await fromTemplate(d, guest, template)).statusCode).toBe(403);
      const guestSpace = await addSpace(d, d.admin, { name: 'G', isGuest: true });
      const twin = await d.request({ method: 'POST', url: `/k/guest/${guestSpace.id}/v1/template/space.json`, as: d.admin, payload: { id: template, name: 'x', members: [] } });
      expect(twin.statusCode).toBe(404);
      expect(await counts(d)).toEqual({ ...before, spaces: before.spaces + 1, threads: before.threads + 1 });
    });
  });
});
