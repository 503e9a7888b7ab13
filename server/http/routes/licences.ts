// The contract, licence usage, the guests' licence states and the estimate (ours):
// administrators only.
import {
  CONTRACT_PATH,
  ESTIMATE_CSV_PATH,
  ESTIMATE_PATH,
  type EstimateJson,
  LICENCE_GUESTS_PATH,
  LICENCE_USAGE_PATH,
  contractInput,
  estimateQuery,
  licenceGuestsQuery,
} from '../../../common/api/licences.js';
import { dayOf } from '../../../common/licences/calendar.js';
import { contractOf, removeContract, setContract } from '../../domain/licences/contract.js';
import { licenceEstimate } from '../../domain/licences/estimate.js';
import { estimateCsv } from '../../domain/licences/estimate-csv.js';
import { licenceUsage, listGuestLicences } from '../../domain/licences/usage.js';
import { defineRoute } from '../route.js';

export const licenceRoutes = [
  defineRoute({
    method: 'GET',
    url: CONTRACT_PATH,
    access: 'licence.manage',
    handler: async ({ read }) => {
      const ctx = read();
      return { contract: await contractOf(ctx.db, ctx.actor.domainId) };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: CONTRACT_PATH,
    access: 'licence.manage',
    input: contractInput,
    handler: async ({ input, command }) => ({ contract: await command((ctx) => setContract(ctx, input)) }),
  }),
  defineRoute({
    method: 'DELETE',
    url: CONTRACT_PATH,
    access: 'licence.manage',
    handler: async ({ command }) => {
      await command((ctx) => removeContract(ctx));
      return {};
    },
  }),
  defineRoute({
    method: 'GET',
    url: LICENCE_USAGE_PATH,
    access: 'licence.manage',
    handler: async ({ read }) => licenceUsage(read()),
  }),
  defineRoute({
    method: 'GET',
    url: LICENCE_GUESTS_PATH,
    access: 'licence.manage',
    input: licenceGuestsQuery,
    handler: async ({ input, read }) => listGuestLicences(read(), input),
  }),
  defineRoute({
    method: 'GET',
    url: ESTIMATE_PATH,
    access: 'licence.manage',
    handler: async ({ read }): Promise<EstimateJson> => licenceEstimate(read()),
  }),
  defineRoute({
    method: 'GET',
    url: ESTIMATE_CSV_PATH,
    access: 'licence.manage',
    input: estimateQuery,
    handler: async ({ input, read, reply }) => {
      const ctx = read();
      const csv = estimateCsv(await licenceEstimate(ctx), input.locale ?? ctx.locale);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="engawa-estimate-${dayOf(ctx.now)}.csv"`)
        .send(csv);
    },
  }),
];
