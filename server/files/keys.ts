// File keys are bearer handles: whoever holds one may use it within the rules of its kind. Both
// kinds carry at least 128 random bits and are stored only as their SHA-256.
import { createHash, randomBytes } from 'node:crypto';

/** kintone's upload keys look like UUIDs; ours use all 128 bits (a v4 UUID keeps only 122). */
export const UPLOAD_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** kintone's record file keys: a UTC timestamp (yyyyMMddHHmmss) and 35 upper-case hex digits. */
export const RECORD_FILE_KEY = /^\d{14}[0-9A-F]{35}$/;

export function newUploadKey(): string {
  const h = randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** 140 random bits after the timestamp, which only mirrors kintone's look and adds no secrecy. */
export function newRecordFileKey(now: Date): string {
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  return stamp + randomBytes(18).toString('hex').slice(0, 35).toUpperCase();
}

/** Lets the records engine tell a new upload from a kept file in a FILE value. */
export function isUploadKey(key: string): boolean {
  return UPLOAD_KEY.test(key);
}

export function isRecordFileKey(key: string): boolean {
  return RECORD_FILE_KEY.test(key);
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
