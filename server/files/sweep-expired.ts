// Temporary uploads that were never attached lapse after three days. The sweeper removes their
// rows first and their bytes after, so a crash in between leaves only unreferenced bytes.
import type { Services } from '../domain/context.js';
import { deleteExpiredUploads } from '../storage/files.repo.js';
import { removeBlobs } from './blob-store.js';

const BATCH = 500;

/** Deletes every lapsed temporary upload, in batches; returns how many. */
export async function sweepExpired(services: Services): Promise<number> {
  const now = services.clock();
  let total = 0;
  for (;;) {
    const gone = await services.db.transaction().execute((tx) => deleteExpiredUploads(tx, now, BATCH));
    await removeBlobs(services.config.filesDir, gone);
    total += gone.length;
    if (gone.length < BATCH) return total;
  }
}

/** Runs the sweeper every `intervalMs` until stopped; a failed run is reported and retried next time. */
export function startFileSweeper(
  services: Services,
  onError: (err: unknown) => void,
  intervalMs = 3_600_000,
): { stop(): void } {
  const timer = setInterval(() => {
    sweepExpired(services).catch(onError);
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
