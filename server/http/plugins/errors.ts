// One error handler: every failure leaves as kintone's `{code, id, message, errors?}` in the
// caller's locale, never a stack trace. Unexpected errors are logged with the same id the
// caller sees, so a support request can be matched to the log line.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/app-error.js';
import { errorBody } from '../present/error-body.js';

function fromFastify(err: FastifyError): AppError | null {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('CB_IJ01');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('CB_RL01');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return new AppError('CB_UT01');
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return AppError.invalid({ url: 'invalid' });
    case 'FST_ERR_ROUTE_MISSING_CONTENT_TYPE':
      return AppError.invalid({ 'Content-Type': 'required' });
  }
  // secure-json-parse's prototype-poisoning refusal and JSON syntax errors
  if (err instanceof SyntaxError || /prototype|constructor/i.test(err.message ?? '')) {
    if ((err.statusCode ?? 500) === 400) return new AppError('CB_IJ01');
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    if (err.statusCode === 413) return new AppError('CB_RL01');
    if (err.statusCode === 415) return new AppError('CB_UT01');
    // kintone's CB_VA01 always carries an `errors` map; clients index into it.
    return new AppError('CB_VA01', { status: err.statusCode, errors: { '(request)': [{ key: 'invalid' }] } });
  }
  return null;
}

export function sendError(request: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  const body = errorBody(err, request.locale ?? 'ja');
  const level = err.status >= 500 ? 'error' : 'info';
  request.log[level]({ errorId: body.id, code: body.code, status: err.status, errors: body.errors }, 'request failed');
  if (err.status === 429) reply.header('X-Cybozu-Error', body.code);
  for (const [k, v] of Object.entries(err.options.headers ?? {})) reply.header(k, v);
  return reply.code(err.status).header('cache-control', 'no-store').send(body);
}

/**
 * Fastify answers a malformed URL (bad percent-encoding) or an over-long path parameter before
 * routing, with its own body, unless given this: then they too leave as kintone's body (D1).
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendError(request, reply, fromFastify(error) ?? AppError.invalid({ url: 'invalid' }));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = error instanceof AppError ? error : fromFastify(error);
    if (known) return sendError(request, reply, known);
    const body = errorBody(new AppError('CB_IE01'), request.locale ?? 'ja');
    request.log.error({ err: error, errorId: body.id }, 'unexpected error');
    return reply.code(500).header('cache-control', 'no-store').send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const otherMethods = ['GET', 'POST', 'PUT', 'DELETE'].filter(
      (m) => m !== request.method && app.hasRoute({ method: m as 'GET', url: path }),
    );
    if (otherMethods.length > 0) {
      reply.header('allow', otherMethods.join(', '));
      return sendError(request, reply, new AppError('CB_ME01'));
    }
    return sendError(request, reply, new AppError('CB_NF01'));
  });
}
