// What a hostile guest tries, part 1 (issue 5 part 6; spec/security.md §3.2): the ids of other
// spaces' spaces, threads, comments, apps, records and files in every endpoint, under its own
// guest prefix, under another's and on the plain path, in bulk requests and in related-records
// and lookup settings. Each refusal must reveal nothing, not even existence: its whole body (but
// the per-error `id`, and the asked-for id where a message quotes it) equals the answer for an id
// that does not exist. G1–G5, G7, G16, S1 and S4 proper are in guest-spaces.http.test.ts; people
// are in guest-probes-people, spaces and roles in guest-probes-spaces.
import { beforeAll, describe, expect, it } from 'vitest';
import { answer, json } from '../support/persona-table.js';
import { MISSING, type Method, NO_FILE, type ProbeWorld, eachProbeWorld } from '../support/probe-world.js';

eachProbeWorld((world) => {
  let w: ProbeWorld;
  beforeAll(() => {
    w = world();
  });
  const as: ProbeWorld['as'] = (...args) => w.as(...args);
  const sameAsMissing: ProbeWorld['sameAsMissing'] = (...args) => w.sameAsMissing(...args);

  describe('ids of other spaces’ objects', () => {
    it('answers B’s, Q’s and P’s spaces, threads and comments under A’s prefix like ones that do not exist (G2)', async () => {
      const { gA } = w;
      const { A, B, P, Q } = w.spaces;
      const spaces = [B, P, Q];
      const threads = [w.threads.B, w.threads.P, w.threads.Q];
      for (const guest of [w.guestA, w.guestAB]) {
        await sameAsMissing(guest, spaces, (id) => ['GET', `${gA}/space.json?id=${id}`]);
        await sameAsMissing(guest, spaces, (id) => ['GET', `${gA}/space/members.json?id=${id}`]);
        await sameAsMissing(guest, spaces, (id) => ['GET', `${gA}/space/threads.json?space=${id}`]);
        await sameAsMissing(guest, spaces, (id) => ['GET', `${gA}/space/links.json?id=${id}`]);
        await sameAsMissing(guest, spaces, (id) => ['GET', `${gA}/space/search.json?id=${id}&keyword=secret`]);
        await sameAsMissing(guest, spaces, (id) => ['POST', `${gA}/space/thread.json`, { space: id, name: 'hostile' }]);
        await sameAsMissing(guest, threads, (id) => ['GET', `${gA}/space/thread.json?id=${id}`]);
        await sameAsMissing(guest, threads, (id) => ['PUT', `${gA}/space/thread.json`, { id, body: 'defaced' }]);
        await sameAsMissing(guest, threads, (id) => ['DELETE', `${gA}/space/thread.json?id=${id}`]);
        await sameAsMissing(guest, threads, (id) => ['PUT', `${gA}/space/thread/follow.json`, { id, follow: true }]);
        // A's own space with a thread of another space, and another space with its own thread.
        await sameAsMissing(guest, threads, (id) => ['GET', `${gA}/space/thread/comments.json?space=${A}&thread=${id}`]);
        await sameAsMissing(guest, threads, (id) => ['POST', `${gA}/space/thread/comment.json`, { space: A, thread: id, comment: { text: 'hostile' } }]);
        await sameAsMissing(guest, [B], (id) => ['GET', `${gA}/space/thread/comments.json?space=${id}&thread=${w.threads.B}`]);
        // A comment of B or Q named on A's own thread.
        await sameAsMissing(guest, [w.bComment, w.qComment], (id) => ['PUT', `${gA}/space/thread/comment/like.json`, { space: A, thread: w.threads.A, comment: id, like: true }]);
        await sameAsMissing(guest, [w.bComment, w.qComment], (id) => ['DELETE', `${gA}/space/thread/comment.json?space=${A}&thread=${w.threads.A}&comment=${id}`]);
        await sameAsMissing(guest, [w.bComment, w.qComment], (id) => ['POST', `${gA}/space/thread/comment.json`, { space: A, thread: w.threads.A, parent: id, comment: { text: 'reply' } }]);
      }
      // Nothing of B or Q moved.
      const bThread = json(await w.asAdmin('GET', `${w.gB}/space/thread.json?id=${w.threads.B}`));
      expect([bThread.body, bThread.commentCount]).toEqual([null, '1']);
      const likes = json(await w.asAdmin('GET', `${w.gB}/space/thread/comments.json?space=${B}&thread=${w.threads.B}`)).comments[0].likeCount;
      expect(likes).toBe('0');
      expect(json(await w.asAdmin('GET', `/k/v1/space/thread/comments.json?space=${Q}&thread=${w.threads.Q}`)).comments).toHaveLength(1);
    });

    it('answers other spaces’ apps, records and files under A’s prefix like ones that do not exist (G1, G2)', async () => {
      const { gA } = w;
      const apps = [w.apps.B1, w.apps.P1, w.apps.Q1, w.apps.O1];
      for (const guest of [w.guestA, w.guestAB]) {
        for (const probe of [
          (id: string | number) => ['GET', `${gA}/app.json?id=${id}`],
          (id: string | number) => ['GET', `${gA}/app/form/fields.json?app=${id}`],
          (id: string | number) => ['GET', `${gA}/app/form/layout.json?app=${id}`],
          (id: string | number) => ['GET', `${gA}/app/views.json?app=${id}`],
          (id: string | number) => ['GET', `${gA}/app/settings.json?app=${id}`],
          (id: string | number) => ['GET', `${gA}/app/status.json?app=${id}`],
          (id: string | number) => ['GET', `${gA}/app/acl.json?app=${id}`],
          (id: string | number) => ['GET', `${gA}/record.json?app=${id}&id=1`],
          (id: string | number) => ['GET', `${gA}/records.json?app=${id}&query=${encodeURIComponent('title like "secret"')}`],
          (id: string | number) => ['POST', `${gA}/record.json`, { app: id, record: { title: { value: 'planted' } } }],
          (id: string | number) => ['PUT', `${gA}/record.json`, { app: id, id: 1, record: { title: { value: 'defaced' } } }],
          (id: string | number) => ['PUT', `${gA}/records.json`, { app: id, upsert: true, records: [{ updateKey: { field: 'title', value: 'B1 secret' }, record: {} }] }],
          (id: string | number) => ['DELETE', `${gA}/records.json?app=${id}&ids[0]=1`],
          (id: string | number) => ['GET', `${gA}/record/comments.json?app=${id}&record=1`],
          (id: string | number) => ['POST', `${gA}/record/comment.json`, { app: id, record: 1, comment: { text: 'hostile' } }],
          (id: string | number) => ['GET', `${gA}/record/history.json?app=${id}&id=1`],
          (id: string | number) => ['GET', `${gA}/records/acl/evaluate.json?app=${id}&ids[0]=1`],
          (id: string | number) => ['POST', `${gA}/records/cursor.json`, { app: id }],
        ] as Array<(id: string | number) => [Method, string, unknown?]>) {
          await sameAsMissing(guest, apps, probe);
        }
        const files = [w.files.B1, w.files.Q1, w.files.P1, w.files.threadB, w.files.threadQ].map((f) => f.fileKey);
        await sameAsMissing(guest, files, (key) => ['GET', `${gA}/file.json?fileKey=${key}`], NO_FILE);
        // Another space's file key is no upload to attach, in a record or a comment of A.
        await sameAsMissing(guest, files, (key) => ['POST', `${gA}/record.json`, { app: w.apps.A1, record: { doc: { value: [{ fileKey: key }] } } }], NO_FILE);
        await sameAsMissing(guest, files, (key) => ['POST', `${gA}/space/thread/comment.json`, { space: w.spaces.A, thread: w.threads.A, comment: { files: [{ fileKey: key }] } }], NO_FILE);
      }
      for (const app of ['B1', 'P1', 'Q1', 'O1'] as const) {
        const rec = json(await w.asAdmin('GET', `${w.prefix(app) ? `${w.prefix(app)}/v1` : '/k/v1'}/records.json?app=${w.apps[app]}`)).records;
        expect(rec.map((r: { title: { value: string } }) => r.title.value), app).toEqual([`${app} secret`]);
      }
    });

    it('answers A’s objects under B’s prefix, or under no space’s, like a space that does not exist (G1, G2)', async () => {
      const under = (space: number | string) => `/k/guest/${space}/v1`;
      // Each call on one of A's objects, and on a missing one of the same kind.
      const calls: Array<[(k: string, id: string | number) => [Method, string, unknown?], string | number, string | number]> = [
        [(k, id) => ['GET', `${k}/space.json?id=${id}`], w.spaces.A, MISSING],
        [(k, id) => ['GET', `${k}/space/members.json?id=${id}`], w.spaces.A, MISSING],
        [(k, id) => ['GET', `${k}/space/thread.json?id=${id}`], w.threads.A, MISSING],
        [(k, id) => ['PUT', `${k}/space/thread.json`, { id, body: 'defaced' }], w.otherThread, MISSING],
        [(k, id) => ['GET', `${k}/space/thread/comments.json?space=${w.spaces.A}&thread=${id}`], w.threads.A, MISSING],
        [(k, id) => ['POST', `${k}/space/thread/comment.json`, { space: w.spaces.A, thread: id, comment: { text: 'x' } }], w.threads.A, MISSING],
        [(k, id) => ['GET', `${k}/record.json?app=${id}&id=1`], w.apps.A1, MISSING],
        [(k, id) => ['GET', `${k}/apps.json?ids[0]=${id}`], w.apps.A1, MISSING],
        [(k, key) => ['GET', `${k}/file.json?fileKey=${key}`], w.files.A1.fileKey, NO_FILE],
        [(k, key) => ['GET', `${k}/file.json?fileKey=${key}`], w.files.threadA.fileKey, NO_FILE],
      ];
      for (const [call, real, missing] of calls) {
        // guestA is in no other guest space: everything under another prefix is CB_NO02.
        const none = answer(await as(w.guestA, ...call(under(MISSING), real)), MISSING);
        expect(none, call(under(MISSING), real)[1]).toMatchObject({ status: 403, code: 'CB_NO02' });
        for (const odd of [w.spaces.B, w.spaces.P, w.spaces.Q, `0${w.spaces.A}`, `${w.spaces.A}.0`, '-1', 'A']) {
          expect(answer(await as(w.guestA, ...call(under(odd), real)), odd), call(under(odd), real)[1]).toEqual(none);
          if (odd !== w.spaces.B) expect(answer(await as(w.guestAB, ...call(under(odd), real)), odd), call(under(odd), real)[1]).toEqual(none);
        }
        // guestAB is in B: there A's object is answered like a missing object of B — B's rights never reach A's.
        const inB = answer(await as(w.guestAB, ...call(under(w.spaces.B), missing)), missing);
        expect(answer(await as(w.guestAB, ...call(under(w.spaces.B), real)), real), call(under(w.spaces.B), real)[1]).toEqual(inB);
      }
      expect(json(await w.asAdmin('GET', `${w.gA}/space/thread.json?id=${w.otherThread}`)).body).toBeNull();
    });

    it('answers a guest on the plain path the same for other spaces’ objects as for missing ones', async () => {
      // B is guestAB's own (there the plain path says "use B's prefix", GAIA_IL23), not guestA's.
      for (const [guest, outside] of [
        [w.guestA, ['B', 'P', 'Q']],
        [w.guestAB, ['P', 'Q']],
      ] as const) {
        const spaces = outside.map((s) => w.spaces[s]);
        await sameAsMissing(guest, spaces, (id) => ['GET', `/k/v1/space.json?id=${id}`]);
        await sameAsMissing(guest, spaces, (id) => ['GET', `/k/v1/space/members.json?id=${id}`]);
        await sameAsMissing(guest, outside.map((s) => w.threads[s]), (id) => ['GET', `/k/v1/space/thread.json?id=${id}`]);
        await sameAsMissing(guest, spaces, (id) => ['POST', '/k/v1/space/thread/comment.json', { space: id, thread: w.threads.P, comment: { text: 'x' } }]);
        await sameAsMissing(guest, spaces, (id) => ['PUT', '/v1/spaces/favourite.json', { id, favourite: true }]);
        const files = [w.files.B1, w.files.Q1, w.files.P1, w.files.A1, w.files.threadA, w.files.threadQ].map((f) => f.fileKey);
        await sameAsMissing(guest, files, (key) => ['GET', `/k/v1/file.json?fileKey=${key}`], NO_FILE);
      }
    });
  });

  describe('bulk requests', () => {
    it('answers another space’s app in a sub-request like a missing one, and keeps nothing', async () => {
      const { gA } = w;
      const probe = 'bulk probe';
      const add = { method: 'POST', api: `${gA}/record.json`, payload: { app: w.apps.A1, record: { title: { value: probe } } } };
      const bulk = (second: object) => as(w.guestAB, 'POST', `${gA}/bulkRequest.json`, { requests: [add, second] });
      const subs: Array<(app: number) => object> = [
        (app) => ({ method: 'PUT', api: `${gA}/record.json`, payload: { app, id: 1, record: { title: { value: 'defaced' } } } }),
        (app) => ({ method: 'POST', api: `${gA}/records.json`, payload: { app, records: [{ title: { value: 'planted' } }] } }),
        (app) => ({ method: 'DELETE', api: `${gA}/records.json`, payload: { app, ids: [1] } }),
        (app) => ({ method: 'PUT', api: `${gA}/record/status.json`, payload: { app, id: 1, action: 'Send' } }),
      ];
      for (const sub of subs) {
        const missing = answer(await bulk(sub(MISSING)), MISSING);
        expect((missing as { status: number }).status).not.toBe(200);
        for (const app of [w.apps.B1, w.apps.P1, w.apps.Q1, w.apps.O1]) {
          expect(answer(await bulk(sub(app)), app), JSON.stringify(sub(app))).toEqual(missing);
        }
      }
      const count = json(await w.asAdmin('GET', `${gA}/records.json?app=${w.apps.A1}&totalCount=true&query=${encodeURIComponent(`title = "${probe}"`)}`)).totalCount;
      expect(count).toBe('0');
      expect(json(await w.asAdmin('GET', `${w.gB}/record.json?app=${w.apps.B1}&id=1`)).record.title.value).toBe('B1 secret');
    });

    it('refuses sub-requests to anything but records, before any runs (G6)', async () => {
      const { gA } = w;
      const add = { method: 'POST', api: `${gA}/record.json`, payload: { app: w.apps.A1, record: { title: { value: 'g6 probe' } } } };
      const subs = [
        { method: 'PUT', api: `${gA}/space/guests.json`, payload: { id: w.spaces.A, guests: [w.guestB.code] } },
        { method: 'GET', api: `${gA}/app/settings.json`, payload: { app: w.apps.A1 } },
        { method: 'PUT', api: `${gA}/preview/app/settings.json`, payload: { app: w.apps.A1, name: 'g6' } },
        { method: 'POST', api: `${gA}/preview/app/deploy.json`, payload: { apps: [{ app: w.apps.A1 }] } },
        { method: 'PUT', api: `${gA}/record/acl.json`, payload: { app: w.apps.A1, rights: [] } },
        { method: 'GET', api: `${gA}/file.json`, payload: { fileKey: w.files.A1.fileKey } },
        { method: 'POST', api: `${gA}/space/thread.json`, payload: { space: w.spaces.A, name: 'g6 thread' } },
        { method: 'PUT', api: `${gA}/space.json`, payload: { id: w.spaces.A, name: 'g6' } },
        { method: 'POST', api: `${gA}/bulkRequest.json`, payload: { requests: [add] } },
      ];
      for (const who of [w.guestA, w.persona('admin')!]) {
        for (const sub of subs) {
          const res = await as(who, 'POST', `${gA}/bulkRequest.json`, { requests: [add, sub] });
          expect([res.statusCode, json(res).code], sub.api).toEqual([400, 'CB_VA01']);
        }
      }
      const count = json(await w.asAdmin('GET', `${gA}/records.json?app=${w.apps.A1}&totalCount=true&query=${encodeURIComponent('title = "g6 probe"')}`)).totalCount;
      expect(count).toBe('0');
      const space = json(await w.asAdmin('GET', `${gA}/space.json?id=${w.spaces.A}`));
      expect(space.name).toBe('Guest space A');
      expect(JSON.stringify(json(await w.asAdmin('GET', `${gA}/space/threads.json?space=${w.spaces.A}&limit=100`)))).not.toContain('g6 thread');
      expect((await as(w.guestB, 'GET', `${gA}/space.json?id=${w.spaces.A}`)).statusCode).toBe(403);
    });
  });

  describe('related records and lookups (G7, G8)', () => {
    it('refuses a related-records field of a guest-space app to another space’s app exactly like one to a missing app', async () => {
      const { gA } = w;
      const related = (app: number | string) => ({
        rel: {
          type: 'REFERENCE_TABLE',
          code: 'rel',
          label: 'Related',
          referenceTable: { relatedApp: { app: String(app) }, condition: { field: 'title', relatedField: 'title' }, displayFields: ['title'], sort: '', size: '5' },
        },
      });
      const save = (app: number | string) => as(w.persona('admin')!, 'POST', `${gA}/preview/app/form/fields.json`, { app: w.apps.A2, properties: related(app) });
      const missing = answer(await save(MISSING), MISSING);
      expect(missing).toMatchObject({ status: 400, code: 'CB_VA01' });
      for (const app of [w.apps.B1, w.apps.P1, w.apps.Q1, w.apps.O1]) expect(answer(await save(app), app), String(app)).toEqual(missing);
      // Within the space it is allowed, and the guest sees A1's records through it.
      expect((await save(w.apps.A1)).statusCode).toBe(200);
      expect((await w.asAdmin('POST', `${gA}/preview/app/deploy.json`, { apps: [{ app: w.apps.A2 }] })).statusCode).toBe(200);
      const seen = json(await as(w.guestA, 'GET', `${gA}/app/form/fields.json?app=${w.apps.A2}`)).properties.rel.referenceTable.relatedApp.app;
      expect(seen).toBe(String(w.apps.A1));
      // …and a lookup from A2 into B1 is refused like one into a missing app.
      const lookup = (app: number) => ({
        ref: { type: 'SINGLE_LINE_TEXT', code: 'ref', label: 'Ref', lookup: { relatedApp: { app: String(app) }, relatedKeyField: 'title', fieldMappings: [], lookupPickerFields: [] } },
      });
      const saveLookup = (app: number) => as(w.persona('admin')!, 'POST', `${gA}/preview/app/form/fields.json`, { app: w.apps.A2, properties: lookup(app) });
      const noLookup = answer(await saveLookup(MISSING), MISSING);
      for (const app of [w.apps.B1, w.apps.Q1]) expect(answer(await saveLookup(app), app)).toEqual(noLookup);
    });
  });
});
