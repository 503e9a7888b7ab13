import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { eachDatabase } from '../../test/support/db.js';
import { type TestSmtpServer, startSmtpServer } from '../../test/support/smtp.js';
import { AppError } from '../domain/app-error.js';
import type { Ctx } from '../domain/context.js';
import { fromDb } from '../storage/dialect.js';
import { enqueueMail } from './queue.js';
import type { ParamsOf } from './templates/index.js';
import { capturingLogger, mailWorld } from '../../test/support/mail-world.js';
import { createTransport } from './transport.js';
import { MailWorker } from './worker.js';

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

eachDatabase((database) => {
  it('sends nothing for mail queued in a transaction that then fails', async () => {
    const world = await mailWorld(database(), { SMTP_URL: smtp.url });
    const to = `rollback-${world.domainId}@example.jp`;
    await expect(
      world.inTx(async (ctx) => {
        await enqueueMail(ctx, { to, locale: 'ja', template: 'test-message', params: { text: 'never' } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    const { logger } = capturingLogger();
    const worker = new MailWorker(world.services, createTransport(world.services.config, logger), logger);
    expect(await worker.runOnce()).toBe(0);
    const rows = await database().db.selectFrom('mailOutbox').select('id').where('domainId', '=', world.domainId).execute();
    expect(rows).toEqual([]);
    expect(smtp.messages.filter((m) => m.envelope.to.includes(to))).toEqual([]);
    expect(world.wakes()).toBe(0);
  });

  it('queues a committed message for now, with a stable Message-ID, and wakes the worker once', async () => {
    const world = await mailWorld(database());
    const queued = await world.inTx((ctx) =>
      enqueueMail(ctx, { to: 'taro@example.jp', locale: 'en', template: 'test-message', params: { text: 'hi' } }),
    );
    expect(queued.id).toMatch(/^mail_[0-9a-z]{20}$/);
    expect(queued.messageId).toBe(`<${queued.id}@engawa>`);
    expect(world.wakes()).toBe(1);

    const row = await database().db.selectFrom('mailOutbox').selectAll().where('id', '=', queued.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      domainId: world.domainId,
      recipient: 'taro@example.jp',
      locale: 'en',
      template: 'test-message',
      status: 'queued',
      attempts: 0,
      messageId: queued.messageId,
      lockedUntil: null,
      // Rendered when it is sent, not now.
      subject: null,
      textBody: null,
      htmlBody: null,
    });
    expect(fromDb.json(row.params, {})).toEqual({ text: 'hi' });
    expect(fromDb.time(row.nextAttemptAt)).toEqual(world.clock.now());
  });

  it('refuses an address that would add a header or a recipient, and queues nothing', async () => {
    const world = await mailWorld(database());
    for (const to of ['taro@example.jp\r\nBcc: eve@example.com', 'taro@example.jp, eve@example.com', 'Taro <taro@example.jp>']) {
      const err = await world
        .inTx((ctx) => enqueueMail(ctx, { to, locale: 'ja', template: 'test-message', params: { text: 'x' } }))
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('CB_VA01');
      expect((err as AppError).options.errors).toEqual({ to: [{ key: 'email' }] });
    }
    const rows = await database().db.selectFrom('mailOutbox').select('id').where('domainId', '=', world.domainId).execute();
    expect(rows).toEqual([]);
  });
});

describe('enqueueMail types', () => {
  it('ties each template to its own params', () => {
    expectTypeOf<ParamsOf<'setup-link'>>().toEqualTypeOf<{ url: string; domainName: string }>();
    expectTypeOf<ParamsOf<'test-message'>>().toEqualTypeOf<{ text: string }>();
    // tsc fails if these calls ever stop being errors; they are never run.
    const wrongCalls = (ctx: Ctx) => [
      // @ts-expect-error setup-link needs url and domainName
      enqueueMail(ctx, { to: 'a@example.jp', locale: 'ja', template: 'setup-link', params: { text: 'x' } }),
      // @ts-expect-error no such template
      enqueueMail(ctx, { to: 'a@example.jp', locale: 'ja', template: 'nope', params: {} }),
    ];
    expectTypeOf(wrongCalls).toBeFunction();
  });
});
