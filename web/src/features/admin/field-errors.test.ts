import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { itemField, keyedErrors, sameField } from './field-errors';

const t = ((key: string) => key) as unknown as TFunction;

const invalid = new ApiError(400, {
  code: 'CB_VA01',
  id: 'x',
  message: 'Missing or invalid input.',
  errors: {
    'users[0].email': { messages: ['The e-mail address is not valid.'] },
    'users[0].password': { messages: ['Enter more than 7 characters.', 'Use digits too.'] },
    'users[0].sortOrder': { messages: ['The value must be 0 or more.'] },
    'ipRestriction.allow[2]': { messages: ['The value is invalid.'] },
  },
});

describe('keyedErrors', () => {
  it('puts each message under its input and lists the rest under the general line', () => {
    const errors = keyedErrors(invalid, t, (key) => (key.startsWith('ipRestriction') ? false : itemField('users[0].', ['email', 'password'])(key)));
    expect(errors.general).toBe('Missing or invalid input.');
    expect(errors.field('email')).toBe('The e-mail address is not valid.');
    expect(errors.field('password')).toBe('Enter more than 7 characters.');
    expect(errors.field('name')).toBeUndefined();
    expect(errors.others).toEqual(['The value must be 0 or more.']);
  });

  it('is empty without an error, and only general for an error without fields', () => {
    expect(keyedErrors(null, t, () => null).general).toBeNull();
    const refused = new ApiError(403, { code: 'CB_LI01', id: 'y', message: 'All 3 user licenses are in use.' });
    const errors = keyedErrors(refused, t, () => null);
    expect(errors.general).toBe('All 3 user licenses are in use.');
    expect(errors.others).toEqual([]);
  });
});

describe('field mappers', () => {
  it('match an item’s own keys only', () => {
    const f = itemField('guests[0].', ['code', 'name']);
    expect(f('guests[0].code')).toBe('code');
    expect(f('guests[1].code')).toBeNull();
    expect(f('guests[0].company')).toBeNull();
  });

  it('take dotted names as they are', () => {
    const f = sameField(['passwordPolicy.minLength', 'basicGate']);
    expect(f('passwordPolicy.minLength')).toBe('passwordPolicy.minLength');
    expect(f('basicGate')).toBe('basicGate');
    expect(f('basicGate.user')).toBeNull();
  });
});
