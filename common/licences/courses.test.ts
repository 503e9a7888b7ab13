import { describe, expect, it } from 'vitest';
import { COURSES, COURSE_LIMITS, PRICES, UNLIMITED } from './courses.js';

describe('the price table (MISSION §6)', () => {
  it('prices users and guests per month, yen, tax excluded', () => {
    expect(PRICES).toEqual({
      light: { user: 1_000, guest: 700 },
      standard: { user: 1_800, guest: 1_440 },
      wide: { user: 3_000, guest: 1_440 },
    });
  });

  it('prices Wide guests as Standard guests, and makes each course dearer than the one below', () => {
    expect(PRICES.wide.guest).toBe(PRICES.standard.guest);
    for (let i = 1; i < COURSES.length; i++) {
      expect(PRICES[COURSES[i]!].user).toBeGreaterThan(PRICES[COURSES[i - 1]!].user);
      expect(PRICES[COURSES[i]!].guest).toBeGreaterThanOrEqual(PRICES[COURSES[i - 1]!].guest);
    }
  });
});

describe('the course limits table', () => {
  it('holds every limit that differs by course, in one place', () => {
    expect(COURSE_LIMITS).toEqual({
      light: { apps: 200, spaces: 100, api: false, apiRequestsPerAppPerDay: null },
      standard: { apps: 1_000, spaces: 500, api: true, apiRequestsPerAppPerDay: 10_000 },
      wide: { apps: 3_000, spaces: 1_500, api: true, apiRequestsPerAppPerDay: 100_000 },
    });
  });

  it('never takes anything away on a higher course', () => {
    for (let i = 1; i < COURSES.length; i++) {
      const lower = COURSE_LIMITS[COURSES[i - 1]!];
      const higher = COURSE_LIMITS[COURSES[i]!];
      expect(higher.apps!).toBeGreaterThan(lower.apps!);
      expect(higher.spaces!).toBeGreaterThan(lower.spaces!);
      expect(higher.api || !lower.api).toBe(true);
    }
    expect(UNLIMITED).toEqual({ apps: null, spaces: null, api: true, apiRequestsPerAppPerDay: null });
  });
});
