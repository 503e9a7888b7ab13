// Record comments through @kintone/rest-api-client: addRecordComment (with mentions of a user, a
// group and a department), getRecordComments in both orders with offset and limit, and
// deleteRecordComment by its author and by someone else, with the errors the client's caller
// sees (CB_NO02, GAIA_RE02, GAIA_RE01, CB_VA01).
import type { KintoneRestAPIClient } from '@kintone/rest-api-client';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../support/app.js';
import { addGroup, addOrganization, deployedApp, eachKintoneServer, errorText, kintoneError } from '../support/kintone.js';

// The test clock stands still: every comment is made at this second.
const NOW = '2026-04-01T00:00:00Z';

eachKintoneServer((server) => {
  let admin: KintoneRestAPIClient;
  let carol: Persona;
  let app: string;

  beforeAll(async () => {
    const s = server();
    admin = s.client(s.admin);
    carol = await s.addUser('carol');
    await addGroup(s, 'reviewers', 'レビュー担当');
    await addOrganization(s, 'legal', '法務部');
    app = await deployedApp(admin, { properties: { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' } } });
  });

  const newRecord = async () => (await admin.record.addRecord({ app, record: { title: { value: '見積' } } })).id;

  describe('adding and reading comments', () => {
    it('adds comments with mentions and reads them back as kintone answers them', async () => {
      const s = server();
      const record = await newRecord();
      const first = await admin.record.addRecordComment({
        app,
        record,
        comment: {
          text: '確認をお願いします。',
          mentions: [
            { code: 'carol', type: 'USER' },
            { code: 'reviewers', type: 'GROUP' },
            { code: 'legal', type: 'ORGANIZATION' },
          ],
        },
      });
      expect(first).toEqual({ id: '1' });
      expect(s.requests.at(-1)).toEqual({ method: 'POST', url: '/k/v1/record/comment.json', override: undefined, status: 200 });
      expect(await s.client(carol).record.addRecordComment({ app, record, comment: { text: '了解です。' } })).toEqual({ id: '2' });

      const answer = await s.client(carol).record.getRecordComments({ app, record });
      expect(answer).toStrictEqual({
        comments: [
          { id: '2', text: '了解です。', createdAt: NOW, creator: { code: 'carol', name: 'carol' }, mentions: [] },
          {
            id: '1',
            text: 'carol レビュー担当 法務部 \n確認をお願いします。',
            createdAt: NOW,
            creator: { code: 'admin', name: 'admin' },
            mentions: [
              { code: 'carol', type: 'USER' },
              { code: 'reviewers', type: 'GROUP' },
              { code: 'legal', type: 'ORGANIZATION' },
            ],
          },
        ],
        older: false,
        newer: false,
      });
      expect(s.requests.at(-1)).toMatchObject({ method: 'GET', url: `/k/v1/record/comments.json?app=${app}&record=${record}`, status: 200 });
    });

    it('pages with order, offset and limit, telling whether older and newer comments remain', async () => {
      const record = await newRecord();
      for (let i = 1; i <= 7; i++) await admin.record.addRecordComment({ app, record, comment: { text: `第${i}報` } });
      const page = async (params: { order?: 'asc' | 'desc'; offset?: number; limit?: number }) => {
        const r = await admin.record.getRecordComments({ app, record, ...params });
        return { ids: r.comments.map((c) => c.id), older: r.older, newer: r.newer };
      };
      expect(await page({})).toEqual({ ids: ['7', '6', '5', '4', '3', '2', '1'], older: false, newer: false });
      expect(await page({ limit: 3 })).toEqual({ ids: ['7', '6', '5'], older: true, newer: false });
      expect(await page({ offset: 3, limit: 3 })).toEqual({ ids: ['4', '3', '2'], older: true, newer: true });
      expect(await page({ order: 'asc', offset: 5, limit: 3 })).toEqual({ ids: ['6', '7'], older: true, newer: false });
    });

    it('refuses a mention of someone who does not exist, and a record that does not', async () => {
      const record = await newRecord();
      const e = await kintoneError(admin.record.addRecordComment({ app, record, comment: { text: 'x', mentions: [{ code: 'ghost', type: 'USER' }] } }), 400, 'CB_VA01');
      expect(e.errors).toEqual({ 'comment.mentions[0].code': { messages: ['The specified user, department or group is not found.'] } });
      const missing = await kintoneError(admin.record.getRecordComments({ app, record: 999_999 }), 404, 'GAIA_RE01');
      expect(errorText(missing)).toBe('The specified record (ID: 999999) is not found.');
      await kintoneError(admin.record.addRecordComment({ app, record: 999_999, comment: { text: 'x' } }), 404, 'GAIA_RE01');
    });
  });

  describe('deleting comments', () => {
    it('lets only the author delete a comment, which is then gone for good', async () => {
      const s = server();
      const record = await newRecord();
      const { id } = await admin.record.addRecordComment({ app, record, comment: { text: '取り消します' } });
      await kintoneError(s.client(carol).record.deleteRecordComment({ app, record, comment: id }), 403, 'CB_NO02');
      expect(await admin.record.deleteRecordComment({ app, record, comment: id })).toEqual({});
      expect(s.requests.at(-1)).toEqual({ method: 'DELETE', url: `/k/v1/record/comment.json?app=${app}&record=${record}&comment=${id}`, override: undefined, status: 200 });
      expect((await admin.record.getRecordComments({ app, record })).comments).toEqual([]);
      const gone = await kintoneError(admin.record.deleteRecordComment({ app, record, comment: id }), 400, 'GAIA_RE02');
      expect(errorText(gone)).toBe('The specified comment does not exist. The comment may have been deleted.');
    });
  });
});
