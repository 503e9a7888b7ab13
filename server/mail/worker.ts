// Delivers queued mail. Several server instances may run a worker against one database, and
// any of them may die mid-send, so a message is claimed with one conditional UPDATE (only the
// instance whose UPDATE matched sends it) and the claim expires on its own: a crashed worker's
// messages are retried by whoever polls next. Delivery is therefore at least once; the fixed
// Message-ID lets receivers drop the rare duplicate.
import type { Selectable } from 'kysely';
import type { Services } from '../domain/context.js';
import { fromDb, toDb } from '../storage/dialect.js';
import type { MailOutboxTable } from '../storage/tables/mail.table.js';
import { type Prepared, prepareQueued } from './prepare.js';
import { type RenderedMail, renderKeptCopy, renderMail } from './templates/index.js';
import { type MailLogger, type MailTransport, describeSendError } from './transport.js';

/** Longer than any send may take (transport timeouts are shorter), short enough to recover. */
export const CLAIM_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 8;
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;
const BATCH = 20;

/** Wait after the n-th failed attempt: 30 s, 1 min, 2 min … capped at an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

type OutboxRow = Selectable<MailOutboxTable>;

export class MailWorker {
  #timer: ReturnType<typeof setInterval> | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #stopping = false;

  constructor(
    private readonly services: Pick<Services, 'db' | 'clock' | 'config'>,
    private readonly transport: MailTransport,
    private readonly logger: MailLogger,
  ) {}

  /** Polls every MAIL_POLL_SECONDS; wake() makes mail queued by this instance go out at once. */
  start(): void {
    if (this.#timer || this.#stopping) return;
    this.#timer = setInterval(() => this.wake(), this.services.config.mailPollMs);
    // The HTTP server keeps the process alive; the poll timer alone should not.
    this.#timer.unref();
    this.wake();
  }

  /** Stops polling and waits for the message being sent, so shutdown never cuts one in half. */
  async stop(): Promise<void> {
    this.#stopping = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  wake(): void {
    if (this.#stopping) return;
    // A wake during a run means "look again when done": mail committed mid-run is not missed.
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#drain().finally(() => {
      this.#running = null;
    });
  }

  /** Sends everything due now; returns how many messages this worker claimed. */
  async runOnce(): Promise<number> {
    let processed = 0;
    for (;;) {
      const due = await this.#dueIds();
      if (due.length === 0) return processed;
      let claimedAny = false;
      for (const id of due) {
        if (this.#stopping) return processed;
        const row = await this.#claim(id);
        if (!row) continue;
        claimedAny = true;
        processed++;
        await this.#deliver(row);
      }
      // Everything we saw was taken by another worker: it is theirs now, and we are done.
      if (!claimedAny) return processed;
    }
  }

  async #drain(): Promise<void> {
    do {
      this.#again = false;
      try {
        await this.runOnce();
      } catch (err) {
        // A database hiccup: claimed rows stay locked until their claim lapses, then retry.
        this.logger.error({ err: describeSendError(err) }, 'mail worker run failed');
      }
    } while (this.#again && !this.#stopping);
  }

  async #dueIds(): Promise<string[]> {
    const now = toDb.time(this.services.clock());
    const rows = await this.services.db
      .selectFrom('mailOutbox')
      .select('id')
      .where('status', '=', 'queued')
      .where('nextAttemptAt', '<=', now)
      .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now)]))
      .orderBy('nextAttemptAt')
      .orderBy('id')
      .limit(BATCH)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * The claim: one UPDATE whose WHERE repeats the "due and not held" test. Two workers racing
   * for a row both run it, the database serialises them, and the second one matches nothing
   * (PostgreSQL re-checks the WHERE against the committed row). RETURNING gives the claimer
   * the row and tells the loser it lost, in the same statement.
   */
  async #claim(id: string): Promise<OutboxRow | null> {
    const now = this.services.clock();
    const nowDb = toDb.time(now);
    const row = await this.services.db
      .updateTable('mailOutbox')
      .set((eb) => ({
        lockedUntil: toDb.time(new Date(now.getTime() + CLAIM_MS)),
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .where('nextAttemptAt', '<=', nowDb)
      .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', nowDb)]))
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  async #deliver(row: OutboxRow): Promise<void> {
    // Rendered now, not at enqueue: the text reflects the data and the permissions at the
    // moment it leaves; a notification its recipient may no longer see is dropped (prepare.ts).
    let prepared: Prepared | null;
    try {
      prepared = await prepareQueued({ ...row, params: fromDb.json<unknown>(row.params, null) }, this.services);
    } catch (err) {
      await this.#retryLater(row, describeSendError(err));
      return;
    }
    if (!prepared) {
      await this.#drop(row);
      return;
    }
    let rendered: RenderedMail;
    try {
      rendered = renderMail(row.template, prepared.params, prepared.locale);
    } catch (err) {
      await this.#giveUp(row, describeSendError(err));
      return;
    }
    try {
      await this.transport.send({ to: prepared.to, messageId: row.messageId, ...rendered });
    } catch (err) {
      await this.#retryLater(row, describeSendError(err, this.services.config.smtpUrl));
      return;
    }
    // Sent by SMTP, the message is in the recipient's mailbox: the copy kept here, which
    // administrators read, loses its secrets (templates/secrets.ts). In the embedded outbox the
    // row is the only copy, so it stays whole.
    const kept = this.transport.kind === 'smtp' ? renderKeptCopy(row.template, prepared.params, prepared.locale) : null;
    const copy = kept?.mail ?? rendered;
    await this.services.db
      .updateTable('mailOutbox')
      .set({
        status: 'sent',
        recipient: prepared.to,
        sentAt: toDb.time(this.services.clock()),
        subject: copy.subject,
        textBody: copy.text,
        htmlBody: copy.html,
        ...(kept ? { params: toDb.json(kept.params) } : {}),
        lockedUntil: null,
        lastError: null,
      })
      .where('id', '=', row.id)
      .execute();
  }

  async #retryLater(row: OutboxRow, error: string): Promise<void> {
    if (row.attempts >= MAX_ATTEMPTS) {
      await this.#giveUp(row, error);
      return;
    }
    const next = new Date(this.services.clock().getTime() + backoffMs(row.attempts));
    this.logger.warn(
      { mailId: row.id, attempts: row.attempts, retryAt: next.toISOString(), error },
      'mail not sent; will retry',
    );
    await this.services.db
      .updateTable('mailOutbox')
      .set({ nextAttemptAt: toDb.time(next), lockedUntil: null, lastError: error })
      .where('id', '=', row.id)
      // If our claim lapsed and another worker already delivered it, leave its result alone.
      .where('status', '=', 'queued')
      .execute();
  }

  /** Not to be sent at all any more (a notification its recipient may no longer see). */
  async #drop(row: OutboxRow): Promise<void> {
    await this.services.db
      .updateTable('mailOutbox')
      .set({ status: 'dropped', lockedUntil: null, lastError: null })
      .where('id', '=', row.id)
      .where('status', '=', 'queued')
      .execute();
  }

  async #giveUp(row: OutboxRow, error: string): Promise<void> {
    this.logger.error({ mailId: row.id, attempts: row.attempts, error }, 'mail failed permanently');
    await this.services.db
      .updateTable('mailOutbox')
      .set({ status: 'failed', lockedUntil: null, lastError: error })
      .where('id', '=', row.id)
      .where('status', '=', 'queued')
      .execute();
  }
}
