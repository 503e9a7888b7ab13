import { describe, expect, it } from 'vitest';
import { hashKey, isRecordFileKey, isUploadKey, newRecordFileKey, newUploadKey } from './keys.js';

describe('file keys', () => {
  it('makes UUID-shaped upload keys with 128 random bits', () => {
    const keys = Array.from({ length: 200 }, newUploadKey);
    expect(keys.every(isUploadKey)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    // A v4 UUID pins the version nibble; all 32 hex digits of ours vary.
    const versionNibbles = new Set(keys.map((k) => k[14]));
    expect(versionNibbles.size).toBeGreaterThan(1);
  });

  it('makes record file keys in kintone’s shape: UTC timestamp and 35 hex digits', () => {
    const key = newRecordFileKey(new Date('2026-04-29T08:31:12.345Z'));
    expect(key).toMatch(/^20260429083112[0-9A-F]{35}$/);
    expect(isRecordFileKey(key)).toBe(true);
    expect(isUploadKey(key)).toBe(false);
    expect(isRecordFileKey(newUploadKey())).toBe(false);
    expect(isRecordFileKey('20260429083112E4D0F4C8D4A14D5C9BC0B7A5A0E2E3B7103')).toBe(true);
  });

  it('stores keys as SHA-256 hex', () => {
    expect(hashKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
