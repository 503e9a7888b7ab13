import { describe, expect, it } from 'vitest';
import { guestLicence } from './guest-licence.js';

const DAY = 86_400_000;
// 10:00 in Tokyo on 1 November 2026.
const FIRST = new Date('2026-11-01T01:00:00Z');

describe('a guest licence through its trial', () => {
  it('is a trial from day 0 to the end of day 30, and required from day 31', () => {
    const at = (days: number, extraMs = 0) => guestLicence({ valid: true, trialStartedAt: FIRST }, new Date(FIRST.getTime() + days * DAY + extraMs));
    expect(at(0)).toEqual({ state: 'trial', trialEnds: '2026-12-01', requiredFrom: '2026-12-02' });
    expect(at(30).state).toBe('trial');
    // 23:59:59 on day 30 in Tokyo is still the trial…
    expect(guestLicence({ valid: true, trialStartedAt: FIRST }, new Date('2026-12-01T14:59:59Z')).state).toBe('trial');
    // …and midnight starts day 31.
    expect(guestLicence({ valid: true, trialStartedAt: FIRST }, new Date('2026-12-01T15:00:00Z')).state).toBe('required');
    expect(at(31).state).toBe('required');
  });

  it('counts days in Japan: a first sign-in at 23:30 in Tokyo is day 0 for the last half hour only', () => {
    const late = new Date('2026-11-01T14:30:00Z'); // 23:30 JST on 1 November
    expect(guestLicence({ valid: true, trialStartedAt: late }, late).trialEnds).toBe('2026-12-01');
    const early = new Date('2026-11-01T15:30:00Z'); // 00:30 JST on 2 November
    expect(guestLicence({ valid: true, trialStartedAt: early }, early).trialEnds).toBe('2026-12-02');
  });

  it('needs no licence while suspended, in the trial or after it', () => {
    expect(guestLicence({ valid: false, trialStartedAt: FIRST }, new Date(FIRST.getTime() + 3 * DAY)).state).toBe('notRequired');
    expect(guestLicence({ valid: false, trialStartedAt: FIRST }, new Date(FIRST.getTime() + 90 * DAY)).state).toBe('notRequired');
  });

  it('has not started the trial before the first sign-in', () => {
    expect(guestLicence({ valid: true, trialStartedAt: null }, FIRST)).toEqual({ state: 'trial', trialEnds: null, requiredFrom: null });
  });
});
