// Every refusal of the contract and its limits, as the administrator reads it: kintone's
// `{code, id, message}` body (with `errors` for CB_VA01 only), the message in the caller's own
// language — Japanese for one administrator, English for the other — and nothing kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_PATH } from '../../../common/api/licences.js';
import { type Harness, PASSWORD, type Persona, type TestDomain, basicAuth, newDomain, startApp } from '../../../test/support/app.js';
import { expectErrorBody, signInBrowser } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { insertApp } from '../../storage/apps.repo.js';
import { nextIds } from '../../storage/db.js';

const DAY = 86_400_000;
const STANDARD = { course: 'standard', term: 'monthly', userLicences: 10, startDate: '2026-04-01' };

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  /** A domain with a second administrator, `boss`, who reads Japanese (d.admin reads English). */
  async function world(): Promise<{ d: TestDomain; boss: Persona }> {
    const d = await newDomain(h);
    const made = await d.request({
      method: 'POST',
      url: '/v1/users.json',
      as: d.admin,
      payload: { users: [{ code: 'boss', name: '社長', email: 'boss@example.com', password: PASSWORD, locale: 'ja', isAdmin: true }] },
    });
    expect(made.statusCode, made.body).toBe(200);
    return { d, boss: { id: Number(made.json().ids[0]), code: 'boss', password: PASSWORD, auth: basicAuth('boss', PASSWORD) } };
  }
  const put = (d: TestDomain, as: Persona, payload: Record<string, unknown>) => d.request({ method: 'PUT', url: CONTRACT_PATH, as, payload });
  const contractOf = async (d: TestDomain) => (await d.request({ method: 'GET', url: CONTRACT_PATH, as: d.admin })).json().contract;

  describe('the contract', () => {
    it('refuses guest licences alone, on another course or term, and too few user licences, in Japanese and English', async () => {
      const { d, boss } = await world();
      const alone = { guests: { licences: 3 } };
      expect(expectErrorBody(await put(d, boss, alone), 400, 'CB_LI03').message).toBe(
        'ゲストユーザーのライセンスだけを契約することはできません。先にコース・契約区分・ユーザー数・開始日を設定してください。',
      );
      expect(expectErrorBody(await put(d, d.admin, alone), 400, 'CB_LI03').message).toBe(
        'Guest licenses cannot be contracted alone. Set the course, billing term, user licenses and start date first.',
      );
      expect(await contractOf(d)).toBeNull();

      for (const guests of [{ licences: 3, course: 'light' }, { licences: 3, term: 'annual' }]) {
        expect(expectErrorBody(await put(d, boss, { ...STANDARD, guests }), 400, 'CB_LI04').message).toBe(
          'ゲストユーザーのライセンスは、契約と同じコースと契約区分でのみ利用できます。',
        );
        expect(expectErrorBody(await put(d, d.admin, { ...STANDARD, guests }), 400, 'CB_LI04').message).toBe(
          'Guest licenses always use the same course and billing term as the contract.',
        );
      }
      expect(await contractOf(d)).toBeNull();

      // With a contract: guest licences follow a course change unless told otherwise.
      expect((await put(d, d.admin, { ...STANDARD, guests: { licences: 2 } })).statusCode).toBe(200);
      expectErrorBody(await put(d, boss, { course: 'wide', guests: { licences: 2, course: 'standard' } }), 400, 'CB_LI04');
      expect(await contractOf(d)).toMatchObject({ course: 'standard', guestLicences: 2 });

      // Three active users (admin, member, boss).
      expect(expectErrorBody(await put(d, boss, { userLicences: 2 }), 400, 'CB_LI02').message).toBe(
        'ユーザーのライセンス数は、使用中のユーザー数（3）より少なくできません。',
      );
      expect(expectErrorBody(await put(d, d.admin, { userLicences: 2 }), 400, 'CB_LI02').message).toBe(
        'The number of user licenses cannot be lower than the 3 users in use.',
      );
      expect((await contractOf(d)).userLicences).toBe(10);
    });

    it('names each missing field of a half contract in the caller’s language', async () => {
      const { d, boss } = await world();
      const ja = expectErrorBody(await put(d, boss, { course: 'light' }), 400, 'CB_VA01');
      expect(ja).toMatchObject({
        message: '入力内容が正しくありません。',
        errors: { term: { messages: ['必須です。'] }, userLicences: { messages: ['必須です。'] }, startDate: { messages: ['必須です。'] } },
      });
      const en = expectErrorBody(await put(d, d.admin, { course: 'light' }), 400, 'CB_VA01');
      expect(en).toMatchObject({ message: 'Missing or invalid input.', errors: { term: { messages: ['Required field.'] } } });
    });
  });

  describe('what the contract limits', () => {
    it('refuses a regular user beyond the user licences', async () => {
      const { d, boss } = await world();
      expect((await put(d, d.admin, { ...STANDARD, userLicences: 3 })).statusCode).toBe(200);
      const add = (as: Persona, code: string) =>
        d.request({ method: 'POST', url: '/v1/users.json', as, payload: { users: [{ code, name: code, email: `${code}@example.com`, password: PASSWORD }] } });
      expect(expectErrorBody(await add(boss, 'fourth'), 403, 'CB_LI01').message).toBe(
        'ユーザーのライセンス（3）はすべて使用中です。ライセンスを追加するか、他のユーザーを停止してから追加または再開してください。',
      );
      expect(expectErrorBody(await add(d.admin, 'fourth'), 403, 'CB_LI01').message).toBe(
        'All 3 user licenses are in use. Add licenses, or suspend another user, before adding or reactivating one.',
      );
      const users = await d.request({ method: 'GET', url: '/v1/users.json', as: d.admin });
      expect((users.json().users as Array<{ code: string }>).map((u) => u.code).sort()).toEqual(['admin', 'boss', 'member']);
    });

    it('refuses an app beyond the course, and the REST API on Light', async () => {
      const { d, boss } = await world();
      const ids = await nextIds(h.services.db, d.id, 'app', 200);
      for (const id of ids) {
        await insertApp(h.services.db, {
          domainId: d.id, id, code: '', name: `app ${id}`, description: '', spaceId: null, threadId: null,
          creatorId: d.admin.id, createdAt: h.clock.now(), modifierId: d.admin.id, modifiedAt: h.clock.now(), deployed: false,
        } as Parameters<typeof insertApp>[1]);
      }
      expect((await put(d, d.admin, { ...STANDARD, course: 'light' })).statusCode).toBe(200);
      const create = async (who: Persona) => {
        const b = await signInBrowser(d, who);
        return d.request({
          method: 'POST',
          url: '/k/v1/preview/app.json',
          headers: { cookie: b.cookie, 'x-requested-with': 'XMLHttpRequest' },
          payload: { name: 'one too many', __REQUEST_TOKEN__: b.csrfToken },
        });
      };
      expect(expectErrorBody(await create(boss), 403, 'CB_LI05').message).toBe('ご契約のコースで作成できるアプリの上限（200個）に達しています。');
      expect(expectErrorBody(await create(d.admin), 403, 'CB_LI05').message).toBe('Your course allows at most 200 apps, and they have all been created.');

      const api = (as: Persona) => d.request({ method: 'GET', url: '/k/v1/apps.json', as });
      expect(expectErrorBody(await api(boss), 403, 'CB_LI07').message).toBe('ライトコースでは、パスワード認証やAPIトークンによるREST APIは利用できません。');
      expect(expectErrorBody(await api(d.admin), 403, 'CB_LI07').message).toBe(
        'The REST API (password or API token authentication) is not available on the Light course.',
      );
    });

    it('refuses API requests past the app’s daily limit until 09:00 in Japan', async () => {
      const { d, boss } = await world();
      expect((await put(d, d.admin, STANDARD)).statusCode).toBe(200);
      const app = await d.request({ method: 'POST', url: '/k/v1/preview/app.json', as: d.admin, payload: { name: 'counted' } });
      const appId = Number(app.json().app);
      const day = h.clock.now().toISOString().slice(0, 10);
      for (let i = 0; i < 10_000; i++) await h.limiter.hit(`apiday:${d.id}:${appId}:${day}`, 10_000, DAY);
      const get = (as: Persona) => d.request({ method: 'GET', url: `/k/v1/preview/app/settings.json?app=${appId}`, as });
      const ja = await get(boss);
      expect(expectErrorBody(ja, 429, 'CB_LI08').message).toBe('このアプリの1日あたりのAPIリクエスト数の上限（10000）に達しました。日本時間の9:00にリセットされます。');
      expect(Number(ja.headers['retry-after'])).toBeGreaterThan(0);
      expect(expectErrorBody(await get(d.admin), 429, 'CB_LI08').message).toBe(
        'This app has reached its limit of 10000 API requests per day. The count resets at 9:00 Japan time.',
      );
      h.clock.advance(DAY);
      expect((await get(boss)).statusCode).toBe(200);
    });
  });
});
