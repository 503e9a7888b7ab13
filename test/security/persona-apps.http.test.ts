// The persona table, apps, records and files (issue 5 part 6; spec/security.md §2, features.md
// A3): the apps of guest space A (A1 and A2, kintone's default permissions: everyone may view,
// add, edit and delete records), of private space Q, public space P and of no space (O1), their
// records, comments and files, and their settings. Space membership is all that keeps anyone out
// of A1: a guest of A uses it like a member, and settings stay with the app's managers (its
// creator, the domain administrator) — not the space administrator, as in kintone.
import { multipart } from '../support/files.js';
import { type Act, type Who, json, personaTable } from '../support/persona-table.js';

const TABLE = `
                                      | admin         | spaceAdmin    | member        | outsider      | guestA        | guestB        | suspended   | anonymous
  list the apps of A                  | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  list apps on the plain path         | 200           | 200           | 200           | 200           | 403 CB_NO02   | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  read app A1                         | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  read app A1 on the plain path       | 400 GAIA_IL23 | 400 GAIA_IL23 | 400 GAIA_IL23 | 404 GAIA_AP01 | 400 GAIA_IL23 | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  read the form of A1                 | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  read the records of A1              | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  read a record of A1                 | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  add a record to A1                  | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  edit a record of A1                 | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  delete a record of A1               | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  comment on a record of A1           | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  read the comments of a record of A1 | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  download a record's file in A1      | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  upload a file in A                  | 200           | 200           | 200           | 403 CB_NO02   | 200           | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  create an app in A                  | 200           | 200           | 200           | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  change the settings of A1           | 200           | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  deploy A1                           | 200           | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  read the permissions of A1          | 200           | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  change the record permissions of A1 | 200           | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  read the records of Q1              | 200           | 200           | 200           | 404 GAIA_AP01 | 403 CB_NO02   | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  download a record's file in Q1      | 200           | 200           | 200           | 404 GAIA_BL01 | 404 GAIA_BL01 | 404 GAIA_BL01 | 401 CB_WA01 | 401 CB_AU01
  read the records of P1              | 200           | 200           | 200           | 200           | 403 CB_NO02   | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
  download a record's file in P1      | 200           | 200           | 200           | 200           | 404 GAIA_BL01 | 404 GAIA_BL01 | 401 CB_WA01 | 401 CB_AU01
  read the records of O1              | 200           | 200           | 200           | 200           | 403 CB_NO02   | 403 CB_NO02   | 401 CB_WA01 | 401 CB_AU01
`;

type W = Parameters<Act>[0];
type AppName = keyof W['apps'];
/** The apps each persona may see on the plain path (guest-space apps listed with their spaceId). */
const PLAIN_APPS: Record<Who, AppName[]> = {
  admin: ['A1', 'A2', 'B1', 'O1', 'P1', 'Q1'],
  spaceAdmin: ['A1', 'A2', 'O1', 'P1', 'Q1'],
  member: ['A1', 'A2', 'O1', 'P1', 'Q1'],
  outsider: ['O1', 'P1'],
  guestA: [],
  guestB: [],
  suspended: [],
  anonymous: [],
};
const appNames = (w: W, res: { json(): any }) =>
  (json(res as never)?.apps ?? [])
    .map((a: { appId: string }) => Object.entries(w.apps).find(([, id]) => String(id) === a.appId)?.[0])
    .filter(Boolean)
    .sort()
    .join();
const titled = (w: W, app: number, title: string) =>
  w.asAdmin('GET', `${w.gA}/records.json?app=${app}&totalCount=true&query=${encodeURIComponent(`title = "${title}"`)}`);
/** A new record of A1, added by the administrator, and its id. */
const newRecord = async (w: W, title: string) => Number(json(await w.asAdmin('POST', `${w.gA}/record.json`, { app: w.apps.A1, record: { title: { value: title } } })).id);
const recordsOf = (app: AppName, k: (w: W) => string) => async (w: W, who: Who) => ({
  res: await w.call(who, 'GET', `${k(w)}/records.json?app=${w.apps[app]}`),
  shows: (r: { json(): any }) => (json(r as never).records as Array<{ title: { value: string } }>).some((rec) => rec.title.value === `${app} secret`),
});
const fileOf = (app: 'A1' | 'Q1' | 'P1', k: (w: W) => string) => async (w: W, who: Who) => ({
  res: await w.call(who, 'GET', `${k(w)}/file.json?fileKey=${w.files[app].fileKey}`),
  shows: (r: { body: string }) => r.body === w.files[app].data,
});
const plain = () => '/k/v1';
const inA = (w: W) => w.gA;

const ACTS: Record<string, Act> = {
  'list the apps of A': async (w, who) => ({
    res: await w.call(who, 'GET', `${w.gA}/apps.json`),
    shows: (r) => appNames(w, r) === 'A1,A2',
  }),
  'list apps on the plain path': async (w, who) => ({
    res: await w.call(who, 'GET', '/k/v1/apps.json'),
    shows: (r) => appNames(w, r) === PLAIN_APPS[who].join(),
  }),
  'read app A1': async (w, who) => ({
    res: await w.call(who, 'GET', `${w.gA}/app.json?id=${w.apps.A1}`),
    shows: (r) => json(r).name === 'A1' && json(r).spaceId === String(w.spaces.A),
  }),
  'read app A1 on the plain path': async (w, who) => ({ res: await w.call(who, 'GET', `/k/v1/app.json?id=${w.apps.A1}`) }),
  'read the form of A1': async (w, who) => ({
    res: await w.call(who, 'GET', `${w.gA}/app/form/fields.json?app=${w.apps.A1}`),
    shows: (r) => json(r).properties.title?.type === 'SINGLE_LINE_TEXT',
  }),
  'read the records of A1': recordsOf('A1', inA),
  'read a record of A1': async (w, who) => ({
    res: await w.call(who, 'GET', `${w.gA}/record.json?app=${w.apps.A1}&id=${w.record}`),
    shows: (r) => json(r).record.title.value === 'A1 secret',
  }),
  'add a record to A1': async (w, who) => {
    const title = `added by ${who}`;
    return {
      res: await w.call(who, 'POST', `${w.gA}/record.json`, { app: w.apps.A1, record: { title: { value: title } } }),
      took: async () => json(await titled(w, w.apps.A1, title)).totalCount === '1',
    };
  },
  'edit a record of A1': async (w, who) => {
    const id = await newRecord(w, `for ${who} to edit`);
    const title = `edited by ${who}`;
    return {
      res: await w.call(who, 'PUT', `${w.gA}/record.json`, { app: w.apps.A1, id, record: { title: { value: title } } }),
      took: async () => json(await w.asAdmin('GET', `${w.gA}/record.json?app=${w.apps.A1}&id=${id}`)).record.title.value === title,
    };
  },
  'delete a record of A1': async (w, who) => {
    const id = await newRecord(w, `for ${who} to delete`);
    return {
      res: await w.call(who, 'DELETE', `${w.gA}/records.json?app=${w.apps.A1}&ids[0]=${id}`),
      took: async () => (await w.asAdmin('GET', `${w.gA}/record.json?app=${w.apps.A1}&id=${id}`)).statusCode === 404,
    };
  },
  'comment on a record of A1': async (w, who) => {
    const text = `${who} comments on A1`;
    return {
      res: await w.call(who, 'POST', `${w.gA}/record/comment.json`, { app: w.apps.A1, record: w.record, comment: { text } }),
      took: async () => JSON.stringify(json(await w.asAdmin('GET', `${w.gA}/record/comments.json?app=${w.apps.A1}&record=${w.record}`))).includes(text),
    };
  },
  'read the comments of a record of A1': async (w, who) => ({
    res: await w.call(who, 'GET', `${w.gA}/record/comments.json?app=${w.apps.A1}&record=${w.record}`),
    shows: (r) => JSON.stringify(json(r).comments).includes('admin comments on A1'),
  }),
  "download a record's file in A1": fileOf('A1', inA),
  'upload a file in A': async (w, who) => {
    const body = multipart([{ name: 'file', filename: `${who}.txt`, type: 'text/plain', data: `uploaded by ${who}` }]);
    const as = w.persona(who);
    return {
      res: await w.d.request({ method: 'POST', url: `${w.gA}/file.json`, ...(as ? { as } : {}), payload: body.payload, headers: body.headers }),
      shows: (r) => typeof json(r).fileKey === 'string' && json(r).fileKey.length > 0,
    };
  },
  'create an app in A': async (w, who) => {
    const res = await w.call(who, 'POST', `${w.gA}/preview/app.json`, { name: `${who}'s app`, space: w.spaces.A });
    return {
      res,
      took: async () => res.statusCode === 200 && json(await w.asAdmin('GET', `${w.gA}/preview/app/settings.json?app=${json(res).app}`))?.name === `${who}'s app`,
    };
  },
  'change the settings of A1': async (w, who) => {
    const description = `described by ${who}`;
    return {
      res: await w.call(who, 'PUT', `${w.gA}/preview/app/settings.json`, { app: w.apps.A1, description }),
      took: async () => json(await w.asAdmin('GET', `${w.gA}/preview/app/settings.json?app=${w.apps.A1}`)).description === description,
    };
  },
  'deploy A1': async (w, who) => {
    const description = `waiting for ${who} to deploy`;
    await w.asAdmin('PUT', `${w.gA}/preview/app/settings.json`, { app: w.apps.A1, description });
    return {
      res: await w.call(who, 'POST', `${w.gA}/preview/app/deploy.json`, { apps: [{ app: w.apps.A1 }] }),
      took: async () => json(await w.asAdmin('GET', `${w.gA}/app/settings.json?app=${w.apps.A1}`)).description === description,
    };
  },
  'read the permissions of A1': async (w, who) => ({
    res: await w.call(who, 'GET', `${w.gA}/app/acl.json?app=${w.apps.A1}`),
    shows: (r) => (json(r).rights as Array<{ entity: { type: string } }>).some((x) => x.entity.type === 'CREATOR'),
  }),
  'change the record permissions of A1': async (w, who) => {
    // A condition no record meets: it changes who may see nothing.
    const filterCond = `title = "nothing of ${who}"`;
    const everyone = { entity: { type: 'GROUP', code: 'everyone' }, viewable: true, editable: true, deletable: true };
    return {
      res: await w.call(who, 'PUT', `${w.gA}/record/acl.json`, { app: w.apps.A1, rights: [{ filterCond, entities: [everyone] }] }),
      took: async () => JSON.stringify(json(await w.asAdmin('GET', `${w.gA}/record/acl.json?app=${w.apps.A1}`))).includes(`nothing of ${who}`),
    };
  },
  'read the records of Q1': recordsOf('Q1', plain),
  "download a record's file in Q1": fileOf('Q1', plain),
  'read the records of P1': recordsOf('P1', plain),
  "download a record's file in P1": fileOf('P1', plain),
  'read the records of O1': recordsOf('O1', plain),
};

personaTable('persona × app, record and file action', TABLE, ACTS);
