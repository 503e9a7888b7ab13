// The notification jobs that run once per installation (run/background.ts): sending reminders
// every minute, and removing notifications older than 70 days every hour.
import type { Services } from '../context.js';
import { runReminders } from './reminders.js';
import { sweepNotifications } from './sweep.js';

export const REMINDER_INTERVAL_MS = 60_000;
const SWEEP_INTERVAL_MS = 3_600_000;

/** Starts both jobs; a failed run is reported and the next one tries again. */
export function startNotificationJobs(services: Services, onError: (err: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const reminders = setInterval(() => {
    // A run that takes longer than the interval is not doubled: the next tick finds it running.
    running ??= runReminders(services, REMINDER_INTERVAL_MS, onError)
      .catch(onError)
      .finally(() => {
        running = null;
      });
  }, REMINDER_INTERVAL_MS);
  const sweep = setInterval(() => {
    sweepNotifications(services).catch(onError);
  }, SWEEP_INTERVAL_MS);
  reminders.unref();
  sweep.unref();
  return {
    stop: async () => {
      clearInterval(reminders);
      clearInterval(sweep);
      await running;
    },
  };
}
