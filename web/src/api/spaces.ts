// Typed calls for spaces: the space itself, its body, members and people, cover, join/leave,
// favourites, links, search, templates, guests and invitations. Paths, inputs and answers come
// from common/api; every kintone path goes through the place (`/k/guest/<id>/v1/…` inside a
// guest space). What a person may do is what GET /v1/space/access.json says.
import type { z } from 'zod';
import {
  SPACE_LINKS_PATH,
  SPACE_SEARCH_PATH,
  SPACE_TEMPLATES_PATH,
  TEMPLATE_SPACE_PATH,
  type spaceLinkInput,
  type SpaceLinkJson,
  type SpaceSearchHitJson,
  type SpaceTemplateJson,
  type spaceFromTemplateInput,
} from '../../../common/api/space-extras.js';
import {
  SPACE_ACCESS_PATH,
  SPACE_MEMBER_CANDIDATES_PATH,
  SPACE_PEOPLE_PATH,
  type MemberCandidateJson,
  type SpaceAccessJson,
  type SpacePeopleJson,
} from '../../../common/api/space-people.js';
import {
  MY_SPACES_PATH,
  SPACE_BODY_PATH,
  SPACE_COVER_PATH,
  SPACE_FAVOURITE_PATH,
  SPACE_JOIN_PATH,
  SPACE_LEAVE_PATH,
  SPACE_MEMBERS_PATH,
  SPACE_PATH,
  type MySpaceJson,
  type SpaceJson,
  type SpaceMemberInput,
  type UpdateSpaceCoverInput,
  type createSpaceInput,
  type updateSpaceInput,
} from '../../../common/api/spaces.js';
import { SPACE_GUESTS_PATH } from '../../../common/api/guests.js';
import {
  SPACE_INVITATIONS_PATH,
  SPACE_INVITATION_PATH,
  SPACE_INVITATION_RESEND_PATH,
  type InvitationJson,
  type InviteResultJson,
} from '../../../common/api/invitations.js';
import { api } from './client';
import type { Place } from './place';

export type { MySpaceJson, SpaceJson, SpaceAccessJson, SpacePeopleJson, SpaceLinkJson, SpaceSearchHitJson, SpaceTemplateJson, InvitationJson };

/** The server's page size for the portal's list. */
const PAGE = 100;

export async function listMySpaces(): Promise<MySpaceJson[]> {
  const out: MySpaceJson[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { spaces } = await api<{ spaces: MySpaceJson[] }>('GET', MY_SPACES_PATH, { query: { offset, limit: PAGE } });
    out.push(...spaces);
    if (spaces.length < PAGE) return out;
  }
}

export function setFavourite(id: string, favourite: boolean): Promise<unknown> {
  return api('PUT', SPACE_FAVOURITE_PATH, { body: { id, favourite } });
}

export function getSpace(place: Place, id: string): Promise<SpaceJson> {
  return api<SpaceJson>('GET', place.k(SPACE_PATH), { query: { id } });
}

export function getSpaceAccess(id: string): Promise<SpaceAccessJson> {
  return api<SpaceAccessJson>('GET', SPACE_ACCESS_PATH, { query: { id } });
}

export function getSpacePeople(id: string): Promise<SpacePeopleJson> {
  return api<SpacePeopleJson>('GET', SPACE_PEOPLE_PATH, { query: { id } });
}

export async function memberCandidates(kind: MemberCandidateJson['type'], keyword: string, signal?: AbortSignal): Promise<MemberCandidateJson[]> {
  const res = await api<{ entities: MemberCandidateJson[] }>('GET', SPACE_MEMBER_CANDIDATES_PATH, {
    query: { kind, keyword: keyword || undefined, limit: 20 },
    ...(signal ? { signal } : {}),
  });
  return res.entities;
}

export function createSpace(input: z.input<typeof createSpaceInput>): Promise<{ id: string; defaultThread: string }> {
  return api('POST', SPACE_PATH, { body: input });
}

export function createSpaceFromTemplate(input: z.input<typeof spaceFromTemplateInput>): Promise<{ id: string }> {
  return api('POST', TEMPLATE_SPACE_PATH, { body: input });
}

export async function listTemplates(): Promise<SpaceTemplateJson[]> {
  const res = await api<{ templates: SpaceTemplateJson[] }>('GET', SPACE_TEMPLATES_PATH);
  return res.templates;
}

export function updateSpace(place: Place, input: z.input<typeof updateSpaceInput>): Promise<unknown> {
  return api('PUT', place.k(SPACE_PATH), { body: input });
}

export function deleteSpace(place: Place, id: string): Promise<unknown> {
  return api('DELETE', place.k(SPACE_PATH), { body: { id } });
}

export function updateSpaceBody(place: Place, id: string, body: string): Promise<unknown> {
  return api('PUT', place.k(SPACE_BODY_PATH), { body: { id, body } });
}

export function setSpaceMembers(place: Place, id: string, members: SpaceMemberInput[]): Promise<unknown> {
  return api('PUT', place.k(SPACE_MEMBERS_PATH), { body: { id, members } });
}

export function setSpaceCover(place: Place, input: Omit<UpdateSpaceCoverInput, 'id'> & { id: string }): Promise<unknown> {
  return api('PUT', place.k(SPACE_COVER_PATH), { body: input });
}

export function joinSpace(place: Place, id: string): Promise<unknown> {
  return api('POST', place.k(SPACE_JOIN_PATH), { body: { id } });
}

export function leaveSpace(place: Place, id: string): Promise<unknown> {
  return api('POST', place.k(SPACE_LEAVE_PATH), { body: { id } });
}

export async function getSpaceLinks(place: Place, id: string): Promise<SpaceLinkJson[]> {
  const res = await api<{ links: SpaceLinkJson[] }>('GET', place.k(SPACE_LINKS_PATH), { query: { id } });
  return res.links;
}

export function setSpaceLinks(place: Place, id: string, links: Array<z.input<typeof spaceLinkInput>>): Promise<unknown> {
  return api('PUT', place.k(SPACE_LINKS_PATH), { body: { id, links } });
}

export function searchSpace(place: Place, id: string, keyword: string, offset: number, limit = 20): Promise<{ hits: SpaceSearchHitJson[]; hasMore: boolean }> {
  return api('GET', place.k(SPACE_SEARCH_PATH), { query: { id, keyword, offset, limit } });
}

/** The guest space's guests by e-mail (PUT replaces the whole list: removing one sends the rest). */
export function setSpaceGuests(place: Place, id: string, guests: string[]): Promise<unknown> {
  return api('PUT', place.k(SPACE_GUESTS_PATH), { body: { id, guests } });
}

export async function listInvitations(place: Place, id: string): Promise<InvitationJson[]> {
  const out: InvitationJson[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const res = await api<{ invitations: InvitationJson[] }>('GET', place.k(SPACE_INVITATIONS_PATH), { query: { id, offset, limit: PAGE } });
    out.push(...res.invitations);
    if (res.invitations.length < PAGE || offset > 2000) return out;
  }
}

export async function inviteGuests(place: Place, id: string, emails: string[], message: string, locale?: 'ja' | 'en'): Promise<InviteResultJson[]> {
  const res = await api<{ invitations: InviteResultJson[] }>('POST', place.k(SPACE_INVITATIONS_PATH), {
    body: { id, emails, ...(message ? { message } : {}), ...(locale ? { locale } : {}) },
  });
  return res.invitations;
}

export function resendInvitation(place: Place, id: string, invitation: string): Promise<unknown> {
  return api('POST', place.k(SPACE_INVITATION_RESEND_PATH), { body: { id, invitation } });
}

export function cancelInvitation(place: Place, id: string, invitation: string): Promise<unknown> {
  return api('DELETE', place.k(SPACE_INVITATION_PATH), { body: { id, invitation } });
}
