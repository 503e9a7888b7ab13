// config → (WORKERS > 1: the primary forks HTTP workers) → one HTTP server per process.
// See run/instance.ts for one server and run/primary.ts for several.
import cluster from 'node:cluster';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { runInstance } from './run/instance.js';
import { runPrimary } from './run/primary.js';

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
  if (config.workers > 1 && cluster.isPrimary) await runPrimary(config, logger);
  else await runInstance(config, logger);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
