// A world for the view kinds beyond the list: an app with a stage to split by, dates to place
// records on a calendar, an amount to sum, and the unchosen fields, withheld record and files of
// public-views.ts's world (so `expectNothingHidden` holds them to the same rule).
import { expect } from 'vitest';
import type { ViewPlan } from '../../common/licences/view-plans.js';
import { type Harness, newDomain } from './app.js';
import { deployedApp } from './apps.js';
import { upload } from './files.js';
import { type MadeView, type ViewWorld, VIEW_FIELDS, createView, publish, setViewPlan } from './public-views.js';

const option = (...labels: string[]) => Object.fromEntries(labels.map((l, i) => [l, { label: l, index: String(i) }]));

export const KIND_FIELDS = {
  ...VIEW_FIELDS,
  stage: { type: 'DROP_DOWN', code: 'stage', label: 'Stage', options: option('plan', 'build', 'done') },
  start_day: { type: 'DATE', code: 'start_day', label: 'Start day' },
  end_day: { type: 'DATE', code: 'end_day', label: 'End day' },
  meeting: { type: 'DATETIME', code: 'meeting', label: 'Meeting' },
  amount: { type: 'NUMBER', code: 'amount', label: 'Amount' },
};

export interface KindsWorld extends ViewWorld {
  delta: number;
}

/**
 * Alpha (plan, 2–4 March, 10, a photo), Beta (build, 10 March, 20), Delta (done, 20 April, 5) are
 * shown; Gamma (plan, 3 March, 1000, a photo) is withheld by the views' fixed filter.
 */
export async function kindsWorld(h: Harness, plan: ViewPlan | null = 'premium'): Promise<KindsWorld> {
  const d = await newDomain(h);
  await setViewPlan(d, plan);
  const manager = d.admin;
  const app = await deployedApp(d, KIND_FIELDS, { as: manager });
  const file = async (name: string) => {
    const res = await upload(d, manager, { name, type: 'image/png', data: `contents of ${name}` });
    expect(res.statusCode, res.body).toBe(200);
    return [{ fileKey: res.json().fileKey as string }];
  };
  const rec = async (title: string, n: number, o: { visibility: string; stage: string; start: string; end?: string; meeting?: string; amount: string; files?: boolean }) => ({
    title: { value: title },
    note: { value: `note of ${title}` },
    visibility: { value: o.visibility },
    stage: { value: o.stage },
    start_day: { value: o.start },
    ...(o.end ? { end_day: { value: o.end } } : {}),
    ...(o.meeting ? { meeting: { value: o.meeting } } : {}),
    amount: { value: o.amount },
    secret_code: { value: `SECRET-${title}` },
    amount_hidden: { value: String(31415926 * n) },
    ...(o.files ? { photo: { value: await file(`photo-${title}.png`) }, hidden_photo: { value: await file(`hidden-file-${title}.png`) } } : {}),
  });
  const add = await d.request({
    method: 'POST',
    url: '/k/v1/records.json',
    as: manager,
    payload: {
      app,
      records: [
        await rec('Alpha', 1, { visibility: 'shown', stage: 'plan', start: '2026-03-02', end: '2026-03-04', meeting: '2026-03-02T01:00:00Z', amount: '10', files: true }),
        await rec('Beta', 2, { visibility: 'shown', stage: 'build', start: '2026-03-10', meeting: '2026-03-31T16:00:00Z', amount: '20' }),
        await rec('Gamma', 3, { visibility: 'withheld', stage: 'plan', start: '2026-03-03', meeting: '2026-03-03T01:00:00Z', amount: '1000', files: true }),
        await rec('Delta', 4, { visibility: 'shown', stage: 'done', start: '2026-04-20', amount: '5' }),
      ],
    },
  });
  expect(add.statusCode, add.body).toBe(200);
  const [a, b, g, dl] = (add.json().ids as string[]).map(Number);
  const fileKeys: string[] = [];
  for (const id of [a, g]) {
    const got = await d.request({ method: 'GET', url: `/k/v1/record.json?app=${app}&id=${id}`, as: d.admin });
    for (const code of ['photo', 'hidden_photo']) for (const f of got.json().record[code].value) fileKeys.push(f.fileKey);
  }
  return { d, app, manager, ids: { Alpha: a!, Beta: b!, Gamma: g! }, delta: dl!, fileKeys };
}

export const SHOWN = 'visibility in ("shown")';

export const KIND_SETTINGS = {
  card: { fields: ['note'], card: { title: 'title', image: 'photo' }, filter: SHOWN, sort: [{ field: 'title', order: 'asc' }] },
  calendar: { calendar: { title: 'title', start: 'start_day', end: 'end_day' }, filter: SHOWN },
  graph: { graph: { chartType: 'BAR', group: { field: 'stage' }, aggregation: { type: 'SUM', field: 'amount' } }, filter: SHOWN },
  segment: { fields: ['title', 'note'], segment: { field: 'stage' }, filter: SHOWN, sort: [{ field: 'title', order: 'asc' }] },
} as const;

/** A published view of `kind` with `settings` (the kind's defaults above when absent). */
export async function publishedKind(w: ViewWorld, kind: keyof typeof KIND_SETTINGS | 'advancedGraph' | 'dashboard', settings?: unknown, extra: Record<string, unknown> = {}): Promise<MadeView> {
  const v = await createView(w, { kind, settings: settings ?? KIND_SETTINGS[kind as keyof typeof KIND_SETTINGS], ...extra });
  await publish(w, v.id);
  return v;
}
