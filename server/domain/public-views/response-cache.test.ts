// The answer cache's rules, without a database: made once however many ask, renewed rather than
// made again when nothing changed, the previous answer standing in while the next is made, and
// the busy answer for a view making too many at once.
import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error.js';
import { type AnswerKey, DATA_TTL_MS, MAX_MAKING_PER_VIEW, STALE_GRACE_MS, cachedAnswer } from './response-cache.js';

let n = 0;
const keyFor = (params = 'list'): AnswerKey => ({
  domainId: 'd_test',
  viewId: `pv_${String(++n).padStart(20, '0')}`,
  configVersion: 1,
  appId: 1,
  liveRevision: 1,
  directoryVersion: 1,
  locale: 'en',
  params,
});
const at = (ms: number) => new Date(Date.UTC(2026, 10, 29) + ms);
const body = (s: string) => Buffer.from(JSON.stringify(s));

describe('the visitors’ answer cache', () => {
  it('makes an answer once for everyone asking at the same time', async () => {
    const k = keyFor();
    let made = 0;
    const make = async () => {
      made += 1;
      await new Promise((r) => setTimeout(r, 5));
      return body('page');
    };
    const answers = await Promise.all(Array.from({ length: 10 }, () => cachedAnswer(k, at(0), make)));
    expect(made).toBe(1);
    expect(new Set(answers.map((a) => a.toString()))).toEqual(new Set(['"page"']));
  });

  it('makes it again once stale, unless the stamp says nobody else wrote', async () => {
    const k = keyFor();
    let made = 0;
    const make = async () => body(`v${++made}`);
    let stamp = 7;
    const stamped = async () => stamp;
    expect((await cachedAnswer(k, at(0), make, stamped)).toString()).toBe('"v1"');
    expect((await cachedAnswer(k, at(DATA_TTL_MS), make, stamped)).toString()).toBe('"v1"');
    expect(made).toBe(1);
    stamp = 8;
    expect((await cachedAnswer(k, at(2 * DATA_TTL_MS), make, stamped)).toString()).toBe('"v2"');
    // Without a stamp (no bus, or PostgreSQL) freshness alone decides.
    expect((await cachedAnswer(k, at(3 * DATA_TTL_MS), make)).toString()).toBe('"v3"');
  });

  it('lets the previous answer stand in while the next is made, within the grace', async () => {
    const k = keyFor();
    await cachedAnswer(k, at(0), async () => body('old'));
    let release!: () => void;
    const next = cachedAnswer(k, at(DATA_TTL_MS), () => new Promise<Buffer>((r) => (release = () => r(body('new')))));
    expect((await cachedAnswer(k, at(DATA_TTL_MS + 1), async () => body('unused'))).toString()).toBe('"old"');
    // Past the grace, a visitor waits for the answer being made.
    const late = cachedAnswer(k, at(DATA_TTL_MS + STALE_GRACE_MS), async () => body('unused'));
    release();
    expect((await next).toString()).toBe('"new"');
    expect((await late).toString()).toBe('"new"');
  });

  it('answers CB_PV06 for misses beyond what one view may make at once', async () => {
    const k = keyFor();
    const releases: Array<() => void> = [];
    const slow = () => new Promise<Buffer>((r) => releases.push(() => r(body('slow'))));
    const making = Array.from({ length: MAX_MAKING_PER_VIEW }, (_, i) => cachedAnswer({ ...k, params: `q${i}` }, at(0), slow));
    const refused = await cachedAnswer({ ...k, params: 'one more' }, at(0), slow).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('CB_PV06');
    // They take turns (MAKING_AT_ONCE): each released one lets the next begin.
    const all = Promise.all(making);
    let done = false;
    void all.then(() => (done = true));
    while (!done) {
      releases.splice(0).forEach((r) => r());
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await all;
    // Once they are made, the view may make answers again.
    expect((await cachedAnswer({ ...k, params: 'one more' }, at(0), async () => body('fine'))).toString()).toBe('"fine"');
  });
});
