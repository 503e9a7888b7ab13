// Around a space: templates (ours to save, list and delete; kintone's template/space.json to use
// one), the "Related apps & spaces" links, search inside a space (ours), and kintone's
// spaces/statistics.json. Request schemas and the shapes they answer, shared by the server, the
// web client and the tests.
import { z } from 'zod';
import { boolParam, intParam, listParam, numericId } from './params.js';
import { MAX_SPACE_MEMBERS, MAX_SPACE_NAME, spaceMemberInput } from './spaces.js';

/** Ours, administrators: save a space as a template, list and delete templates. */
export const SPACE_TEMPLATES_PATH = '/v1/space/templates.json';
/** kintone's: a new space from a template. Plain path only (`guest: false`). */
export const TEMPLATE_SPACE_PATH = '/k/v1/template/space.json';
/** Ours: the "Related apps & spaces" widget; served under the guest prefix too. */
export const SPACE_LINKS_PATH = '/k/v1/space/links.json';
/** Ours: search inside one space; served under the guest prefix too. */
export const SPACE_SEARCH_PATH = '/k/v1/space/search.json';
/** kintone's: plain path only. */
export const SPACES_STATISTICS_PATH = '/k/v1/spaces/statistics.json';

export const MAX_TEMPLATE_NAME = 128;
export const MAX_SPACE_LINKS = 50;
export const MAX_LINK_URL = 2048;
export const MAX_LINK_TITLE = 128;
export const MAX_SEARCH_KEYWORD = 100;
export const MAX_SEARCH_LIMIT = 100;
/** Hits beyond this many (offset + limit) are never looked for: search is bounded work. */
export const MAX_SEARCH_WINDOW = 500;

const templateName = z.string().trim().min(1).max(MAX_TEMPLATE_NAME);

export const saveTemplateInput = z.object({ space: numericId, name: templateName });
export const templateIdInput = z.object({ id: numericId });

export const spaceFromTemplateInput = z.object({
  id: numericId,
  name: z.string().trim().min(1).max(MAX_SPACE_NAME),
  members: listParam(spaceMemberInput, MAX_SPACE_MEMBERS).min(1),
  isPrivate: boolParam.optional(),
  isGuest: boolParam.optional(),
  fixedMember: boolParam.optional(),
});
export type SpaceFromTemplateInput = z.output<typeof spaceFromTemplateInput>;

export interface SpaceTemplateJson {
  id: string;
  name: string;
  creator: { code: string; name: string };
  createdAt: string;
  appCount: string;
  threadCount: string;
}

/** Only http and https: a `javascript:` or `data:` link in the widget would run in the reader's page. */
function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export const spaceLinkInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('APP'), app: numericId }),
  z.object({ type: z.literal('SPACE'), space: numericId }),
  z.object({
    type: z.literal('URL'),
    url: z.string().trim().min(1).max(MAX_LINK_URL).refine(isHttpUrl, 'httpUrl'),
    title: z.string().trim().max(MAX_LINK_TITLE).optional(),
  }),
]);
export type SpaceLinkInput = z.output<typeof spaceLinkInput>;

export const updateSpaceLinksInput = z.object({ id: numericId, links: listParam(spaceLinkInput, MAX_SPACE_LINKS) });

export type SpaceLinkJson =
  | { type: 'APP'; app: string; name: string }
  | { type: 'SPACE'; space: string; name: string }
  | { type: 'URL'; url: string; title: string };

export const searchSpaceInput = z.object({
  id: numericId,
  keyword: z.string().trim().min(1).max(MAX_SEARCH_KEYWORD),
  offset: intParam(0, MAX_SEARCH_WINDOW - 1).default(0),
  limit: intParam(1, MAX_SEARCH_LIMIT).default(20),
});
export type SearchSpaceInput = z.output<typeof searchSpaceInput>;

export type SpaceSearchHitJson =
  | { type: 'THREAD'; space: string; thread: string; title: string; excerpt: string }
  | { type: 'COMMENT'; space: string; thread: string; comment: string; title: string; excerpt: string }
  | { type: 'APP'; space: string; app: string; title: string; excerpt: string }
  | { type: 'RECORD'; space: string; app: string; record: string; title: string; excerpt: string };

export const spacesStatisticsInput = z.object({
  offset: intParam(0, 1_000_000).default(0),
  limit: intParam(1, 100).default(100),
});

export interface SpaceStatisticsJson {
  id: string;
  name: string;
  isPrivate: boolean;
  isGuest: boolean;
  administratorCount: string;
  memberCount: string;
  threadCount: string;
  appCount: string;
  createdAt: string;
  creator: { code: string; name: string };
  modifiedAt: string;
  modifier: { code: string; name: string };
}
