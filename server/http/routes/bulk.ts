// bulkRequest: up to 20 record writes run one after another in ONE transaction; the first that
// fails undoes them all and the answer names its index (`results[i]`, `{}` elsewhere) with that
// sub-request's status. Every sub-request is checked for shape and target before any runs.
import { BULK_PATH, bulkRequestInput } from '../../../common/api/bulk.js';
import { AppError } from '../../domain/app-error.js';
import { inTransaction } from '../../domain/context.js';
import { can } from '../../policy/can.js';
import { errorBody } from '../present/error-body.js';
import { type RouteSpec, defineRoute } from '../route.js';
import { parseInput } from '../validation.js';
import { recordRoutes } from './records.js';
import { statusRoutes } from './process.js';

// kintone allows record writes and the process-management record writes (status, assignees).
const TARGETS = new Map<string, RouteSpec<any>>();
for (const spec of [...recordRoutes, ...statusRoutes]) {
  if (spec.method !== 'GET') TARGETS.set(`${spec.method} ${spec.url}`, spec);
}

/**
 * The route a sub-request names. Exact paths only: no `..`, no other host, no query string, no
 * other API; and the same guest space as the bulk request itself — a sub-request under another
 * guest space's prefix, or on the plain path inside a guest space's bulk request, is refused
 * before anything runs (probe G5).
 */
function target(method: string, api: string, index: number, guestSpaceId: number | undefined): RouteSpec<any> {
  const m = /^\/k\/(?:guest\/([1-9]\d{0,14})\/)?v1\/([a-z/]+\.json)$/.exec(api);
  const samePath = m !== null && (m[1] === undefined ? guestSpaceId === undefined : Number(m[1]) === guestSpaceId);
  const spec = m && samePath ? TARGETS.get(`${method} /k/v1/${m[2]}`) : undefined;
  if (!spec) throw AppError.invalid({ [`requests[${index}].api`]: 'invalid' });
  return spec;
}

export const bulkRoutes = [
  defineRoute({
    method: 'POST',
    url: BULK_PATH,
    access: 'app.read',
    input: bulkRequestInput,
    handler: async (args) => {
      const { input, request, reply, actor, services, base } = args;
      const specs = input.requests.map((r, i) => target(r.method, r.api, i, request.guestSpaceId));
      for (const spec of specs) if (spec.access !== 'public' && spec.access !== 'signedIn' && !can(actor, spec.access)) throw new AppError('CB_NO02');
      let failedAt = -1;
      let results: unknown[] = [];
      try {
        await inTransaction(services, base, async (ctx) => {
          // A transaction that met a deadlock runs again from the start.
          results = [];
          for (const [i, sub] of input.requests.entries()) {
            failedAt = i;
            const spec = specs[i]!;
            const subInput = spec.input ? parseInput(spec.input, sub.payload) : undefined;
            results.push(await spec.handler({ ...args, input: subInput, command: (fn) => fn(ctx), read: () => ctx }));
          }
          failedAt = -1;
        });
      } catch (err) {
        // A busy database is no sub-request's fault: the whole call may be sent again.
        if (!(err instanceof AppError) || failedAt < 0 || err.code === 'CB_SU01') throw err;
        const answers = input.requests.map((_, i) => (i === failedAt ? errorBody(err, request.locale) : {}));
        request.log.info({ failedAt, code: err.code }, 'bulk request failed');
        return reply.code(err.status).send({ results: answers });
      }
      return { results };
    },
  }),
];
