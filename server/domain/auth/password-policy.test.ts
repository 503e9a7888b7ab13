import { describe, expect, it } from 'vitest';
import { kindsIn } from './password-policy.js';

describe('kindsIn', () => {
  it('counts lower case, upper case, digits and symbols, in any script', () => {
    expect(kindsIn('')).toBe(0);
    expect(kindsIn('abc')).toBe(1);
    expect(kindsIn('abcXYZ')).toBe(2);
    expect(kindsIn('abcXYZ123')).toBe(3);
    expect(kindsIn('abcXYZ123!')).toBe(4);
    // Spaces are no symbol; punctuation of any script, and letters without case, are.
    expect(kindsIn('correct horse battery')).toBe(1);
    expect(kindsIn('ÀÉÎ éè ９')).toBe(3);
    expect(kindsIn('パスワード、です')).toBe(1);
    expect(kindsIn('Passwort-パス1')).toBe(4);
  });
});
