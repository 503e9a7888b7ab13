// The contract, licence usage, the guests' licence states and the estimate (administrators).
import type { z } from 'zod';
import { CONTRACT_PATH, ESTIMATE_CSV_PATH, ESTIMATE_PATH, LICENCE_GUESTS_PATH, LICENCE_USAGE_PATH } from '../../../common/api/licences.js';
import type { ContractJson, ContractResponse, EstimateJson, LicenceGuestsResponse, UsageJson, contractInput } from '../../../common/api/licences.js';
import type { LicenceState } from '../../../common/licences/guest-licence.js';
import { api, queryString } from './client';

export async function getContract(): Promise<ContractJson | null> {
  return (await api<ContractResponse>('GET', CONTRACT_PATH)).contract;
}

export async function saveContract(input: z.input<typeof contractInput>): Promise<ContractJson | null> {
  return (await api<ContractResponse>('PUT', CONTRACT_PATH, { body: input })).contract;
}

export async function removeContract(): Promise<void> {
  await api('DELETE', CONTRACT_PATH);
}

export function getUsage(): Promise<UsageJson> {
  return api<UsageJson>('GET', LICENCE_USAGE_PATH);
}

export function listLicenceGuests(state: LicenceState | undefined, offset: number, limit: number): Promise<LicenceGuestsResponse> {
  return api<LicenceGuestsResponse>('GET', LICENCE_GUESTS_PATH, { query: { state, offset, limit } });
}

export function getEstimate(): Promise<EstimateJson> {
  return api<EstimateJson>('GET', ESTIMATE_PATH);
}

export function estimateCsvHref(locale: 'ja' | 'en'): string {
  return ESTIMATE_CSV_PATH + queryString({ locale });
}
