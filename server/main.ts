// config → migrate → first run → buildApp → listen. SIGTERM lets in-flight requests and the
// mail being sent finish before the process exits.
import { Redis } from 'ioredis';
import { ConfigError, loadConfig } from './config.js';
import type { Services } from './domain/context.js';
import { prepareFirstRun } from './domain/auth/first-run.js';
import { buildApp } from './http/app.js';
import { type Limiter, MemoryLimiter, RedisLimiter } from './infra/limiter.js';
import { createLogger } from './logger.js';
import { createTransport } from './mail/transport.js';
import { MailWorker } from './mail/worker.js';
import { startFileSweeper } from './files/sweep-expired.js';
import { migrateToLatest, openDatabase } from './storage/db.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const storage = openDatabase(config.database);
  const applied = await migrateToLatest(storage.db);
  logger.info({ database: storage.kind, applied }, 'database ready');

  const services: Services = {
    db: storage.db,
    ids: storage.ids,
    dialect: storage.kind,
    clock: () => new Date(),
    config,
    // The worker is made just below; nothing queues mail before then.
    onMailQueued: () => worker.wake(),
  };
  const transport = createTransport(config, logger.child({ module: 'mail' }));
  const worker = new MailWorker(services, transport, logger.child({ module: 'mail' }));

  const first = await prepareFirstRun(services);
  if (first.state === 'admin-created') {
    logger.info({ login: first.login }, 'created the first administrator from ENGAWA_ADMIN_LOGIN');
  } else if (first.state === 'setup-link') {
    logger.warn({ url: first.url }, 'no administrator yet: open the setup link to create one');
    process.stdout.write(`\n  Engawa has no administrator yet. Create one here (one-time link):\n  ${first.url}\n\n`);
  }

  let redis: Redis | undefined;
  let limiter: Limiter = new MemoryLimiter();
  if (config.redisUrl) {
    redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: false });
    limiter = new RedisLimiter(redis, 'engawa:limit:');
  }

  const app = await buildApp({ services, limiter, logger });
  await app.listen({ port: config.port, host: config.host });
  app.server.headersTimeout = 30_000;
  worker.start();
  const sweeper = startFileSweeper(services, (err) => logger.error({ err }, 'file sweep failed'));
  logger.info({ url: config.baseUrl, mail: transport.kind }, 'Engawa is listening');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 25_000);
    force.unref();
    try {
      await app.close();
      sweeper.stop();
      await worker.stop();
      await transport.close();
      await redis?.quit();
      await storage.close();
      logger.info('stopped');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
