import { listOutboxInput, OUTBOX_MESSAGE_PATH, OUTBOX_PATH, outboxMessageInput, TEST_MAIL_PATH, testMailInput } from '../../../common/api/mail.js';
import { AppError } from '../../domain/app-error.js';
import { recordAudit } from '../../domain/audit/record-audit.js';
import { getOutboxMessage, listOutbox } from '../../mail/list-outbox.js';
import { enqueueMail } from '../../mail/queue.js';
import { scope } from '../../policy/scope.js';
import { findUserById } from '../../storage/users.repo.js';
import { defineRoute } from '../route.js';
import { throttle } from '../throttle.js';

export const mailRoutes = [
  defineRoute({
    method: 'GET',
    url: OUTBOX_PATH,
    access: 'outbox.read',
    input: listOutboxInput,
    handler: async ({ input, actor, read }) => {
      const { messages, totalCount } = await listOutbox(read(), scope(actor, 'outbox'), input);
      return { messages, totalCount: String(totalCount) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: OUTBOX_MESSAGE_PATH,
    access: 'outbox.read',
    input: outboxMessageInput,
    handler: async ({ input, actor, read }) => {
      const message = await getOutboxMessage(read(), scope(actor, 'outbox'), input.id);
      if (!message) throw new AppError('GAIA_ML01', { params: { id: input.id } });
      return { message };
    },
  }),
  defineRoute({
    method: 'POST',
    url: TEST_MAIL_PATH,
    access: 'mail.test',
    input: testMailInput,
    handler: async ({ input, actor, command, limiter }) => {
      // A test send is a way to make the server mail any address: keep it to a trickle.
      await throttle(limiter, `mail-test:${actor.domainId}`, 20, 3_600_000);
      return command(async (ctx) => {
        const me = actor.kind === 'user' ? await findUserById(ctx.db, actor.domainId, actor.userId) : null;
        const to = input.to ?? me?.email;
        if (!to) throw AppError.invalid({ to: 'required' });
        const { id } = await enqueueMail(ctx, {
          to,
          locale: me?.locale ?? ctx.locale,
          template: 'test-message',
          params: { text: input.text ?? '' },
        });
        await recordAudit(ctx, { action: 'mail.test', targetType: 'mail', targetId: id, detail: { to } });
        return { id };
      });
    },
  }),
];
