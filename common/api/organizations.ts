// /v1/organizations.json — the cybozu User API shape for organisations (departments).
import { z } from 'zod';
import { codeRef, directoryCode, directoryDescription, directoryName } from './params.js';
import { intParam, listParam, numericId } from './params.js';

export const ORGANIZATIONS_PATH = '/v1/organizations.json';
export const MAX_ORGANIZATIONS_PER_CALL = 100;

const sortOrder = intParam(0, 1_000_000_000).nullable();

/** Spreadsheet-driven scripts send "" for "no parent"; it means the same as null. */
const parentCode = z
  .union([z.null(), z.string().trim().max(128)])
  .transform((v) => (v === '' ? null : v));

export const listOrganizationsInput = z.object({
  ids: listParam(numericId, MAX_ORGANIZATIONS_PER_CALL).optional(),
  codes: listParam(z.string().max(128), MAX_ORGANIZATIONS_PER_CALL).optional(),
  offset: intParam(0, 1_000_000).default(0),
  size: intParam(1, MAX_ORGANIZATIONS_PER_CALL).default(MAX_ORGANIZATIONS_PER_CALL),
});

export const newOrganization = z.object({
  code: directoryCode,
  name: directoryName,
  parentCode: parentCode.optional(),
  description: directoryDescription.optional(),
  sortOrder: sortOrder.optional(),
});
export type NewOrganization = z.output<typeof newOrganization>;

export const createOrganizationsInput = z.object({
  organizations: z.array(newOrganization).min(1).max(MAX_ORGANIZATIONS_PER_CALL),
});

export const organizationChange = z.object({
  code: codeRef,
  newCode: directoryCode.optional(),
  name: directoryName.optional(),
  /** Absent: unchanged; null (or ""): moves the organisation to the top level. */
  parentCode: parentCode.optional(),
  description: directoryDescription.optional(),
  sortOrder: sortOrder.optional(),
});
export type OrganizationChange = z.output<typeof organizationChange>;

export const updateOrganizationsInput = z.object({
  organizations: z.array(organizationChange).min(1).max(MAX_ORGANIZATIONS_PER_CALL),
});

export const deleteOrganizationsInput = z.object({
  codes: listParam(codeRef, MAX_ORGANIZATIONS_PER_CALL).min(1),
});

export interface OrganizationJson {
  id: string;
  code: string;
  name: string;
  description: string;
  parentCode: string | null;
  sortOrder: number | null;
  ctime: string;
  mtime: string;
}
