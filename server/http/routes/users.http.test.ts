import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/db.js';
import { type Harness, PASSWORD, basicAuth, newDomain, startApp } from '../../../test/support/app.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('GET /v1/users.json', () => {
    it('lists the domain’s users with ids as strings', async () => {
      const d = await newDomain(h);
      const res = await d.request({ method: 'GET', url: '/v1/users.json', as: d.admin });
      expect(res.statusCode).toBe(200);
      const users = res.json().users;
      expect(users.map((u: { code: string }) => u.code)).toEqual(['admin', 'member']);
      expect(users[0]).toMatchObject({ id: String(d.admin.id), valid: true, isAdmin: true, email: 'admin@example.com' });
      expect(users[0]).not.toHaveProperty('passwordHash');
    });

    it('filters by ids[] and codes[] in qs bracket form, and pages with offset/size', async () => {
      const d = await newDomain(h);
      const third = await d.addUser('third');
      let res = await d.request({ method: 'GET', url: `/v1/users.json?ids[0]=${third.id}&ids[1]=${d.member.id}`, as: d.admin });
      expect(res.json().users.map((u: { code: string }) => u.code)).toEqual(['member', 'third']);
      res = await d.request({ method: 'GET', url: '/v1/users.json?codes[0]=ADMIN', as: d.admin });
      expect(res.json().users.map((u: { code: string }) => u.code)).toEqual(['admin']);
      res = await d.request({ method: 'GET', url: '/v1/users.json?offset=1&size=1', as: d.admin });
      expect(res.json().users.map((u: { code: string }) => u.code)).toEqual(['member']);
    });

    it('accepts parameters in a JSON body on GET, as kintone samples send them', async () => {
      const d = await newDomain(h);
      const res = await d.request({ method: 'GET', url: '/v1/users.json', payload: { codes: ['member'] }, as: d.admin });
      expect(res.statusCode).toBe(200);
      expect(res.json().users.map((u: { code: string }) => u.code)).toEqual(['member']);
    });

    it('refuses non-administrators with 403 CB_NO02 and anonymous callers with 401 CB_AU01', async () => {
      const d = await newDomain(h);
      const member = await d.request({ method: 'GET', url: '/v1/users.json', as: d.member });
      expect(member.statusCode).toBe(403);
      expect(member.json()).toMatchObject({ code: 'CB_NO02', message: 'No privilege to proceed.' });
      const anon = await d.request({ method: 'GET', url: '/v1/users.json' });
      expect(anon.statusCode).toBe(401);
      expect(anon.json().code).toBe('CB_AU01');
    });

    it('refuses more than 100 ids and a size above 100', async () => {
      const d = await newDomain(h);
      const ids = Array.from({ length: 101 }, (_, i) => `ids[${i}]=${i + 1}`).join('&');
      const res = await d.request({ method: 'GET', url: `/v1/users.json?${ids}`, as: d.admin });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('CB_VA01');
      const size = await d.request({ method: 'GET', url: '/v1/users.json?size=101', as: d.admin });
      expect(size.json().errors.size.messages).toEqual(['The value must be 100 or less.']);
    });
  });

  describe('POST /v1/users.json', () => {
    it('creates users who can then sign in with their password', async () => {
      const d = await newDomain(h);
      const res = await d.request({
        method: 'POST',
        url: '/v1/users.json',
        as: d.admin,
        payload: { users: [{ code: 'sato', name: '佐藤 花子', email: 'sato@example.jp', password: 'hanako-password', locale: 'ja' }] },
      });
      expect(res.statusCode).toBe(200);
      const [id] = res.json().ids;
      expect(id).toMatch(/^\d+$/);
      const me = await d.request({ method: 'GET', url: '/api/session', headers: { 'x-cybozu-authorization': basicAuth('sato', 'hanako-password') } });
      expect(me.statusCode).toBe(200);
      expect(me.json().user).toMatchObject({ id, code: 'sato', name: '佐藤 花子', locale: 'ja', isAdmin: false });
    });

    it('names each offending parameter and creates none when one user is invalid', async () => {
      const d = await newDomain(h);
      const res = await d.request({
        method: 'POST',
        url: '/v1/users.json',
        as: d.admin,
        payload: {
          users: [
            { code: 'ok-user', name: 'OK', email: 'ok@example.com', password: 'long enough password' },
            { code: 'bad', name: 'Bad', email: 'not-an-email', password: 'short' },
            { code: 'MEMBER', name: 'Dup', email: 'dup@example.com', password: 'long enough password' },
          ],
        },
      });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.code).toBe('CB_VA01');
      expect(body.id).toMatch(/^[0-9a-z]{20}$/);
      expect(body.errors['users[1].email'].messages).toEqual(['The e-mail address is not valid.']);
      const again = await d.request({
        method: 'POST',
        url: '/v1/users.json',
        as: d.admin,
        payload: {
          users: [
            { code: 'ok-user', name: 'OK', email: 'ok@example.com', password: 'long enough password' },
            { code: 'MEMBER', name: 'Dup', email: 'dup@example.com', password: 'long enough password' },
            { code: 'weak', name: 'Weak', email: 'weak@example.com', password: 'short' },
          ],
        },
      });
      expect(again.json().errors).toEqual({
        'users[1].code': { messages: ['This value already exists in another record.'] },
        'users[2].password': { messages: ['The password must be at least 8 characters.'] },
      });
      const list = await d.request({ method: 'GET', url: '/v1/users.json', as: d.admin });
      expect(list.json().users.map((u: { code: string }) => u.code)).toEqual(['admin', 'member']);
    });

    it('answers in Japanese for a Japanese caller', async () => {
      const d = await newDomain(h);
      const res = await d.request({
        method: 'POST',
        url: '/v1/users.json',
        as: d.admin,
        headers: { 'accept-language': 'ja' },
        payload: { users: [{ code: 'x', name: '', email: 'x@example.com', password: 'long enough password' }] },
      });
      // The admin's own locale (en, the test default) wins over Accept-Language.
      expect(res.json().message).toBe('Missing or invalid input.');
      const ja = await d.request({ method: 'GET', url: '/v1/users.json', headers: { 'accept-language': 'ja' } });
      expect(ja.json().message).toBe('ログインしてください。');
    });

    it('refuses login names that could pass for a guest or carry markup', async () => {
      const d = await newDomain(h);
      for (const code of ['guest/alice', '<script>', 'a b', '']) {
        const res = await d.request({
          method: 'POST',
          url: '/v1/users.json',
          as: d.admin,
          payload: { users: [{ code, name: 'N', email: 'n@example.com', password: 'long enough password' }] },
        });
        expect(res.statusCode, code).toBe(400);
        expect(Object.keys(res.json().errors)).toEqual(['users[0].code']);
      }
    });
  });

  describe('PUT and DELETE /v1/users.json', () => {
    it('suspends a user: their password stops working at once', async () => {
      const d = await newDomain(h);
      const before = await d.request({ method: 'GET', url: '/api/session', as: d.member });
      expect(before.statusCode).toBe(200);
      const res = await d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'member', valid: false }] } });
      expect(res.statusCode).toBe(200);
      const after = await d.request({ method: 'GET', url: '/api/session', as: d.member });
      expect(after.statusCode).toBe(401);
      expect(after.json().code).toBe('CB_WA01');
    });

    it('changes a password: the old one fails, the new one works', async () => {
      const d = await newDomain(h);
      await d.request({ method: 'GET', url: '/api/session', as: d.member });
      const res = await d.request({
        method: 'PUT',
        url: '/v1/users.json',
        as: d.admin,
        payload: { users: [{ code: 'member', password: 'a brand new secret' }] },
      });
      expect(res.statusCode).toBe(200);
      expect((await d.request({ method: 'GET', url: '/api/session', as: d.member })).statusCode).toBe(401);
      const fresh = await d.request({ method: 'GET', url: '/api/session', headers: { 'x-cybozu-authorization': basicAuth('member', 'a brand new secret') } });
      expect(fresh.statusCode).toBe(200);
    });

    it('keeps the last administrator', async () => {
      const d = await newDomain(h);
      const demote = await d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'admin', isAdmin: false }] } });
      expect(demote.statusCode).toBe(400);
      expect(demote.json().errors.users.messages).toEqual(['The last administrator cannot be suspended or deleted.']);
      const del = await d.request({ method: 'DELETE', url: '/v1/users.json?codes[0]=admin', as: d.admin });
      expect(del.statusCode).toBe(400);
    });

    it('deletes users by codes[]; an unknown code deletes nothing', async () => {
      const d = await newDomain(h);
      await d.addUser('temp');
      const bad = await d.request({ method: 'DELETE', url: '/v1/users.json?codes[0]=temp&codes[1]=nobody', as: d.admin });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors['codes[1]']).toBeDefined();
      const ok = await d.request({ method: 'DELETE', url: '/v1/users.json?codes[0]=temp', as: d.admin });
      expect(ok.statusCode).toBe(200);
      const list = await d.request({ method: 'GET', url: '/v1/users.json', as: d.admin });
      expect(list.json().users.map((u: { code: string }) => u.code)).toEqual(['admin', 'member']);
      const signIn = await d.request({ method: 'GET', url: '/api/session', headers: { 'x-cybozu-authorization': basicAuth('temp', PASSWORD) } });
      expect(signIn.statusCode).toBe(401);
    });
  });
});
