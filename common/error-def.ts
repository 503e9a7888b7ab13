import type { Locale } from './access.js';

/** One error code: the HTTP status it answers with, and its sentence in each locale. */
export interface ErrorDef {
  status: number;
  message: Record<Locale, string>;
}
