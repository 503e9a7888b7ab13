// The allow-list's address matching and the decision table, without a server.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY, type SecuritySettings } from '../../../common/api/security.js';
import { type AccessFacts, addressAllowed, decodeBasic, refusalFor } from './restrictions.js';

describe('addressAllowed', () => {
  const allow = ['203.0.113.0/24', '198.51.100.7', '2001:db8::/32', '::ffff:192.0.2.0/120', 'fe80::1'];
  it.each([
    ['203.0.113.1', true],
    ['203.0.113.255', true],
    ['203.0.114.1', false],
    ['198.51.100.7', true],
    ['198.51.100.8', false],
    ['::ffff:203.0.113.9', true],
    ['::ffff:198.51.100.7', true],
    ['192.0.2.44', true],
    ['192.0.3.44', false],
    ['2001:db8::1', true],
    ['2001:0db8:ffff::1', true],
    ['2001:db9::1', false],
    ['fe80::1', true],
    ['fe80::2', false],
    ['::1', false],
    ['not an address', false],
    ['', false],
  ])('%s → %s', (address, expected) => {
    expect(addressAllowed(address, allow)).toBe(expected);
  });

  it('allows nothing from an empty list, and everything from 0.0.0.0/0 and ::/0', () => {
    expect(addressAllowed('127.0.0.1', [])).toBe(false);
    expect(addressAllowed('8.8.8.8', ['0.0.0.0/0'])).toBe(true);
    expect(addressAllowed('::ffff:8.8.8.8', ['0.0.0.0/0'])).toBe(true);
    expect(addressAllowed('2001:4860::8888', ['0.0.0.0/0'])).toBe(false);
    expect(addressAllowed('2001:4860::8888', ['::/0'])).toBe(true);
  });
});

describe('refusalFor', () => {
  const settings = (over: Partial<SecuritySettings> = {}): SecuritySettings => ({
    ...DEFAULT_SECURITY,
    ipRestriction: { enabled: true, allow: ['10.0.0.0/8'] },
    ...over,
  });
  const facts = (over: Partial<AccessFacts> = {}): AccessFacts => ({ outside: true, basicPassed: false, certificateUserId: null, ...over });
  const user = { kind: 'user' as const, userId: 7 };

  it('lets everyone in from inside, and refuses outside with the gate to pass', () => {
    expect(refusalFor(settings(), facts({ outside: false }), user)).toBeNull();
    expect(refusalFor(settings(), facts(), user)).toBe('network');
    const gate = settings({ basicGate: { enabled: true, user: 'site', passwordSet: true } });
    expect(refusalFor(gate, facts(), user)).toBe('basic');
    expect(refusalFor(gate, facts({ basicPassed: true }), user)).toBeNull();
    expect(refusalFor(settings({ secureAccess: { enabled: true } }), facts(), { kind: 'apiToken' })).toBe('certificate');
  });

  it('accepts a certificate for its own user only (any user for a token), and only with secure access on', () => {
    const secure = settings({ secureAccess: { enabled: true } });
    expect(refusalFor(secure, facts({ certificateUserId: 7 }), user)).toBeNull();
    expect(refusalFor(secure, facts({ certificateUserId: 8 }), user)).toBe('certificate');
    expect(refusalFor(secure, facts({ certificateUserId: 8 }), { kind: 'apiToken' })).toBeNull();
    expect(refusalFor(settings(), facts({ certificateUserId: 7 }), user)).toBe('network');
  });
});

describe('decodeBasic', () => {
  it('reads user and password, and nothing that is not Basic', () => {
    const b64 = Buffer.from('site:pa:ss wörd').toString('base64');
    expect(decodeBasic(`Basic ${b64}`)).toEqual({ user: 'site', password: 'pa:ss wörd' });
    expect(decodeBasic(`basic  ${b64}`)).toEqual({ user: 'site', password: 'pa:ss wörd' });
    expect(decodeBasic(`Bearer ${b64}`)).toBeNull();
    expect(decodeBasic('Basic not base64!')).toBeNull();
    expect(decodeBasic(`Basic ${Buffer.from('no colon').toString('base64')}`)).toBeNull();
    expect(decodeBasic(undefined)).toBeNull();
  });
});
