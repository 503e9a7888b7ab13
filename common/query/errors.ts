// The one error the query module throws. It carries codes and message keys, never sentences,
// so the server renders it in the caller's locale like every other error (AppError).

import { FIELD_MESSAGES, format, type ErrorCode, type FieldMessageKey } from '../errors.js';

/** Keys of FIELD_MESSAGES that may appear under `errors.query` of a CB_VA01 answer. */
export type QueryMessageKey = Extract<
  FieldMessageKey,
  'querySyntax' | 'queryTooLong' | 'queryTooComplex' | 'queryCursorOptions' | 'notNumber'
>;

type Params = Record<string, string | number>;

/** Input echoed in a message is cut to this many characters: a hostile query must not be mirrored. */
export const MAX_ECHO = 100;

export function clip(text: string): string {
  if (text.length <= MAX_ECHO) return text;
  let cut = MAX_ECHO - 1;
  // Never leave half of a surrogate pair at the end.
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

function clipAll(params: Params | undefined): Params | undefined {
  if (!params) return undefined;
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' ? clip(v) : v;
  return out;
}

export class QueryError extends Error {
  readonly code: ErrorCode;
  /** Parameters of the top-level message (ERRORS[code]). */
  readonly params?: Params;
  /** For CB_VA01: the `errors.query` message. */
  readonly messageKey?: QueryMessageKey;
  readonly messageParams?: Params;
  /** Offset in the query text where the problem was found, when known. */
  readonly pos?: number;

  constructor(
    code: ErrorCode,
    options: { params?: Params; messageKey?: QueryMessageKey; messageParams?: Params; pos?: number } = {},
  ) {
    // The Error message is for logs: codes and an offset only, never the query text.
    super(`${code}${options.messageKey ? ` ${options.messageKey}` : ''}${options.pos === undefined ? '' : ` at ${options.pos}`}`);
    this.name = 'QueryError';
    this.code = code;
    const params = clipAll(options.params);
    if (params) this.params = params;
    if (options.messageKey) this.messageKey = options.messageKey;
    const messageParams = clipAll(options.messageParams);
    if (messageParams) this.messageParams = messageParams;
    if (options.pos !== undefined) this.pos = options.pos;
  }
}

export function syntaxError(pos?: number): QueryError {
  return new QueryError('CB_VA01', pos === undefined ? { messageKey: 'querySyntax' } : { messageKey: 'querySyntax', pos });
}

export function tooComplex(pos?: number): QueryError {
  return new QueryError('CB_VA01', pos === undefined ? { messageKey: 'queryTooComplex' } : { messageKey: 'queryTooComplex', pos });
}

export interface QueryErrorParts {
  code: ErrorCode;
  params: Params;
  /** The `errors.query.messages` entries, already rendered in both locales. */
  queryMessages: { ja: string; en: string }[];
  /** The same as message keys, shaped like AppError's FieldProblem, for `errors: { query }`. */
  queryProblems: { key: QueryMessageKey; params?: Params }[];
}

/**
 * What the server needs to answer like kintone: `new AppError(code, { params, errors: { query:
 * queryProblems } })` when queryProblems is non-empty, else `new AppError(code, { params })`.
 */
export function toErrorParts(e: QueryError): QueryErrorParts {
  const parts: QueryErrorParts = { code: e.code, params: e.params ?? {}, queryMessages: [], queryProblems: [] };
  if (e.messageKey) {
    const template = FIELD_MESSAGES[e.messageKey];
    parts.queryMessages.push({
      ja: format(template.ja, e.messageParams),
      en: format(template.en, e.messageParams),
    });
    parts.queryProblems.push(e.messageParams ? { key: e.messageKey, params: e.messageParams } : { key: e.messageKey });
  }
  return parts;
}
