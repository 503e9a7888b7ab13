import { describe, expect, it } from 'vitest';
import { auditFilter, auditForm, auditParams, isFiltered } from './audit-filter';

describe('the audit filter', () => {
  it('reads the address, ignoring a result it does not know', () => {
    const form = auditForm(new URLSearchParams('action=auth.*&actor=sato&from=2026-04-01&result=maybe'));
    expect(form).toEqual({ action: 'auth.*', actor: 'sato', from: '2026-04-01', to: '', result: '' });
    expect(isFiltered(form)).toBe(true);
    expect(isFiltered(auditForm(new URLSearchParams()))).toBe(false);
  });

  it('sends the person’s days as instants: from the start of the first to the start of the day after the last', () => {
    const form = { action: ' user.create ', actor: '', from: '2026-04-01', to: '2026-04-03', result: 'failure' as const };
    expect(auditFilter(form, 'Asia/Tokyo')).toEqual({
      action: 'user.create',
      result: 'failure',
      from: '2026-03-31T15:00:00.000Z',
      to: '2026-04-03T15:00:00.000Z',
    });
    expect(auditFilter(form, 'UTC')).toMatchObject({ from: '2026-04-01T00:00:00.000Z', to: '2026-04-04T00:00:00.000Z' });
  });

  it('leaves out what is empty or not a day', () => {
    expect(auditFilter({ action: '', actor: '', from: '01/04/2026', to: '', result: '' }, 'UTC')).toEqual({});
  });

  it('writes only the filled values back to the address', () => {
    expect(auditParams({ action: 'auth.login', actor: '', from: '', to: '2026-04-30', result: 'success' }).toString()).toBe('action=auth.login&to=2026-04-30&result=success');
  });
});
