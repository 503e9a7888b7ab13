// The server's problems with a field's settings come keyed `properties.<code>.<attribute>` (and
// `properties.<table>.fields.<column>.<attribute>`); each input shows those under its own key.
import { ApiError } from '../../../api/client';

export interface FieldErrors {
  /** Messages for one attribute, or for anything beneath it (`options.x.index`). */
  at(attr: string): string | undefined;
  /** The same errors, for a table column. */
  column(code: string): FieldErrors;
}

export function fieldErrors(error: unknown, base: string): FieldErrors {
  const fields = error instanceof ApiError ? error.fields : {};
  const at = (attr: string) => {
    const exact = fields[`${base}.${attr}`]?.[0];
    if (exact) return exact;
    const prefix = `${base}.${attr}`;
    for (const [k, v] of Object.entries(fields)) if ((k.startsWith(`${prefix}.`) || k.startsWith(`${prefix}[`)) && v[0]) return v[0];
    return undefined;
  };
  return { at, column: (code) => fieldErrors(error, `${base}.fields.${code}`) };
}
