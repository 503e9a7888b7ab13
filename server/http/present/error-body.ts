import { ERRORS, FIELD_MESSAGES, type ErrorBody, format } from '../../../common/errors.js';
import type { Locale } from '../../../common/access.js';
import { randomString } from '../../../common/ids.js';
import type { AppError } from '../../domain/app-error.js';

function localised(params: AppError['options']['params'], locale: Locale): Record<string, string | number> | undefined {
  if (!params) return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'object' ? v[locale] : v;
  return out;
}

/** kintone's error body: `{code, id, message, errors?}` in the caller's locale. */
export function errorBody(err: AppError, locale: Locale): ErrorBody {
  const body: ErrorBody = {
    code: err.code,
    id: randomString(20),
    message: format(ERRORS[err.code].message[locale], localised(err.options.params, locale)),
  };
  if (err.options.errors) {
    body.errors = {};
    for (const [key, problems] of Object.entries(err.options.errors)) {
      body.errors[key] = { messages: problems.map((p) => format(FIELD_MESSAGES[p.key][locale], p.params)) };
    }
  }
  return body;
}
