// SIGTERM and SIGINT, once: log, run the steps in order, exit 0 — or exit 1 when a step fails
// or the whole takes longer than `limitMs`.
import type { Logger } from '../logger.js';

export function onShutdown(logger: Logger, what: string, limitMs: number, steps: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `shutting down: ${what}`);
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, limitMs);
    force.unref();
    try {
      await steps();
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
