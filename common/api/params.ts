// Building blocks for request schemas. Query-string values always arrive as strings and
// kintone clients send ids either as numbers or as strings, so both are accepted.
import { z } from 'zod';

/** Ids we number ourselves stay within a 32-bit column on both databases. */
export const MAX_ID = 2_147_483_647;

export const numericId = z
  .union([z.number().int().positive(), z.string().regex(/^\d{1,10}$/, 'invalid')])
  .transform((v) => Number(v))
  .refine((n) => Number.isSafeInteger(n) && n > 0 && n <= MAX_ID, 'invalid');

/**
 * Record ids as clients send them: any safe integer. The CLI counts down from 2^53 − 1 for rows
 * it wants inserted by upsert; ids beyond our columns simply do not exist.
 */
export const recordIdParam = z
  .union([z.number().int().positive(), z.string().regex(/^\d{1,16}$/, 'invalid')])
  .transform((v) => Number(v))
  .refine((n) => Number.isSafeInteger(n) && n > 0, 'invalid');

export const boolParam = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .transform((v) => v === true || v === 'true');

export const intParam = (min: number, max: number) =>
  z
    .union([z.number().int(), z.string().regex(/^-?\d{1,10}$/, 'notNumber')])
    .transform((v) => Number(v))
    .pipe(z.number().int().min(min).max(max));

/** A list in `ids[0]=…` form or a JSON array; at most `max` items. */
export const listParam = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max);

export const localeParam = z.enum(['ja', 'en']);

/**
 * Login names and the codes of groups and organisations share one rule: letters (any script), digits
 * and `@ . _ + -`, so a code can sit in a URL, a query or a CSV column unquoted.
 */
export const directoryCode = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[\p{L}\p{N}@._+-]+$/u, 'invalid');

/** A code that names an existing row: looked up, never stored, so only its length is checked. */
export const codeRef = z.string().trim().min(1).max(128);

export const directoryName = z.string().trim().min(1).max(128);
export const directoryDescription = z.string().max(10_000);
