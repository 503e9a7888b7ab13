// One HTTP server process: the whole of Engawa when WORKERS=1, or one of the workers the
// primary forks (run/primary.ts). A worker leaves migrations, the first-run setup and the
// background jobs to the primary and tells it when it has queued mail.
import cluster from 'node:cluster';
import { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Services } from '../domain/context.js';
import { createEventBus } from '../events/cluster.js';
import { buildApp } from '../http/app.js';
import { httpsOptions } from '../http/client-certificate.js';
import { type Limiter, MemoryLimiter, RedisLimiter } from '../infra/limiter.js';
import type { Logger } from '../logger.js';
import { openDatabase } from '../storage/db.js';
import { type Background, prepareStorage, startBackground } from './background.js';
import { MAIL_QUEUED } from './primary.js';
import { onShutdown } from './shutdown.js';

export async function runInstance(config: Readonly<Config>, logger: Logger): Promise<void> {
  const worker = cluster.isWorker;
  const storage = openDatabase(config.database);
  let background: Background | undefined;
  const services: Services = {
    db: storage.db,
    ids: storage.ids,
    ...(storage.reads ? { reads: storage.reads } : {}),
    dialect: storage.kind,
    clock: () => new Date(),
    config,
    onMailQueued: () => (worker ? process.send?.({ type: MAIL_QUEUED }) : background?.wake()),
    // Live events: Redis with REDIS_URL, else this process (and its sibling workers) only.
    events: createEventBus({ redisUrl: config.redisUrl, onError: (err, what) => logger.warn({ err }, what) }),
  };
  if (!worker) await prepareStorage(storage, services, logger);

  let redis: Redis | undefined;
  let limiter: Limiter = new MemoryLimiter();
  if (config.redisUrl) {
    redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: false });
    limiter = new RedisLimiter(redis, 'engawa:limit:');
  }

  // TLS_CERT_FILE…: Engawa terminates TLS itself and asks clients for certificates (secure access).
  const app = await buildApp({ services, limiter, logger, https: httpsOptions(config) });
  await app.listen({ port: config.port, host: config.host });
  app.server.headersTimeout = 30_000;
  if (!worker) background = startBackground(services, logger);
  logger.info({ url: config.baseUrl }, 'Engawa is listening');

  onShutdown(logger, 'finishing in-flight requests', 25_000, async () => {
    await app.close();
    await background?.stop();
    await services.events?.close();
    await redis?.quit();
    await storage.close();
  });
}
