// What runs once per installation rather than once per HTTP process: migrations and the
// first-run setup before anything serves, then the mail worker, the upload sweeper and the
// notification jobs (reminders, the 70-day sweep) and the licence reminders.
import type { Services } from '../domain/context.js';
import { prepareFirstRun } from '../domain/auth/first-run.js';
import { startFileSweeper } from '../files/sweep-expired.js';
import { startNotificationJobs } from '../domain/notifications/jobs.js';
import { startLicenceReminders } from '../domain/licences/reminder-job.js';
import { startVisitorSweeper } from '../domain/public-views/visitors/sweep.js';
import type { Logger } from '../logger.js';
import { createTransport } from '../mail/transport.js';
import { MailWorker } from '../mail/worker.js';
import { type Storage, migrateToLatest } from '../storage/db.js';

export interface Background {
  /** Mail was queued: send it now rather than at the next poll. */
  wake(): void;
  stop(): Promise<void>;
}

export async function prepareStorage(storage: Storage, services: Services, logger: Logger): Promise<void> {
  const applied = await migrateToLatest(storage.db, storage.schema);
  logger.info({ database: storage.kind, applied }, 'database ready');
  const first = await prepareFirstRun(services);
  if (first.state === 'admin-created') {
    logger.info({ login: first.login }, 'created the first administrator from ENGAWA_ADMIN_LOGIN');
  } else if (first.state === 'setup-link') {
    logger.warn({ url: first.url }, 'no administrator yet: open the setup link to create one');
    process.stdout.write(`\n  Engawa has no administrator yet. Create one here (one-time link):\n  ${first.url}\n\n`);
  }
}

export function startBackground(services: Services, logger: Logger): Background {
  const transport = createTransport(services.config, logger.child({ module: 'mail' }));
  const worker = new MailWorker(services, transport, logger.child({ module: 'mail' }));
  worker.start();
  const sweeper = startFileSweeper(services, (err) => logger.error({ err }, 'file sweep failed'));
  const notifications = startNotificationJobs(services, (err) => logger.error({ err }, 'notification job failed'));
  const licences = startLicenceReminders(services, (err) => logger.error({ err }, 'licence reminder job failed'));
  const visitors = startVisitorSweeper(services, (err) => logger.error({ err }, 'public-view visitor sweep failed'));
  logger.info({ mail: transport.kind }, 'background jobs started');
  return {
    wake: () => worker.wake(),
    stop: async () => {
      sweeper.stop();
      await notifications.stop();
      await licences.stop();
      await visitors.stop();
      await worker.stop();
      await transport.close();
    },
  };
}
