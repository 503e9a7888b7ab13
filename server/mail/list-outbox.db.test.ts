import { expect, it } from 'vitest';
import { eachDatabase } from '../../test/support/db.js';
import { readContext } from '../domain/context.js';
import { scope } from '../policy/scope.js';
import { getOutboxMessage, listOutbox } from './list-outbox.js';
import { enqueueMail } from './queue.js';
import { type MailWorld, capturingLogger, mailWorld } from '../../test/support/mail-world.js';
import { createTransport } from './transport.js';
import { MailWorker } from './worker.js';

const request = { ip: null, userAgent: null, requestId: null };

function asAdmin(world: MailWorld, isAdmin = true) {
  const actor = world.user(isAdmin);
  return { ctx: readContext(world.services, { actor, locale: 'ja', request }), scope: scope(actor, 'outbox') };
}

eachDatabase((database) => {
  it('without SMTP_URL keeps sent mail in the outbox, readable by the administrator, and logs it', async () => {
    const world = await mailWorld(database());
    const { logger, lines } = capturingLogger();
    const transport = createTransport(world.services.config, logger);
    expect(transport.kind).toBe('outbox');
    const url = 'https://engawa.example.jp/setup/abc';
    const queued = await world.inTx((ctx) =>
      enqueueMail(ctx, { to: 'first-admin@example.jp', locale: 'ja', template: 'setup-link', params: { url, domainName: 'さくら' } }),
    );

    expect(await new MailWorker(world.services, transport, logger).runOnce()).toBe(1);

    const { ctx, scope: outbox } = asAdmin(world);
    const message = await getOutboxMessage(ctx, outbox, queued.id);
    expect(message).toMatchObject({
      id: queued.id,
      to: 'first-admin@example.jp',
      subject: 'Engawa の初期設定',
      status: 'sent',
      attempts: 1,
      template: 'setup-link',
      locale: 'ja',
      messageId: queued.messageId,
      sentAt: world.clock.now().toISOString(),
      lastError: null,
    });
    expect(message?.text).toContain(url);
    expect(message?.text).not.toMatch(/<\/?p\b/);
    expect(message?.html).toContain(`href="${url}"`);

    const logged = lines.find((l) => (l.mail as { to?: string } | undefined)?.to === 'first-admin@example.jp');
    expect(logged).toMatchObject({ level: 30, mail: { subject: 'Engawa の初期設定', messageId: queued.messageId } });
    expect((logged?.mail as { text: string }).text).toContain(url);
  });

  it('lists only its own domain’s mail, newest first, with paging, a status filter and a total', async () => {
    const mine = await mailWorld(database());
    const theirs = await mailWorld(database());
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const q = await mine.inTx((ctx) =>
        enqueueMail(ctx, { to: `m${n}@example.jp`, locale: 'en', template: 'test-message', params: { text: String(n) } }),
      );
      ids.push(q.id);
      mine.clock.advance(60_000);
    }
    const foreign = await theirs.inTx((ctx) =>
      enqueueMail(ctx, { to: 'secret@example.jp', locale: 'ja', template: 'test-message', params: { text: 'x' } }),
    );
    // Only the oldest one goes out; the others stay queued.
    await database().db.updateTable('mailOutbox').set({ status: 'sent' }).where('id', '=', ids[0]!).execute();

    const { ctx, scope: outbox } = asAdmin(mine);
    const all = await listOutbox(ctx, outbox, { offset: 0, limit: 10 });
    expect(all.totalCount).toBe(3);
    expect(all.messages.map((m) => m.to)).toEqual(['m3@example.jp', 'm2@example.jp', 'm1@example.jp']);
    expect(all.messages[0]).toEqual({
      id: ids[2],
      to: 'm3@example.jp',
      subject: null,
      status: 'queued',
      attempts: 0,
      createdAt: new Date(mine.clock.now().getTime() - 60_000).toISOString(),
      sentAt: null,
      template: 'test-message',
      lastError: null,
    });

    const page = await listOutbox(ctx, outbox, { offset: 1, limit: 1 });
    expect(page).toEqual({ messages: [expect.objectContaining({ id: ids[1] })], totalCount: 3 });

    const queued = await listOutbox(ctx, outbox, { offset: 0, limit: 10, status: 'queued' });
    expect(queued.totalCount).toBe(2);
    expect(queued.messages.map((m) => m.id)).toEqual([ids[2], ids[1]]);

    expect(all.messages.map((m) => m.to)).not.toContain('secret@example.jp');
    expect(await getOutboxMessage(ctx, outbox, foreign.id)).toBeNull();
    expect(await getOutboxMessage(ctx, outbox, 'mail_doesnotexist000000')).toBeNull();
  });

  it('shows nothing to someone whose scope does not cover the outbox', async () => {
    const world = await mailWorld(database());
    const q = await world.inTx((ctx) =>
      enqueueMail(ctx, { to: 'a@example.jp', locale: 'ja', template: 'test-message', params: { text: 'x' } }),
    );
    const { ctx, scope: outbox } = asAdmin(world, false);
    expect(outbox.all).toBe(false);
    expect(await listOutbox(ctx, outbox, { offset: 0, limit: 10 })).toEqual({ messages: [], totalCount: 0 });
    expect(await getOutboxMessage(ctx, outbox, q.id)).toBeNull();
  });
});
