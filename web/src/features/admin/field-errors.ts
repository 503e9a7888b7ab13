// The server names a bad input by its place in the request (`users[0].email`,
// `guests.licences`, `ipRestriction.allow[3]`); a form shows it beneath its own input. This turns
// those keys into the form's field names, like ui/errors.ts formErrors does for flat ones.
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { errorText, type FormErrors } from '../../ui/errors';

/**
 * `toField(key)`: the form's field for a server key; `null` when the form has none (the message
 * is listed under the general line), `false` when the form shows it some other way.
 */
export function keyedErrors(error: unknown, t: TFunction, toField: (key: string) => string | null | false): FormErrors {
  if (!error) return { general: null, others: [], field: () => undefined };
  const byField = new Map<string, string>();
  const others: string[] = [];
  const fields = error instanceof ApiError ? error.fields : {};
  for (const [key, messages] of Object.entries(fields)) {
    const name = toField(key);
    if (name === false) continue;
    if (name === null) others.push(...messages);
    else if (!byField.has(name) && messages[0]) byField.set(name, messages[0]);
  }
  return { general: errorText(error, t), others, field: (name) => byField.get(name) };
}

/** Keys of one item of a list request (`users[0].email` → `email`), for the given fields. */
export function itemField(prefix: string, fields: readonly string[]): (key: string) => string | null {
  return (key) => {
    if (!key.startsWith(prefix)) return null;
    const rest = key.slice(prefix.length);
    return fields.includes(rest) ? rest : null;
  };
}

/** Keys that are the form's field names as they are (dotted paths included). */
export function sameField(fields: readonly string[]): (key: string) => string | null {
  return (key) => (fields.includes(key) ? key : null);
}
