// A guest's licence state (features D): its 30-day free trial starts on the day of its first
// sign-in (day 0) and runs to the end of day 30 in Japan; from day 31 the guest needs a paid
// licence, with no action by anyone. A suspended guest needs none and is never billed. A guest
// who has not signed in yet has not started its trial.
import { GUEST_TRIAL_DAYS } from './courses.js';
import { type Day, addDays, dayOf } from './calendar.js';

export type LicenceState = 'trial' | 'required' | 'notRequired';

export interface GuestLicence {
  state: LicenceState;
  /** The trial's last day; null until the first sign-in. */
  trialEnds: Day | null;
  /** The first day the guest needs a paid licence while active; null until the first sign-in. */
  requiredFrom: Day | null;
}

export function guestLicence(guest: { valid: boolean; trialStartedAt: Date | null }, now: Date): GuestLicence {
  const trialEnds = guest.trialStartedAt ? addDays(dayOf(guest.trialStartedAt), GUEST_TRIAL_DAYS) : null;
  const requiredFrom = trialEnds ? addDays(trialEnds, 1) : null;
  let state: LicenceState;
  if (!guest.valid) state = 'notRequired';
  else if (requiredFrom !== null && dayOf(now) >= requiredFrom) state = 'required';
  else state = 'trial';
  return { state, trialEnds, requiredFrom };
}
