// The allow-list's address matching and the decision table, without a server.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY, type SecuritySettings } from '../../../common/api/security.js';
import { type AccessFacts, addressAllowed, decodeBasic, parseAddressSpan, refusalFor } from './restrictions.js';
import { validAddressOrRange } from './settings.js';

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

describe('first~last spans', () => {
  it('parses two addresses of one family, the first not after the last', () => {
    expect(parseAddressSpan('192.168.0.10~192.168.0.20')).toEqual({ kind: 'ipv4', lo: 3232235530n, hi: 3232235540n });
    expect(parseAddressSpan(' 10.0.0.1 ~ 10.0.0.1 ')).toMatchObject({ lo: 167772161n, hi: 167772161n });
    expect(parseAddressSpan('2001:db8::1~2001:db8::ff')).toMatchObject({ kind: 'ipv6', lo: 0x20010db8000000000000000000000001n, hi: 0x20010db80000000000000000000000ffn });
    // An IPv4-mapped IPv6 end is its IPv4 address.
    expect(parseAddressSpan('::ffff:10.0.0.1~10.0.0.9')).toMatchObject({ kind: 'ipv4' });
    for (const bad of ['192.168.0.20~192.168.0.10', '10.0.0.1~2001:db8::1', '10.0.0.1~', '~10.0.0.1', '10.0.0.1~10.0.0.2~10.0.0.3', '10.0.0.0/8~10.1.0.0', '10.1~10.2', '0x0a.0.0.1~10.0.0.2', '10.0.0.256~10.0.0.300', 'a~b']) {
      expect(parseAddressSpan(bad), bad).toBeNull();
    }
  });

  it('matches every address of the span and nothing outside it, v4 and v6, beside other entries', () => {
    const allow = ['192.168.0.10~192.168.0.20', '2001:db8::10~2001:db8::1:0', '203.0.113.0/24', '10.0.0.9~10.0.0.1'];
    expect(addressAllowed('192.168.0.10', allow)).toBe(true);
    expect(addressAllowed('192.168.0.15', allow)).toBe(true);
    expect(addressAllowed('192.168.0.20', allow)).toBe(true);
    expect(addressAllowed('::ffff:192.168.0.20', allow)).toBe(true);
    expect(addressAllowed('192.168.0.9', allow)).toBe(false);
    expect(addressAllowed('192.168.0.21', allow)).toBe(false);
    expect(addressAllowed('2001:db8::ffff', allow)).toBe(true);
    expect(addressAllowed('2001:db8::1:1', allow)).toBe(false);
    expect(addressAllowed('203.0.113.7', allow)).toBe(true);
    // A reversed span is no entry at all (refused when saved): it lets nobody in.
    expect(addressAllowed('10.0.0.5', allow)).toBe(false);
  });

  it('is accepted where allow-lists are saved, and refused when malformed', () => {
    expect(validAddressOrRange('192.168.0.10~192.168.0.20')).toBe(true);
    expect(validAddressOrRange('2001:db8::1~2001:db8::2')).toBe(true);
    expect(validAddressOrRange('192.168.0.20~192.168.0.10')).toBe(false);
    expect(validAddressOrRange('192.168.0.1~::1')).toBe(false);
  });
});
