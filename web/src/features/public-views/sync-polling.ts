// When the visitor-sync status should ask the server again, so a scheduled run's result shows
// without a reload: often while a run is due (the sweep takes it within ten minutes of its time)
// or claimed without a result yet (in progress), once when the next run falls due, and never
// without a schedule. A claimed run moves `nextRunAt` on by one interval and writes `lastRunAt`
// (its claim time) when it ends (server/domain/public-views/visitors/sync-schedule.ts).
import { SYNC_INTERVAL_MS, type SyncScheduleJson } from '../../../../common/api/public-visitors.js';

/** How often to ask while a run is due or running. */
export const SYNC_POLL_MS = 10_000;
/** A claimed run longer ago than this without a result has failed some other way: stop asking. */
const RUN_GIVEN_UP_MS = 15 * 60_000;
/** setTimeout's longest delay. */
const MAX_DELAY_MS = 2_147_483_647;

/** The refetch interval for the schedule as last read (TanStack Query's `refetchInterval`). */
export function syncRefetchMs(schedule: SyncScheduleJson | null | undefined, now: number): number | false {
  if (!schedule) return false;
  const next = Date.parse(schedule.nextRunAt);
  if (Number.isNaN(next)) return false;
  if (next <= now) return SYNC_POLL_MS;
  const claimed = next - SYNC_INTERVAL_MS[schedule.every];
  const last = schedule.lastRunAt === null ? null : Date.parse(schedule.lastRunAt);
  // A run claimed (its slot begun) that has not written its result yet. A schedule never run has
  // no claim to wait for: its slot began when it was set.
  if (last !== null && last < claimed && claimed <= now && now - claimed < RUN_GIVEN_UP_MS) return SYNC_POLL_MS;
  // Idle until the next run falls due; then the rule above takes over.
  return Math.min(MAX_DELAY_MS, next - now + 1_000);
}
