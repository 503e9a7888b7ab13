// A view that answers "busy" (its requests per minute) tells the domain's administrators by e-mail,
// in each one's language, at most once per view and day — however many busy answers, whichever
// process gives them; the visitor's answer is the same busy answer as before.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { publishedView, viewWorld, visitor } from '../../../test/support/public-views.js';
import { forgetBusyNotices, noteBusyView } from '../../domain/public-views/busy-notice.js';
import { renderMail } from '../../mail/templates/index.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database(), { PUBLIC_VIEW_REQUESTS_PER_MINUTE: '3' });
  });
  afterAll(async () => h.close());
  beforeEach(() => forgetBusyNotices());

  const busyMail = async (domainId: string) =>
    h.services.db.selectFrom('mailOutbox').select(['recipient', 'locale', 'params']).where('domainId', '=', domainId).where('template', '=', 'public-view-busy').orderBy('recipient').execute();
  // The notice is queued beside the answer, not before it.
  const settle = async () => new Promise((r) => setTimeout(r, 200));

  describe('the busy e-mail', () => {
    it('goes to every administrator once a day per view, in their language', async () => {
      const w = await viewWorld(h);
      const other = await w.d.addUser('admin2', { isAdmin: true });
      await h.services.db.updateTable('users').set({ locale: 'en', email: 'admin2@example.com' }).where('domainId', '=', w.d.id).where('id', '=', other.id).execute();
      await h.services.db.updateTable('users').set({ locale: 'ja', email: 'admin@example.com' }).where('domainId', '=', w.d.id).where('id', '=', w.d.admin.id).execute();
      const v = await publishedView(w);
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push((await visitor(w.d, `${v.path}/data.json`)).statusCode);
      expect(answers).toEqual([200, 200, 200, 429, 429, 429]);
      await settle();
      const sent = await busyMail(w.d.id);
      expect(sent.map((m) => [m.recipient, m.locale])).toEqual([
        ['admin2@example.com', 'en'],
        ['admin@example.com', 'ja'],
      ]);
      const ja = renderMail('public-view-busy', typeof sent[1]!.params === 'string' ? JSON.parse(sent[1]!.params) : sent[1]!.params, 'ja');
      expect(ja.subject).toBe('公開ビュー「Our houses」が混雑しています');
      expect(ja.text).toContain(`/app/${w.app}/settings/public-views/${v.id}`);
      expect(ja.text).not.toContain(v.token);
      // Another process, the same day: nothing more.
      forgetBusyNotices();
      h.clock.advance(61_000);
      for (let i = 0; i < 5; i++) await visitor(w.d, `${v.path}/data.json`);
      await settle();
      expect(await busyMail(w.d.id)).toHaveLength(2);
      // The next day: once more.
      h.clock.advance(24 * 3_600_000);
      for (let i = 0; i < 5; i++) await visitor(w.d, `${v.path}/data.json`);
      await settle();
      expect(await busyMail(w.d.id)).toHaveLength(4);
    });

    it('is claimed once when several processes note the same view at once', async () => {
      const w = await viewWorld(h);
      const v = await publishedView(w);
      const view = { domainId: w.d.id, id: v.id, appId: w.app, title: 'Our houses' };
      const told = await Promise.all([noteBusyView(h.services, view), (forgetBusyNotices(), noteBusyView(h.services, view))]);
      expect(told.filter(Boolean)).toHaveLength(1);
    });
  });
});
