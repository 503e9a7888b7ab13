import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_DATABASE_URL, eachDatabase } from '../../test/support/db.js';
import { type TestSmtpServer, startSmtpServer } from '../../test/support/smtp.js';
import { type Storage, openDatabase } from '../storage/db.js';
import { fromDb } from '../storage/dialect.js';
import { enqueueMail } from './queue.js';
import { renderSetupLink } from './templates/setup-link.js';
import { type MailWorld, capturingLogger, mailWorld } from '../../test/support/mail-world.js';
import { type MailTransport, createTransport } from './transport.js';
import { MailWorker } from './worker.js';

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

function smtpWorker(world: MailWorld, db = world.services.db): MailWorker {
  const { logger } = capturingLogger();
  return new MailWorker({ ...world.services, db }, createTransport(world.services.config, logger), logger);
}

const outboxRow = (storage: Storage, id: string) =>
  storage.db.selectFrom('mailOutbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

eachDatabase((database, kind) => {
  it.each(['ja', 'en'] as const)('delivers a %s message over SMTP, as rendered, with its Message-ID', async (locale) => {
    const world = await mailWorld(database(), { SMTP_URL: smtp.url });
    const to = `${locale}.${world.domainId}@example.jp`;
    const params = { url: 'https://engawa.example.jp/setup#token=Qm9vdHN0cmFwLXRva2VuLXRoYXQtaXMtbG9uZy1lbm91Z2g', domainName: 'さくら商事' };
    const queued = await world.inTx((ctx) => enqueueMail(ctx, { to, locale, template: 'setup-link', params }));
    world.clock.advance(1_000);

    expect(await smtpWorker(world).runOnce()).toBe(1);

    const got = await smtp.waitFor((m) => m.envelope.to.includes(to));
    const expected = renderSetupLink(params, locale);
    expect(got.mail.subject).toBe(locale === 'ja' ? 'Engawa の初期設定' : 'Finish setting up Engawa');
    expect(got.mail.from?.value[0]?.address).toBe('engawa@example.test');
    expect(got.mail.from?.value[0]?.name).toBe('Engawa Test');
    expect(got.mail.messageId).toBe(queued.messageId);
    expect(got.mail.text?.trim()).toBe(expected.text.trim());
    expect(got.mail.text).toContain(params.url);
    expect(got.mail.html).toContain(`href="${params.url}"`);
    expect(got.mail.html).toContain(locale === 'ja' ? '初期設定を始める' : 'Finish setting up');

    // The copy administrators read in the outbox keeps everything but the secret.
    const row = await outboxRow(database(), queued.id);
    const kept = renderSetupLink({ ...params, url: 'https://engawa.example.jp/setup#token=••••••' }, locale);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lockedUntil: null, lastError: null });
    expect(row).toMatchObject({ subject: kept.subject, textBody: kept.text, htmlBody: kept.html });
    expect(JSON.stringify([row.textBody, row.htmlBody, row.params])).not.toContain('Qm9vdHN0cmFw');
    expect(fromDb.timeOrNull(row.sentAt)).toEqual(world.clock.now());
  });

  it('keeps the whole message in the embedded outbox, where the row is the only copy', async () => {
    const world = await mailWorld(database());
    const { logger } = capturingLogger();
    const worker = new MailWorker(world.services, createTransport(world.services.config, logger), logger);
    const params = { code: '482913', minutes: 10, domainName: 'さくら商事' };
    const queued = await world.inTx((ctx) => enqueueMail(ctx, { to: `code.${world.domainId}@example.jp`, locale: 'en', template: 'sign-in-code', params }));
    expect(await worker.runOnce()).toBe(1);
    const row = await outboxRow(database(), queued.id);
    expect(row.subject).toBe('Your sign-in code: 482913');
    expect(row.textBody).toContain('482913');
  });

  it('masks one-time codes in the copy of a message sent by SMTP', async () => {
    const world = await mailWorld(database(), { SMTP_URL: smtp.url });
    const to = `code.${world.domainId}@example.jp`;
    const params = { code: '482913', minutes: 10, domainName: 'さくら商事' };
    const queued = await world.inTx((ctx) => enqueueMail(ctx, { to, locale: 'ja', template: 'sign-in-code', params }));
    await smtpWorker(world).runOnce();
    const got = await smtp.waitFor((m) => m.envelope.to.includes(to));
    expect(got.mail.subject).toBe('ログイン用の確認コード: 482913');
    const row = await outboxRow(database(), queued.id);
    expect(row.subject).toBe('ログイン用の確認コード: ••••••');
    expect(JSON.stringify([row.textBody, row.htmlBody, row.params])).not.toContain('482913');
  });

  it('escapes markup from params in the HTML part a recipient receives', async () => {
    const world = await mailWorld(database(), { SMTP_URL: smtp.url });
    const to = `xss.${world.domainId}@example.jp`;
    const text = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    await world.inTx((ctx) => enqueueMail(ctx, { to, locale: 'en', template: 'test-message', params: { text } }));
    await smtpWorker(world).runOnce();
    const got = await smtp.waitFor((m) => m.envelope.to.includes(to));
    expect(got.mail.html).not.toContain('<script');
    expect(got.mail.html).not.toContain('<img');
    expect(got.mail.html).toContain('&lt;script&gt;');
    expect(got.mail.text).toContain(text);
  });

  it('keeps mail queued while the relay is down and delivers it once when a retry succeeds', async () => {
    const down = await startSmtpServer();
    const port = down.port;
    await down.close();
    const world = await mailWorld(database(), { SMTP_URL: `smtp://engawa:s3cret-relay-pw@127.0.0.1:${port}` });
    const to = `retry.${world.domainId}@example.jp`;
    const queued = await world.inTx((ctx) =>
      enqueueMail(ctx, { to, locale: 'ja', template: 'test-message', params: { text: '再送テスト' } }),
    );
    const worker = smtpWorker(world);
    const failedAt = world.clock.now();

    expect(await worker.runOnce()).toBe(1);
    let row = await outboxRow(database(), queued.id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, lockedUntil: null, sentAt: null });
    expect(row.lastError).toMatch(/ECONNREFUSED/);
    expect(row.lastError).not.toContain('s3cret-relay-pw');
    expect(fromDb.time(row.nextAttemptAt)).toEqual(new Date(failedAt.getTime() + 30_000));

    const relay = await startSmtpServer({ port });
    try {
      world.clock.advance(29_000);
      expect(await worker.runOnce()).toBe(0); // still backing off
      world.clock.advance(2_000);
      expect(await worker.runOnce()).toBe(1);
      const got = await relay.waitFor((m) => m.envelope.to.includes(to));
      expect(got.mail.messageId).toBe(queued.messageId);

      world.clock.advance(24 * 3_600_000);
      expect(await worker.runOnce()).toBe(0);
      expect(relay.messages.filter((m) => m.envelope.to.includes(to))).toHaveLength(1);
      row = await outboxRow(database(), queued.id);
      expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    } finally {
      await relay.close();
    }
  });

  it('gives up after 8 attempts, backing off 30 s, 1 min, 2 min … in between', async () => {
    const down = await startSmtpServer();
    await down.close();
    const world = await mailWorld(database(), { SMTP_URL: down.url });
    const queued = await world.inTx((ctx) =>
      enqueueMail(ctx, { to: 'nobody@example.jp', locale: 'en', template: 'test-message', params: { text: 'x' } }),
    );
    const worker = smtpWorker(world);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      expect(await worker.runOnce()).toBe(1);
      const row = await outboxRow(database(), queued.id);
      expect(row.attempts).toBe(attempt);
      if (attempt < 8) {
        expect(row.status).toBe('queued');
        const wait = fromDb.time(row.nextAttemptAt).getTime() - world.clock.now().getTime();
        waits.push(wait);
        world.clock.advance(wait);
      }
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000]);
    const failed = await outboxRow(database(), queued.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 8, lockedUntil: null });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    world.clock.advance(7 * 24 * 3_600_000);
    expect(await worker.runOnce()).toBe(0);
  });

  it('fails at once, without retrying, a message whose template no longer exists', async () => {
    const world = await mailWorld(database(), { SMTP_URL: smtp.url });
    const queued = await world.inTx((ctx) =>
      enqueueMail(ctx, { to: `gone.${world.domainId}@example.jp`, locale: 'ja', template: 'test-message', params: { text: 'x' } }),
    );
    await database().db.updateTable('mailOutbox').set({ template: 'retired-template' }).where('id', '=', queued.id).execute();
    expect(await smtpWorker(world).runOnce()).toBe(1);
    const row = await outboxRow(database(), queued.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.lastError).toContain('unknown mail template "retired-template"');
    expect(smtp.messages.filter((m) => m.envelope.to.includes(`gone.${world.domainId}@example.jp`))).toEqual([]);
  });

  it('has two workers running at once deliver every message exactly once', async () => {
    const world = await mailWorld(database(), { SMTP_URL: smtp.url });
    const recipients = Array.from({ length: 12 }, (_, i) => `pair${i}.${world.domainId}@example.jp`);
    await world.inTx(async (ctx) => {
      for (const to of recipients) await enqueueMail(ctx, { to, locale: 'ja', template: 'test-message', params: { text: to } });
    });
    // On PostgreSQL the second worker gets its own pool, like a second server instance.
    const second: Storage | null =
      kind === 'postgres'
        ? openDatabase({ kind: 'postgres', url: TEST_DATABASE_URL!, schema: database().schema })
        : null;
    try {
      const [a, b] = await Promise.all([smtpWorker(world).runOnce(), smtpWorker(world, second?.db).runOnce()]);
      expect(a + b).toBe(12);
    } finally {
      await second?.close();
    }
    await smtp.waitFor((m) => m.envelope.to.includes(recipients[11]!));
    for (const to of recipients) {
      expect(smtp.messages.filter((m) => m.envelope.to.includes(to))).toHaveLength(1);
    }
    const rows = await database()
      .db.selectFrom('mailOutbox')
      .select(['status', 'attempts'])
      .where('domainId', '=', world.domainId)
      .execute();
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('retries a message whose worker died mid-send once the claim lapses, and not before', async () => {
    const world = await mailWorld(database(), { SMTP_URL: smtp.url });
    const to = `crash.${world.domainId}@example.jp`;
    const queued = await world.inTx((ctx) =>
      enqueueMail(ctx, { to, locale: 'en', template: 'test-message', params: { text: 'x' } }),
    );
    // The first worker claims the message and then never returns from send: as good as dead.
    let release = () => {};
    const hung: MailTransport = { kind: 'smtp', send: () => new Promise<void>((r) => (release = r)), close() {} };
    const { logger } = capturingLogger();
    const dying = new MailWorker(world.services, hung, logger).runOnce();
    await expect.poll(async () => (await outboxRow(database(), queued.id)).lockedUntil).not.toBeNull();

    const survivor = smtpWorker(world);
    world.clock.advance(4 * 60_000);
    expect(await survivor.runOnce()).toBe(0); // the claim still holds
    world.clock.advance(60_001);
    expect(await survivor.runOnce()).toBe(1);
    const got = await smtp.waitFor((m) => m.envelope.to.includes(to));
    expect(got.mail.messageId).toBe(queued.messageId);
    expect(await outboxRow(database(), queued.id)).toMatchObject({ status: 'sent', attempts: 2, lockedUntil: null });

    release();
    expect(await dying).toBe(1);
    expect(smtp.messages.filter((m) => m.envelope.to.includes(to))).toHaveLength(1);
  });

  it('once started, sends newly committed mail right away instead of waiting for the next poll', async () => {
    // eslint-disable-next-line prefer-const -- assigned after the world that wakes it
    let worker: MailWorker | undefined;
    const world = await mailWorld(database(), { SMTP_URL: smtp.url, MAIL_POLL_SECONDS: '3600' }, () => worker?.wake());
    worker = smtpWorker(world);
    worker.start();
    try {
      const to = `wake.${world.domainId}@example.jp`;
      await world.inTx((ctx) => enqueueMail(ctx, { to, locale: 'ja', template: 'test-message', params: { text: 'すぐ' } }));
      const got = await smtp.waitFor((m) => m.envelope.to.includes(to), 5_000);
      expect(got.mail.subject).toBe('Engawa テストメール');
    } finally {
      await worker.stop();
    }
  });
});
