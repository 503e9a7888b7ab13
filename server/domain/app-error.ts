import { ERRORS, type ErrorCode, type FieldMessageKey } from '../../common/errors.js';

export interface FieldProblem {
  key: FieldMessageKey;
  params?: Record<string, string | number>;
}

/**
 * The one error the domain throws. It carries codes and message keys, not sentences: the HTTP
 * layer renders them in the caller's locale as kintone's `{code, id, message, errors}` body.
 */
/** A message parameter: plain, or worded per locale (e.g. a formula problem's description). */
export type ErrorParam = string | number | { ja: string; en: string };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: {
      params?: Record<string, ErrorParam>;
      errors?: Record<string, FieldProblem[]>;
      status?: number;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(`${code}${options.errors ? ` ${Object.keys(options.errors).join(', ')}` : ''}`);
    this.status = options.status ?? ERRORS[code].status;
  }

  /** CB_VA01 naming the offending parameters. */
  static invalid(errors: Record<string, FieldProblem[] | FieldMessageKey>): AppError {
    const normalised: Record<string, FieldProblem[]> = {};
    for (const [k, v] of Object.entries(errors)) normalised[k] = typeof v === 'string' ? [{ key: v }] : v;
    return new AppError('CB_VA01', { errors: normalised });
  }
}
