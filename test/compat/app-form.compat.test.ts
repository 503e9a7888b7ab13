// An app's form fields through @kintone/rest-api-client: one of every creatable type, updates
// and renames, deletes, in preview and, after deploy, live. Layout and views are in
// app-layout.compat.test.ts.
import { describe, expect, it } from 'vitest';
import { ALL_FIELD_TYPES, ENGLISH_SYSTEM_FIELDS, appWithEveryField, expectedProperty } from './all-field-types.js';
import { addApp, deployAndWait, deployedApp, eachKintoneServer, errorText, kintoneError } from '../support/kintone.js';

type Json = Record<string, unknown>;

/**
 * Whether a table column carries `unique` is not settled (kintone cannot make a column unique;
 * the server leaves the attribute out), so columns are compared without it.
 */
function withoutColumnUnique(p: Json): Json {
  if (p.type !== 'SUBTABLE') return p;
  const fields = Object.fromEntries(Object.entries(p.fields as Record<string, Json>).map(([k, { unique: _u, ...rest }]) => [k, rest]));
  return { ...p, fields };
}

eachKintoneServer((server) => {
  describe('form fields', () => {
    it('adds one field of every creatable type and answers each as sent plus kintone’s defaults', async () => {
      const s = server();
      const { admin, app, revision } = await appWithEveryField(s.client(s.admin));
      expect(revision).toBe('3');

      const preview = await admin.app.getFormFields({ app, preview: true });
      expect(preview.revision).toBe('3');
      expect(Object.keys(preview.properties).sort()).toEqual([...Object.keys(ENGLISH_SYSTEM_FIELDS), ...Object.keys(ALL_FIELD_TYPES)].sort());
      for (const code of Object.keys(ALL_FIELD_TYPES)) {
        expect.soft(withoutColumnUnique(preview.properties[code] as Json), code).toStrictEqual(withoutColumnUnique(expectedProperty(code)));
      }
      for (const [code, p] of Object.entries(ENGLISH_SYSTEM_FIELDS)) expect.soft(preview.properties[code], code).toStrictEqual(p);

      // Live still has the form of the last deploy: the system fields only.
      const live = await admin.app.getFormFields({ app });
      expect(live.revision).toBe('2');
      expect(live.properties).toStrictEqual(ENGLISH_SYSTEM_FIELDS);

      await deployAndWait(admin, [app]);
      expect(await admin.app.getFormFields({ app })).toStrictEqual(preview);
      // The member reads the live form of a deployed app.
      expect(await s.client(s.member).app.getFormFields({ app, lang: 'en' })).toStrictEqual(preview);
    });

    it('names every problem of an add under properties.<code>.<attribute> and saves none', async () => {
      const s = server();
      const admin = s.client(s.admin);
      const app = await addApp(admin);
      const e = await kintoneError(
        admin.app.addFormFields({
          app,
          properties: {
            fine: { type: 'SINGLE_LINE_TEXT', code: 'fine', label: '問題なし' },
            amount: { type: 'NUMBER', code: 'amount', label: '', maxValue: 'many' },
            Record_number: { type: 'SINGLE_LINE_TEXT', code: 'Record_number', label: '重複' },
          },
        }),
        400,
        'CB_VA01',
      );
      expect(errorText(e)).toBe('Missing or invalid input.');
      expect(Object.keys(e.errors).sort()).toEqual(['properties.Record_number.code', 'properties.amount.label', 'properties.amount.maxValue']);
      for (const v of Object.values(e.errors)) expect(v).toEqual({ messages: [expect.any(String)] });
      const after = await admin.app.getFormFields({ app, preview: true });
      expect(after).toEqual({ properties: ENGLISH_SYSTEM_FIELDS, revision: '2' });
    });

    it('updates fields, renaming a field and a table column, keeping what was not sent', async () => {
      const s = server();
      const { admin, app } = await appWithEveryField(s.client(s.admin));
      const { revision } = await admin.app.updateFormFields({
        app,
        properties: {
          title: { code: 'subject', label: '表題' },
          price: { maxValue: '5000', unit: 'USD', unitPosition: 'BEFORE' },
          items: { fields: { item_name: { code: 'product', label: '製品' } } },
          stage: { options: { 見込み: { label: '見込み', index: '1' }, 受注: { label: '受注', index: '0' } } },
        },
        revision: '3',
      });
      expect(revision).toBe('4');

      const { properties } = await admin.app.getFormFields({ app, preview: true });
      expect(properties.title).toBeUndefined();
      expect(properties.subject).toStrictEqual({ ...expectedProperty('title'), code: 'subject', label: '表題' });
      expect(properties.price).toStrictEqual({ ...expectedProperty('price'), maxValue: '5000', unit: 'USD', unitPosition: 'BEFORE' });
      expect((properties.stage as unknown as Json).options).toStrictEqual({ 受注: { label: '受注', index: '0' }, 見込み: { label: '見込み', index: '1' } });
      const columns = (properties.items as unknown as { fields: Record<string, Json> }).fields;
      expect(Object.keys(columns)).toEqual(['product', 'quantity', 'subtotal']);
      expect(columns.product).toMatchObject({ type: 'SINGLE_LINE_TEXT', code: 'product', label: '製品', required: true });

      const unknown = await kintoneError(admin.app.updateFormFields({ app, properties: { nowhere: { label: 'x' } } }), 400, 'GAIA_FC01');
      expect(errorText(unknown)).toBe('The specified field (code: nowhere) not found.');
      await kintoneError(admin.app.updateFormFields({ app, properties: { subject: { label: 'stale' } }, revision: '3' }), 409, 'GAIA_CO02');
    });

    it('carries a rename into the saved layout, the views and the title field', async () => {
      const s = server();
      const admin = s.client(s.admin);
      const app = await deployedApp(admin, {
        properties: {
          a: { type: 'SINGLE_LINE_TEXT', code: 'a', label: 'A' },
          t: { type: 'SUBTABLE', code: 't', label: 'T', fields: { c1: { type: 'NUMBER', code: 'c1', label: 'C1' } } },
        },
      });
      const row = (code: string) => ({ type: 'ROW' as const, fields: [{ type: 'SINGLE_LINE_TEXT', code, size: { width: '200' } }] });
      const table = (code: string) => ({ type: 'SUBTABLE' as const, code: 't', fields: [{ type: 'NUMBER', code, size: { width: '100' } }] });
      await admin.app.updateFormLayout({ app, layout: [row('a'), table('c1')] });
      await admin.app.updateViews({
        app,
        views: { 一覧: { type: 'LIST', index: 0, fields: ['a', 'c1'] }, 予定: { type: 'CALENDAR', index: 1, date: 'Created_datetime', title: 'a' } },
      });
      await admin.app.updateAppSettings({ app, titleField: { selectionMode: 'MANUAL', code: 'a' } });

      await admin.app.updateFormFields({ app, properties: { a: { code: 'b' }, t: { fields: { c1: { code: 'c2' } } } } });
      const { layout } = await admin.app.getFormLayout({ app, preview: true });
      expect(layout).toEqual([row('b'), table('c2')]);
      const { views } = await admin.app.getViews({ app, preview: true });
      expect(views.一覧).toMatchObject({ fields: ['b', 'c2'] });
      expect(views.予定).toMatchObject({ title: 'b' });
      expect((await admin.app.getAppSettings({ app, preview: true })).titleField).toEqual({ selectionMode: 'MANUAL', code: 'b' });
      await admin.app.updateFormLayout({ app, layout: layout as never });
    });

    it('deletes fields, refusing system fields and unknown codes', async () => {
      const s = server();
      const { admin, app } = await appWithEveryField(s.client(s.admin));
      expect(await admin.app.deleteFormFields({ app, fields: ['notes', 'body', 'items'], revision: '3' })).toEqual({ revision: '4' });
      const { properties } = await admin.app.getFormFields({ app, preview: true });
      expect(properties).not.toHaveProperty('notes');
      expect(properties).not.toHaveProperty('items');
      expect(properties).toHaveProperty('title');

      const system = await kintoneError(admin.app.deleteFormFields({ app, fields: ['title', 'Record_number'] }), 400, 'CB_VA01');
      expect(Object.keys(system.errors)).toEqual(['fields[1]']);
      await kintoneError(admin.app.deleteFormFields({ app, fields: ['notes'] }), 400, 'GAIA_FC01');
      await kintoneError(admin.app.deleteFormFields({ app, fields: ['title'], revision: '3' }), 409, 'GAIA_CO02');
      expect((await admin.app.getFormFields({ app, preview: true })).properties).toHaveProperty('title');

      // 25 codes travel as fields[0]…fields[24] in the DELETE query string.
      const many = Array.from({ length: 25 }, (_, i) => `n${String(i).padStart(2, '0')}`);
      await admin.app.addFormFields({ app, properties: Object.fromEntries(many.map((code) => [code, { type: 'NUMBER', code, label: code }])) });
      await admin.app.deleteFormFields({ app, fields: many });
      expect(s.requests.at(-1)?.url).toContain('fields%5B24%5D=n24');
      const left = Object.keys((await admin.app.getFormFields({ app, preview: true })).properties);
      expect(left.filter((code) => many.includes(code))).toEqual([]);
      expect(left).toContain('title');
    });
  });
});
