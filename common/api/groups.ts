// /v1/groups.json — the cybozu User API shape for groups.
import { z } from 'zod';
import { codeRef, directoryCode, directoryDescription, directoryName, intParam, listParam, numericId } from './params.js';

export { codeRef, directoryCode, directoryDescription, directoryName };

export const GROUPS_PATH = '/v1/groups.json';
export const MAX_GROUPS_PER_CALL = 100;

export const listGroupsInput = z.object({
  ids: listParam(numericId, MAX_GROUPS_PER_CALL).optional(),
  codes: listParam(z.string().max(128), MAX_GROUPS_PER_CALL).optional(),
  offset: intParam(0, 1_000_000).default(0),
  size: intParam(1, MAX_GROUPS_PER_CALL).default(MAX_GROUPS_PER_CALL),
});

export const newGroup = z.object({
  code: directoryCode,
  name: directoryName,
  description: directoryDescription.optional(),
});
export type NewGroup = z.output<typeof newGroup>;

export const createGroupsInput = z.object({
  groups: z.array(newGroup).min(1).max(MAX_GROUPS_PER_CALL),
});

export const groupChange = z.object({
  code: codeRef,
  newCode: directoryCode.optional(),
  name: directoryName.optional(),
  description: directoryDescription.optional(),
});
export type GroupChange = z.output<typeof groupChange>;

export const updateGroupsInput = z.object({
  groups: z.array(groupChange).min(1).max(MAX_GROUPS_PER_CALL),
});

export const deleteGroupsInput = z.object({
  codes: listParam(codeRef, MAX_GROUPS_PER_CALL).min(1),
});

/** One group as the API returns it: id as a string, times as ISO-8601 UTC. */
export interface GroupJson {
  id: string;
  code: string;
  name: string;
  description: string;
  ctime: string;
  mtime: string;
}
