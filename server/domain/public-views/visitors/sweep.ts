// Removes visitor sessions past their end (or, for e-mail sessions, idle too long) and codes and
// links past theirs. Nothing depends on it for safety — every lookup checks expiry itself — it
// keeps the tables small. Runs once per installation (run/background.ts) every ten minutes, and
// with it the scheduled visitor syncs that are due (sync-schedule.ts).
import { EMAIL_SESSION_IDLE_MS } from '../../../../common/api/public-visitors.js';
import { deleteLapsed } from '../../../storage/public-view-visitors.repo.js';
import type { Services } from '../../context.js';
import { runDueSyncs } from './sync-schedule.js';

export const VISITOR_SWEEP_INTERVAL_MS = 10 * 60_000;

export async function sweepVisitorSessions(services: Pick<Services, 'db' | 'clock'>): Promise<{ sessions: number; signIns: number }> {
  const now = services.clock();
  return deleteLapsed(services.db, now, new Date(now.getTime() - EMAIL_SESSION_IDLE_MS));
}

export function startVisitorSweeper(services: Services, onError: (err: unknown) => void, intervalMs = VISITOR_SWEEP_INTERVAL_MS): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    running ??= sweepVisitorSessions(services)
      .catch(onError)
      .then(() => runDueSyncs(services, onError))
      .catch(onError)
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
