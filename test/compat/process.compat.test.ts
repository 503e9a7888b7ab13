// Process management through @kintone/rest-api-client against a listening server: settings in
// preview and live (updateProcessManagement, getProcessManagement, deployApp), status actions on
// one and several records (updateRecordStatus, updateRecordsStatus), assignee changes
// (updateRecordAssignees), the same inside bulkRequest, and the errors the client's caller sees.
import { describe, expect, it } from 'vitest';
import { deployAndWait, deployedApp, eachKintoneServer, errorText, kintoneError, uniqueName } from '../support/kintone.js';

const creator = { entity: { type: 'FIELD_ENTITY' as const, code: 'Created_by' } };

eachKintoneServer((server) => {
  /** An expense app: Draft (the creator) → Approval (the approver field, choose one) → Paid. */
  async function expenseApp() {
    const s = server();
    const admin = s.client(s.admin);
    const approverCode = uniqueName('boss');
    const approver = await s.addUser(approverCode);
    const app = await deployedApp(admin, {
      name: uniqueName('Expenses'),
      properties: {
        amount: { type: 'NUMBER', code: 'amount', label: 'Amount' },
        approver: { type: 'USER_SELECT', code: 'approver', label: 'Approver' },
      },
    });
    const updated = await admin.app.updateProcessManagement({
      app,
      enable: true,
      states: {
        Draft: { name: 'Draft', index: 0, assignee: { type: 'ONE', entities: [creator] } },
        Approval: { name: 'Approval', index: '1', assignee: { type: 'ONE', entities: [{ entity: { type: 'FIELD_ENTITY', code: 'approver' } }] } },
        Paid: { name: 'Paid', index: 2, assignee: { type: 'ONE', entities: [] } },
      },
      actions: [
        { name: 'Submit', from: 'Draft', to: 'Approval', filterCond: '' },
        { name: 'Pay', from: 'Approval', to: 'Paid', filterCond: 'amount <= 10000', type: 'PRIMARY' },
        {
          name: 'Return',
          from: 'Approval',
          to: 'Draft',
          type: 'SECONDARY',
          executableUser: { entities: [{ entity: { type: 'USER', code: 'admin' } }] },
        },
      ],
    });
    expect(updated).toEqual({ revision: expect.stringMatching(/^\d+$/) });
    await deployAndWait(admin, [app]);
    return { s, admin, app, approver, approverCode };
  }

  describe('settings', () => {
    it('keeps process management in preview until deploy, and answers it in kintone’s shape', async () => {
      const s = server();
      const admin = s.client(s.admin);
      const app = await deployedApp(admin, { name: uniqueName('Flow') });
      expect(await admin.app.getProcessManagement({ app })).toEqual({ enable: false, states: null, actions: null, revision: expect.any(String) });
      await admin.app.updateProcessManagement({
        app,
        enable: true,
        states: { Open: { name: 'Open', index: 0, assignee: { type: 'ONE', entities: [] } }, Closed: { name: 'Closed', index: 1 } },
        actions: [{ name: 'Close', from: 'Open', to: 'Closed' }],
      });
      expect((await admin.app.getProcessManagement({ app })).enable).toBe(false);
      const preview = await admin.app.getProcessManagement({ app, preview: true });
      expect(preview).toEqual({
        enable: true,
        states: {
          Open: { name: 'Open', index: '0', assignee: { type: 'ONE', entities: [] } },
          Closed: { name: 'Closed', index: '1', assignee: { type: 'ONE', entities: [{ entity: { type: 'FIELD_ENTITY', code: 'Created_by' }, includeSubs: false }] } },
        },
        actions: [{ name: 'Close', from: 'Open', to: 'Closed', filterCond: '', type: 'PRIMARY' }],
        revision: expect.any(String),
      });
      await deployAndWait(admin, [app]);
      expect(await admin.app.getProcessManagement({ app, lang: 'user' })).toEqual({ ...preview, revision: expect.any(String) });
      // The status and assignee fields are on in the form now.
      const { properties } = await admin.app.getFormFields({ app });
      expect(properties.Status).toEqual({ type: 'STATUS', code: 'Status', label: 'Status', enabled: true });
    });

    it('names every problem of broken settings', async () => {
      const s = server();
      const admin = s.client(s.admin);
      const app = await deployedApp(admin, { name: uniqueName('Broken') });
      const e = await kintoneError(
        admin.app.updateProcessManagement({
          app,
          enable: true,
          states: { Start: { name: 'Start', index: 0, assignee: { type: 'ALL', entities: [] } } },
          actions: [{ name: 'Go', from: 'Start', to: 'Elsewhere' }],
        }),
        400,
        'CB_VA01',
      );
      expect(Object.keys(e.errors as object).sort()).toEqual(['actions[0].to', 'states.Start.assignee']);
    });
  });

  describe('records', () => {
    it('moves a record through its statuses, two revisions per action', async () => {
      const { s, app, approver, approverCode } = await expenseApp();
      const member = s.client(s.member);
      const { id } = await member.record.addRecord({ app, record: { amount: { value: '1200' }, approver: { value: [{ code: approverCode }] } } });
      const { record } = await member.record.getRecord({ app, id });
      expect(record.Status).toEqual({ type: 'STATUS', value: 'Draft' });
      expect(record.Assignee).toEqual({ type: 'STATUS_ASSIGNEE', value: [{ code: 'member', name: 'member' }] });

      const noAssignee = await kintoneError(member.record.updateRecordStatus({ app, id, action: 'Submit' }), 400, 'GAIA_SA01');
      expect(errorText(noAssignee)).toBe('Assignee is required.');
      expect(await member.record.updateRecordStatus({ app, id, action: 'Submit', assignee: approverCode, revision: 1 })).toEqual({ revision: '3' });
      // Only the assignee acts now.
      const notYours = await kintoneError(member.record.updateRecordStatus({ app, id, action: 'Pay' }), 403, 'GAIA_NT01');
      expect(errorText(notYours)).toBe('Only Assignee can change the status.');
      const boss = s.client(approver);
      expect(await boss.record.updateRecordStatus({ app, id, action: 'Pay' })).toEqual({ revision: '5' });
      const after = (await member.record.getRecord({ app, id })).record;
      expect(after.Status).toEqual({ type: 'STATUS', value: 'Paid' });
      expect(after.Assignee).toEqual({ type: 'STATUS_ASSIGNEE', value: [] });
      expect(after.Updated_by).toEqual({ type: 'MODIFIER', value: { code: approverCode, name: approverCode } });
      // Paid has no action named Pay.
      const stale = await kintoneError(boss.record.updateRecordStatus({ app, id, action: 'Pay' }), 400, 'GAIA_IL03');
      expect(errorText(stale)).toBe('Failed to update the status. The settings or the status itself may have been changed by someone.');
    });

    it('refuses an action whose condition fails, and lets the listed user run a secondary action', async () => {
      const { s, admin, app, approver, approverCode } = await expenseApp();
      const member = s.client(s.member);
      const { id } = await member.record.addRecord({ app, record: { amount: { value: '50000' }, approver: { value: [{ code: approverCode }] } } });
      await member.record.updateRecordStatus({ app, id, action: 'Submit', assignee: approverCode });
      await kintoneError(s.client(approver).record.updateRecordStatus({ app, id, action: 'Pay' }), 400, 'GAIA_IL03');
      // The administrator is not the assignee, but Return names him.
      await admin.record.updateRecordStatus({ app, id, action: 'Return', assignee: 'member' });
      expect((await member.record.getRecord({ app, id })).record.Status).toEqual({ type: 'STATUS', value: 'Draft' });
    });

    it('moves several records at once, all or none, and inside bulkRequest', async () => {
      const { s, app, approverCode } = await expenseApp();
      const member = s.client(s.member);
      const { ids } = await member.record.addRecords({
        app,
        records: [1, 2, 3].map((n) => ({ amount: { value: String(n) }, approver: { value: [{ code: approverCode }] } })),
      });
      await kintoneError(
        member.record.updateRecordsStatus({
          app,
          records: [
            { id: ids[0]!, action: 'Submit', assignee: approverCode },
            { id: ids[1]!, action: 'Submit' },
          ],
        }),
        400,
        'GAIA_SA01',
      );
      expect((await member.record.getRecord({ app, id: ids[0]! })).record.Status).toEqual({ type: 'STATUS', value: 'Draft' });
      const moved = await member.record.updateRecordsStatus({
        app,
        records: [
          { id: ids[0]!, action: 'Submit', assignee: approverCode },
          { id: ids[1]!, action: 'Submit', assignee: approverCode, revision: '1' },
        ],
      });
      expect(moved).toEqual({ records: [{ id: ids[0], revision: '3' }, { id: ids[1], revision: '3' }] });
      const bulk = await member.bulkRequest({
        requests: [
          { method: 'PUT', api: '/k/v1/record.json', payload: { app, id: ids[2], record: { amount: { value: '4' } } } },
          { method: 'PUT', api: '/k/v1/record/status.json', payload: { app, id: ids[2], action: 'Submit', assignee: approverCode } },
        ],
      });
      expect(bulk).toEqual({ results: [{ revision: '2' }, { revision: '4' }] });
      const { records } = await member.record.getRecords({ app, query: 'Status in ("Approval") order by $id asc' });
      expect(records.map((r) => r.$id!.value)).toEqual(ids);
    });

    it('lets an app manager change the assignees; a member may not', async () => {
      const { s, admin, app, approverCode } = await expenseApp();
      const member = s.client(s.member);
      const { id } = await member.record.addRecord({ app, record: {} });
      await kintoneError(member.record.updateRecordAssignees({ app, id, assignees: [approverCode] }), 403, 'CB_NO02');
      expect(await admin.record.updateRecordAssignees({ app, id, assignees: [approverCode], revision: 1 })).toEqual({ revision: '2' });
      expect((await member.record.getRecord({ app, id })).record.Assignee).toEqual({ type: 'STATUS_ASSIGNEE', value: [{ code: approverCode, name: approverCode }] });
      await kintoneError(admin.record.updateRecordAssignees({ app, id, assignees: ['nobody-at-all'] }), 400, 'GAIA_IL26');
    });

    it('answers GAIA_ST02 on an app without process management', async () => {
      const s = server();
      const admin = s.client(s.admin);
      const app = await deployedApp(admin, { name: uniqueName('Plain') });
      const { id } = await admin.record.addRecord({ app, record: {} });
      const e = await kintoneError(admin.record.updateRecordStatus({ app, id, action: 'Start' }), 400, 'GAIA_ST02');
      expect(errorText(e)).toBe('Your request failed. The process management feature has been disabled.');
    });
  });
});
