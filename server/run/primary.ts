// WORKERS > 1: this process prepares the database, runs the background jobs and keeps WORKERS
// HTTP processes (run/instance.ts) serving one port. A worker that dies is replaced; SIGTERM
// lets every worker finish its in-flight requests before the primary stops.
import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.js';
import type { Services } from '../domain/context.js';
import { createEventBus, relayLiveEvent } from '../events/cluster.js';
import type { Logger } from '../logger.js';
import { openDatabase, withoutReadThreads } from '../storage/db.js';
import { prepareStorage, startBackground } from './background.js';
import { onShutdown } from './shutdown.js';

export const MAIL_QUEUED = 'engawa:mail-queued';
const RESPAWN_DELAY_MS = 1_000;

export async function runPrimary(config: Readonly<Config>, logger: Logger): Promise<void> {
  // The primary serves no HTTP request: no read threads (sqlite-read-pool.ts) of its own.
  const storage = openDatabase(withoutReadThreads(config.database));
  const services: Services = {
    db: storage.db,
    ids: storage.ids,
    dialect: storage.kind,
    clock: () => new Date(),
    config,
    onMailQueued: () => background.wake(),
    // The background jobs' notifications reach the workers' live streams (events/cluster.ts).
    events: createEventBus({ redisUrl: config.redisUrl, onError: (err, what) => logger.warn({ err }, what) }, 'primary'),
  };
  await prepareStorage(storage, services, logger);
  const background = startBackground(services, logger);
  if (!config.redisUrl) logger.warn('several workers without REDIS_URL: each worker counts rate limits on its own (live events go through this process)');

  let stopping = false;
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', (m: { type?: string }) => {
      if (m?.type === MAIL_QUEUED) background.wake();
      else relayLiveEvent(worker, m);
    });
    return worker;
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error({ pid: worker.process.pid, code, signal }, 'a worker stopped; starting another');
    setTimeout(() => !stopping && fork(), RESPAWN_DELAY_MS).unref();
  });
  for (let i = 0; i < config.workers; i++) fork();
  logger.info({ workers: config.workers }, 'primary started its workers');

  onShutdown(logger, 'stopping workers', 28_000, async () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
    await background.stop();
    await services.events?.close();
    await storage.close();
  });
}
