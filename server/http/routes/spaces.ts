// Spaces: kintone's space.json, space/body.json and space/members.json (served under guest
// spaces' paths too), our POST space.json, cover, join and leave, and the portal's list with
// favourites. Every space is loaded through spaceFor, which applies the path rules.
import {
  MY_SPACES_PATH,
  SPACE_BODY_PATH,
  SPACE_COVER_PATH,
  SPACE_FAVOURITE_PATH,
  SPACE_JOIN_PATH,
  SPACE_LEAVE_PATH,
  SPACE_MEMBERS_PATH,
  SPACE_PATH,
  createSpaceInput,
  listMySpacesInput,
  setFavouriteInput,
  spaceIdParam,
  updateSpaceBodyInput,
  updateSpaceCoverInput,
  updateSpaceInput,
  updateSpaceMembersInput,
} from '../../../common/api/spaces.js';
import { sendDownload } from '../present/download.js';
import { createSpace } from '../../domain/spaces/create-space.js';
import { deleteSpace } from '../../domain/spaces/delete-space.js';
import { getSpace } from '../../domain/spaces/get-space.js';
import { favouriteSpace } from '../../domain/spaces/favourite-space.js';
import { joinSpace } from '../../domain/spaces/join-space.js';
import { leaveSpace } from '../../domain/spaces/leave-space.js';
import { listMySpaces } from '../../domain/spaces/list-my-spaces.js';
import { listSpaceMembers } from '../../domain/spaces/list-space-members.js';
import { openSpaceCover } from '../../domain/spaces/open-space-cover.js';
import { setSpaceCover } from '../../domain/spaces/set-space-cover.js';
import { updateSpace } from '../../domain/spaces/update-space.js';
import { updateSpaceBody } from '../../domain/spaces/update-space-body.js';
import { setSpaceMembers } from '../../domain/spaces/set-space-members.js';
import { defineRoute } from '../route.js';

export const spaceRoutes = [
  defineRoute({
    method: 'POST',
    url: SPACE_PATH,
    access: 'space.create',
    // A guest space is created on the plain path; everything after lives under its own.
    guest: false,
    input: createSpaceInput,
    handler: async ({ input, command }) => {
      const { id, defaultThread } = await command((ctx) => createSpace(ctx, input));
      return { id: String(id), defaultThread: String(defaultThread) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: SPACE_PATH,
    access: 'signedIn',
    input: spaceIdParam,
    handler: async ({ input, read }) => getSpace(read(), input.id),
  }),
  defineRoute({
    method: 'PUT',
    url: SPACE_PATH,
    access: 'signedIn',
    input: updateSpaceInput,
    handler: async ({ input, command }) => {
      await command((ctx) => updateSpace(ctx, input));
      return {};
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: SPACE_PATH,
    access: 'signedIn',
    input: spaceIdParam,
    handler: async ({ input, command }) => {
      await command((ctx) => deleteSpace(ctx, input.id));
      return {};
    },
  }),
  defineRoute({
    method: 'PUT',
    url: SPACE_BODY_PATH,
    access: 'signedIn',
    input: updateSpaceBodyInput,
    handler: async ({ input, command }) => {
      await command((ctx) => updateSpaceBody(ctx, input.id, input.body));
      return {};
    },
  }),
  defineRoute({
    method: 'GET',
    url: SPACE_MEMBERS_PATH,
    access: 'signedIn',
    input: spaceIdParam,
    handler: async ({ input, read }) => ({ members: await listSpaceMembers(read(), input.id) }),
  }),
  defineRoute({
    method: 'PUT',
    url: SPACE_MEMBERS_PATH,
    access: 'signedIn',
    input: updateSpaceMembersInput,
    handler: async ({ input, command }) => {
      await command((ctx) => setSpaceMembers(ctx, input.id, input.members));
      return {};
    },
  }),
  defineRoute({
    method: 'PUT',
    url: SPACE_COVER_PATH,
    access: 'signedIn',
    input: updateSpaceCoverInput,
    handler: async ({ input, command }) => {
      await command((ctx) => setSpaceCover(ctx, input));
      return {};
    },
  }),
  defineRoute({
    method: 'GET',
    url: SPACE_COVER_PATH,
    access: 'signedIn',
    input: spaceIdParam,
    handler: async ({ input, read, reply }) => {
      const file = await openSpaceCover(read(), input.id);
      return sendDownload(reply, file, 'private, no-cache');
    },
  }),
  defineRoute({
    method: 'POST',
    url: SPACE_JOIN_PATH,
    access: 'signedIn',
    input: spaceIdParam,
    handler: async ({ input, command }) => {
      await command((ctx) => joinSpace(ctx, input.id));
      return {};
    },
  }),
  defineRoute({
    method: 'POST',
    url: SPACE_LEAVE_PATH,
    access: 'signedIn',
    input: spaceIdParam,
    handler: async ({ input, command }) => {
      await command((ctx) => leaveSpace(ctx, input.id));
      return {};
    },
  }),
  defineRoute({
    method: 'GET',
    url: MY_SPACES_PATH,
    access: 'signedIn',
    input: listMySpacesInput,
    handler: async ({ input, read }) => ({ spaces: await listMySpaces(read(), input) }),
  }),
  defineRoute({
    method: 'PUT',
    url: SPACE_FAVOURITE_PATH,
    access: 'signedIn',
    input: setFavouriteInput,
    handler: async ({ input, command }) => {
      await command((ctx) => favouriteSpace(ctx, input.id, input.favourite));
      return {};
    },
  }),
];
