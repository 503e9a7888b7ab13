// Errors as kintone answers them. The tables live beside this file (error-codes.ts,
// field-messages.ts); this module is what the rest of the code imports.
import type { Locale } from './access.js';

export type { Locale };
export const LOCALES: readonly Locale[] = ['ja', 'en'];

export { ERRORS, type ErrorCode } from './error-codes.js';
export { FIELD_MESSAGES, type FieldMessageKey, FORMULA_MESSAGES, type FormulaMessageKey } from './field-messages.js';

export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

export interface ErrorBody {
  code: string;
  id: string;
  message: string;
  errors?: Record<string, { messages: string[] }>;
}

