// Guest spaces as kintone's official client and CLI meet them: the client's `guestSpaceId`
// puts every call under /k/guest/{id}/v1/, the plain path answers GAIA_IL23 (which cli-kintone
// turns into its own advice), and guests sign in with their e-mail address.
import { KintoneRestAPIClient, KintoneRestAPIError } from '@kintone/rest-api-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../support/app.js';
import { deployAndWait, eachKintoneServer, postAsAdmin, uniqueName } from '../support/kintone.js';

async function refusal(p: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof KintoneRestAPIError) return { status: err.status, code: err.code };
    throw err;
  }
  throw new Error('expected a refusal');
}

eachKintoneServer((server) => {
  let spaceId: string;
  let thread: string;
  let app: string;
  let guestEmail: string;
  const asAdmin = (guestSpaceId?: string) =>
    new KintoneRestAPIClient({ baseUrl: server().baseUrl, auth: { username: server().admin.code, password: server().admin.password }, ...(guestSpaceId ? { guestSpaceId } : {}) });
  const asGuest = (guestSpaceId?: string) =>
    new KintoneRestAPIClient({ baseUrl: server().baseUrl, auth: { username: guestEmail, password: PASSWORD }, ...(guestSpaceId ? { guestSpaceId } : {}) });

  beforeAll(async () => {
    const s = server();
    const made = (await postAsAdmin(s, '/k/v1/space.json', {
      name: uniqueName('Partner site'),
      isGuest: true,
      members: [{ entity: { type: 'USER', code: s.admin.code }, isAdmin: true }],
    })) as { id: string; defaultThread: string };
    spaceId = made.id;
    thread = made.defaultThread;
    guestEmail = `${uniqueName('site-lead')}@partner.example`.toLowerCase();
    await asAdmin().space.addGuests({ guests: [{ name: '協力会社 太郎', code: guestEmail, password: PASSWORD, timezone: 'Asia/Tokyo', company: '山田工務店' }] });
    const admin = asAdmin(spaceId);
    await admin.space.updateSpaceGuests({ id: spaceId, guests: [guestEmail] });
    ({ app } = await admin.app.addApp({ name: uniqueName('現場日報'), space: spaceId }));
    await admin.app.addFormFields({ app, properties: { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' } } });
    await deployAndWait(admin, [app]);
  });

  describe('the client with guestSpaceId', () => {
    it('lets a guest read the space, add and read records, and post in the thread', async () => {
      const guest = asGuest(spaceId);
      const space = await guest.space.getSpace({ id: spaceId });
      expect(space.isGuest).toBe(true);
      expect(space.isPrivate).toBe(true);
      expect(space.attachedApps.map((a) => a.appId)).toEqual([app]);
      const { id } = await guest.record.addRecord({ app, record: { title: { value: '足場の点検' } } });
      const { record } = await guest.record.getRecord({ app, id });
      expect(record.title!.value).toBe('足場の点検');
      const posted = await guest.space.addThreadComment({ space: spaceId, thread, comment: { text: '本日の作業は完了しました。' } });
      expect(Number(posted.id)).toBeGreaterThan(0);
    });

    it('keeps the guest from what the space’s administrators do', async () => {
      const guest = asGuest(spaceId);
      expect(await refusal(guest.space.updateSpaceBody({ id: spaceId, body: '<b>mine</b>' }))).toEqual({ status: 403, code: 'CB_NO02' });
      expect(await refusal(guest.space.updateSpaceMembers({ id: spaceId, members: [{ entity: { type: 'USER', code: server().admin.code }, isAdmin: true }] }))).toEqual({ status: 403, code: 'CB_NO02' });
      expect(await refusal(guest.space.updateSpaceGuests({ id: spaceId, guests: [] }))).toEqual({ status: 403, code: 'CB_NO02' });
      expect(await refusal(guest.space.deleteSpace({ id: spaceId }))).toEqual({ status: 403, code: 'CB_NO02' });
      expect(await refusal(guest.app.addApp({ name: 'mine', space: spaceId }))).toEqual({ status: 403, code: 'CB_NO02' });
    });

    it('answers GAIA_IL23 without the guest space, and CB_NO02 under another one', async () => {
      expect(await refusal(asAdmin().record.getRecords({ app }))).toEqual({ status: 400, code: 'GAIA_IL23' });
      expect(await refusal(asGuest().record.getRecords({ app }))).toEqual({ status: 400, code: 'GAIA_IL23' });
      expect(await refusal(asGuest('999999').record.getRecords({ app }))).toEqual({ status: 403, code: 'CB_NO02' });
    });
  });

  describe('cli-kintone', () => {
    it('advises --guest-space-id without it, and exports with it', async () => {
      const s = server();
      await asAdmin(spaceId).record.addRecord({ app, record: { title: { value: '搬入予定' } } });
      const without = await s.cli(['record', 'export', '--app', app]);
      expect(without.code).toBe(1);
      expect(without.stderr).toMatch(/Please specify --guest-space-id option to access an App in Guest Spaces\./);
      const withId = await s.cli(['record', 'export', '--app', app, '--guest-space-id', spaceId]);
      expect(withId.code, withId.stderr).toBe(0);
      expect(withId.stdout).toContain('搬入予定');
    });

    it('lets a guest export what the app lets it view, by its e-mail address', async () => {
      const s = server();
      const res = await s.cli(['record', 'export', '--app', app, '--guest-space-id', spaceId], { as: { username: guestEmail, password: PASSWORD } });
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain('足場の点検');
    });
  });

  describe('guest accounts', () => {
    it('deletes a guest account with the client; its sign-in then fails', async () => {
      const email = `${uniqueName('temp')}@partner.example`.toLowerCase();
      await asAdmin().space.addGuests({ guests: [{ name: 'Temp', code: email, password: PASSWORD, timezone: 'UTC' }] });
      const temp = new KintoneRestAPIClient({ baseUrl: server().baseUrl, auth: { username: email, password: PASSWORD }, guestSpaceId: spaceId });
      expect(await refusal(temp.space.getSpace({ id: spaceId }))).toEqual({ status: 403, code: 'CB_NO02' });
      await asAdmin().space.deleteGuests({ guests: [email] });
      expect(await refusal(temp.space.getSpace({ id: spaceId }))).toEqual({ status: 401, code: 'CB_WA01' });
    });
  });
});
