// The portal's list of spaces with favourites (ours), and a space's cover picture: a preset, or
// an upload attached for good and served to whoever may read the space.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestDomain, newDomain } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { type FileWorld, fileRows, filesOnDisk, pngBytes, startFileApp, upload } from '../../../test/support/files.js';
import { addGuest, setSpaceGuests } from '../../../test/support/guests.js';
import { addSpace } from '../../../test/support/spaces.js';

eachDatabase((database) => {
  let w: FileWorld;
  beforeAll(async () => {
    w = await startFileApp(database());
  });
  afterAll(async () => w.close());

  const list = async (d: TestDomain, as: Persona, query = '') => {
    const res = await d.request({ method: 'GET', url: `/v1/spaces.json${query}`, as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().spaces as Array<Record<string, unknown>>;
  };
  const favourite = (d: TestDomain, as: Persona, id: number, on: boolean) =>
    d.request({ method: 'PUT', url: '/v1/spaces/favourite.json', as, payload: { id, favourite: on } });
  const code = (res: { statusCode: number; json(): { code?: string } }) => [res.statusCode, res.json().code];

  describe('GET /v1/spaces.json and favourites', () => {
    it('lists the spaces the actor has a role in, favourites first', async () => {
      const d = await newDomain(w.h);
      const alice = await d.addUser('alice');
      const mine = await addSpace(d, alice, { name: 'Mine' });
      const pub = await addSpace(d, d.member, { name: 'Public' });
      await addSpace(d, d.member, { name: 'Private', isPrivate: true });
      const joined = await addSpace(d, d.member, { name: 'Joined', isPrivate: true, members: [alice] });
      await addSpace(d, d.admin, { name: 'Guests', isGuest: true });

      const first = await list(d, alice);
      expect(first.map((s) => [s.name, s.role, s.isFavourite])).toEqual([
        ['Mine', 'admin', false],
        ['Public', 'visitor', false],
        ['Joined', 'member', false],
      ]);
      expect(first[0]).toEqual({ id: String(mine.id), name: 'Mine', isGuest: false, isPrivate: false, isFavourite: false, role: 'admin', coverType: 'PRESET', coverKey: 'GREEN' });

      expect((await favourite(d, alice, joined.id, true)).statusCode).toBe(200);
      expect((await favourite(d, alice, joined.id, true)).statusCode).toBe(200);
      expect((await favourite(d, alice, pub.id, true)).statusCode).toBe(200);
      expect((await list(d, alice)).map((s) => [s.name, s.isFavourite])).toEqual([
        ['Public', true],
        ['Joined', true],
        ['Mine', false],
      ]);
      expect((await list(d, alice, '?offset=1&limit=1')).map((s) => s.name)).toEqual(['Joined']);
      expect((await favourite(d, alice, pub.id, false)).statusCode).toBe(200);
      expect((await list(d, alice)).map((s) => s.name)).toEqual(['Joined', 'Mine', 'Public']);
      expect((await list(d, d.member)).map((s) => [s.name, s.role])).toEqual([['Mine', 'visitor'], ['Public', 'admin'], ['Private', 'admin'], ['Joined', 'admin']]);
      expect((await list(d, d.admin)).map((s) => s.name)).toEqual(['Mine', 'Public', 'Private', 'Joined', 'Guests']);
    });

    it('shows a guest its guest spaces only, and lets it mark them', async () => {
      const d = await newDomain(w.h);
      const g = await addSpace(d, d.admin, { name: 'G', isGuest: true });
      const other = await addSpace(d, d.admin, { name: 'Other', isGuest: true });
      const pub = await addSpace(d, d.member, { name: 'Public' });
      const guest = await addGuest(d, 'g@example.com');
      await setSpaceGuests(d, g.id, [guest]);
      expect(await list(d, guest)).toEqual([{ id: String(g.id), name: 'G', isGuest: true, isPrivate: true, isFavourite: false, role: 'guest', coverType: 'PRESET', coverKey: 'GREEN' }]);
      expect((await favourite(d, guest, g.id, true)).statusCode).toBe(200);
      expect((await list(d, guest))[0]!.isFavourite).toBe(true);
      expect(code(await favourite(d, guest, other.id, true))).toEqual([403, 'CB_NO02']);
      expect(code(await favourite(d, guest, pub.id, true))).toEqual([403, 'CB_NO02']);
    });

    it('answers a space the user cannot see like a missing one', async () => {
      const d = await newDomain(w.h);
      const outsider = await d.addUser('outsider');
      const priv = await addSpace(d, d.member, { isPrivate: true });
      expect(code(await favourite(d, outsider, priv.id, true))).toEqual([404, 'GAIA_SP01']);
      expect(code(await favourite(d, outsider, 99999, true))).toEqual([404, 'GAIA_SP01']);
      expect(code(await d.request({ method: 'PUT', url: '/v1/spaces/favourite.json', as: outsider, payload: { id: priv.id } }))).toEqual([400, 'CB_VA01']);
    });
  });

  describe('PUT and GET /k/v1/space/cover.json', () => {
    const setCover = (d: TestDomain, as: Persona, payload: Record<string, unknown>, prefix = '/k/v1') =>
      d.request({ method: 'PUT', url: `${prefix}/space/cover.json`, as, payload });
    const space = async (d: TestDomain, as: Persona, id: number, prefix = '/k/v1') =>
      (await d.request({ method: 'GET', url: `${prefix}/space.json?id=${id}`, as })).json();

    it('sets a preset, or an uploaded picture served to readers of the space', async () => {
      const d = await newDomain(w.h);
      const outsider = await d.addUser('outsider');
      const s = await addSpace(d, d.member, { isPrivate: true, members: [await d.addUser('alice')] });
      expect((await setCover(d, d.member, { id: s.id, coverType: 'PRESET', coverKey: 'BLUE' })).statusCode).toBe(200);
      expect(await space(d, d.member, s.id)).toMatchObject({ coverType: 'PRESET', coverKey: 'BLUE', coverUrl: '/static/space-covers/blue.png' });
      expect(code(await d.request({ method: 'GET', url: `/k/v1/space/cover.json?id=${s.id}`, as: d.member }))).toEqual([404, 'GAIA_BL01']);

      const png = pngBytes(2048);
      const first = (await upload(d, d.member, { name: 'cover.png', type: 'image/png', data: png })).json().fileKey;
      const res = await setCover(d, d.member, { id: s.id, coverType: 'BLOB', fileKey: first });
      expect(res.statusCode, res.body).toBe(200);
      const shown = await space(d, d.member, s.id);
      expect(shown.coverType).toBe('BLOB');
      expect(shown.coverKey).not.toBe(first);
      expect(shown.coverUrl).toBe(`/k/v1/space/cover.json?id=${s.id}`);
      const download = await d.request({ method: 'GET', url: shown.coverUrl, as: d.member });
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('image/png');
      expect(download.rawPayload.equals(png)).toBe(true);
      expect(code(await d.request({ method: 'GET', url: shown.coverUrl, as: outsider }))).toEqual([404, 'GAIA_SP01']);
      // The cover's key does not open it through file.json: it belongs to no record.
      expect((await d.request({ method: 'GET', url: `/k/v1/file.json?fileKey=${shown.coverKey}`, as: d.member })).statusCode).toBe(404);

      const second = (await upload(d, d.member, { name: 'next.png', type: 'image/png', data: pngBytes(100) })).json().fileKey;
      expect((await setCover(d, d.member, { id: s.id, coverType: 'BLOB', fileKey: second })).statusCode).toBe(200);
      expect(await fileRows(w.h, d.id)).toHaveLength(1);
      expect((await setCover(d, d.member, { id: s.id, coverType: 'PRESET', coverKey: 'RED' })).statusCode).toBe(200);
      expect(await fileRows(w.h, d.id)).toEqual([]);
      expect(await filesOnDisk(w.filesDir)).toEqual([]);
    });

    it('refuses non-images, other people’s uploads, missing keys and non-administrators', async () => {
      const d = await newDomain(w.h);
      const alice = await d.addUser('alice');
      const s = await addSpace(d, d.member, { members: [alice] });
      const text = (await upload(d, d.member, { name: 'a.txt', type: 'text/plain', data: 'hello' })).json().fileKey;
      const notImage = await setCover(d, d.member, { id: s.id, coverType: 'BLOB', fileKey: text });
      expect(notImage.statusCode).toBe(400);
      expect(Object.keys(notImage.json().errors)).toEqual(['fileKey']);
      const theirs = (await upload(d, d.admin, { name: 'c.png', type: 'image/png', data: pngBytes(64) })).json().fileKey;
      expect(code(await setCover(d, d.member, { id: s.id, coverType: 'BLOB', fileKey: theirs }))).toEqual([404, 'GAIA_BL01']);
      expect(code(await setCover(d, d.member, { id: s.id, coverType: 'BLOB' }))).toEqual([400, 'CB_VA01']);
      expect(code(await setCover(d, d.member, { id: s.id, coverType: 'PRESET' }))).toEqual([400, 'CB_VA01']);
      expect(code(await setCover(d, d.member, { id: s.id, coverType: 'PRESET', coverKey: '../../etc' }))).toEqual([400, 'CB_VA01']);
      const mine = (await upload(d, alice, { name: 'c.png', type: 'image/png', data: pngBytes(64) })).json().fileKey;
      expect(code(await setCover(d, alice, { id: s.id, coverType: 'BLOB', fileKey: mine }))).toEqual([403, 'CB_NO02']);
      expect((await space(d, d.member, s.id)).coverKey).toBe('GREEN');
    });

    it('serves a guest space’s cover under its path to its guests', async () => {
      const d = await newDomain(w.h);
      const g = await addSpace(d, d.admin, { isGuest: true });
      const guest = await addGuest(d, 'g@example.com');
      await setSpaceGuests(d, g.id, [guest]);
      const prefix = `/k/guest/${g.id}/v1`;
      const key = (await upload(d, d.admin, { name: 'c.png', type: 'image/png', data: pngBytes(64) })).json().fileKey;
      expect((await setCover(d, d.admin, { id: g.id, coverType: 'BLOB', fileKey: key }, prefix)).statusCode).toBe(200);
      const shown = await space(d, guest, g.id, prefix);
      expect(shown.coverUrl).toBe(`${prefix}/space/cover.json?id=${g.id}`);
      expect((await d.request({ method: 'GET', url: shown.coverUrl, as: guest })).statusCode).toBe(200);
      expect(code(await d.request({ method: 'GET', url: `/k/v1/space/cover.json?id=${g.id}`, as: guest }))).toEqual([400, 'GAIA_IL23']);
      expect(code(await setCover(d, guest, { id: g.id, coverType: 'PRESET', coverKey: 'RED' }, prefix))).toEqual([403, 'CB_NO02']);
    });
  });
});
