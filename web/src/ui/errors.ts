// What a person reads when a call fails: the server's own localized sentence when it sent one
// (kintone's wording, the same text scripts see), ours when the server could not be reached.
import type { TFunction } from 'i18next';
import { ApiError, NETWORK_ERROR } from '../api/client';

export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return t('errors.network');
    // A server fault: its id is what an administrator finds in the log.
    if (error.message && error.status >= 500 && error.id) return `${error.message} ${t('errors.reference', { id: error.id })}`;
    if (error.message) return error.message;
  }
  return t('errors.unexpected');
}

export interface FormErrors {
  /** The line at the top of the form (kintone's "Missing or invalid input." for CB_VA01). */
  general: string | null;
  /** Field messages the form has no input for, listed under the general line. */
  others: string[];
  /** The message shown beneath one input. */
  field(name: string): string | undefined;
}

/** Splits a failed submit into the general line and messages next to the form's own inputs. */
export function formErrors(error: unknown, fields: readonly string[], t: TFunction): FormErrors {
  if (!error) return { general: null, others: [], field: () => undefined };
  const api = error instanceof ApiError ? error : null;
  const others: string[] = [];
  for (const [key, messages] of Object.entries(api?.fields ?? {})) {
    if (!fields.includes(key)) others.push(...messages);
  }
  return { general: errorText(error, t), others, field: (name) => api?.field(name) };
}
