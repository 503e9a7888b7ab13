import { describe, expect, it } from 'vitest';
import type { ContractJson } from '../../../../common/api/licences.js';
import { contractBody, contractField, formOf, reminderDays } from './contract-form';

const contract: ContractJson = {
  course: 'standard',
  term: 'annual',
  userLicences: 25,
  guestLicences: 5,
  startDate: '2026-04-01',
  endDate: '2027-03-31',
  viewPlan: null,
  trialReminderDays: [7, 1],
};

describe('the contract form', () => {
  it('starts a new contract from today, the users in use and the default reminders', () => {
    expect(formOf(null, { today: '2026-04-01', activeUsers: 3 })).toEqual({
      course: 'standard',
      term: 'monthly',
      userLicences: '3',
      guestLicences: '0',
      startDate: '2026-04-01',
      endDate: '',
      viewPlan: '',
      trialReminderDays: '7, 1',
    });
  });

  it('sends a whole new contract, with guests only when some are typed', () => {
    const form = { ...formOf(null, { today: '2026-04-01', activeUsers: 2 }), userLicences: '3', guestLicences: '' };
    expect(contractBody(form, null)).toEqual({
      course: 'standard',
      term: 'monthly',
      userLicences: '3',
      startDate: '2026-04-01',
      viewPlan: null,
      trialReminderDays: ['7', '1'],
    });
    expect(contractBody({ ...form, guestLicences: '2', term: 'annual', endDate: '2026-12-31' }, null)).toMatchObject({
      term: 'annual',
      endDate: '2026-12-31',
      guests: { licences: '2' },
    });
  });

  it('sends nothing when nothing changed, and only the changes otherwise', () => {
    const form = formOf(contract, { today: 'x', activeUsers: 0 });
    expect(contractBody(form, contract)).toEqual({});
    expect(contractBody({ ...form, guestLicences: '6', viewPlan: 'premium', trialReminderDays: '14 7 1' }, contract)).toEqual({
      guests: { licences: '6' },
      viewPlan: 'premium',
      trialReminderDays: ['14', '7', '1'],
    });
  });

  it('lets a new start date move an annual term unless a new end date is typed', () => {
    const form = formOf(contract, { today: 'x', activeUsers: 0 });
    expect(contractBody({ ...form, startDate: '2026-05-01' }, contract)).toEqual({ startDate: '2026-05-01' });
    expect(contractBody({ ...form, startDate: '2026-05-01', endDate: '2027-01-31' }, contract)).toEqual({ startDate: '2026-05-01', endDate: '2027-01-31' });
  });

  it('sends no end date for a monthly term', () => {
    const form = { ...formOf(contract, { today: 'x', activeUsers: 0 }), term: 'monthly' as const };
    expect(contractBody(form, contract)).toEqual({ term: 'monthly' });
  });

  it('sends numbers as typed for the server to judge', () => {
    const form = { ...formOf(contract, { today: 'x', activeUsers: 0 }), userLicences: ' abc ' };
    expect(contractBody(form, contract)).toEqual({ userLicences: 'abc' });
  });
});

describe('reminderDays', () => {
  it('splits on commas, spaces and Japanese commas', () => {
    expect(reminderDays('7, 1')).toEqual(['7', '1']);
    expect(reminderDays('14 7、1，3')).toEqual(['14', '7', '1', '3']);
    expect(reminderDays('  ')).toEqual([]);
  });
});

describe('contractField', () => {
  it('puts the server’s keys under the form’s fields', () => {
    expect(contractField('guests.licences')).toBe('guestLicences');
    expect(contractField('trialReminderDays[2]')).toBe('trialReminderDays');
    expect(contractField('userLicences')).toBe('userLicences');
    expect(contractField('somethingElse')).toBeNull();
  });
});
