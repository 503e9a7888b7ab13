// Runs the licence reminders (reminders.ts) once per installation (run/background.ts): shortly
// after start, then every hour. Reminders are decided per Japanese day, so an hour is early
// enough, and a run that misses nothing when it repeats (each reminder is marked) may run late.
import type { Services } from '../context.js';
import { runLicenceReminders } from './reminders.js';

export const LICENCE_REMINDER_INTERVAL_MS = 3_600_000;
/** The first run, once the server has settled. */
export const LICENCE_REMINDER_FIRST_RUN_MS = 60_000;

/** Starts the job; a failed run is reported and the next one tries again. */
export function startLicenceReminders(
  services: Services,
  onError: (err: unknown) => void,
  timing: { firstMs?: number; intervalMs?: number } = {},
): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    // A run that takes longer than the interval is not doubled: the next tick finds it running.
    running ??= runLicenceReminders(services, onError)
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, timing.firstMs ?? LICENCE_REMINDER_FIRST_RUN_MS);
  const every = setInterval(tick, timing.intervalMs ?? LICENCE_REMINDER_INTERVAL_MS);
  first.unref();
  every.unref();
  return {
    stop: async () => {
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
