// Guest accounts: kintone's guests.json (plain path only) and space/guests.json (guest-space path
// only), ours for administrators (list, suspension), and everyone's own profile and password.
import {
  GUEST_LIST_PATH,
  GUEST_STATUS_PATH,
  GUESTS_PATH,
  MY_PASSWORD_PATH,
  MY_PROFILE_PATH,
  SPACE_GUESTS_PATH,
  addGuestsInput,
  deleteGuestsInput,
  guestStatusInput,
  listGuestsInput,
  passwordChangeInput,
  profileChangeInput,
  spaceGuestsInput,
} from '../../../common/api/guests.js';
import { spaceIdParam } from '../../../common/api/spaces.js';
import { addGuests } from '../../domain/guests/add-guests.js';
import { sessionCookie } from '../cookies.js';
import { changeMyPassword } from '../../domain/guests/change-my-password.js';
import { deleteGuests } from '../../domain/guests/delete-guests.js';
import { listGuests } from '../../domain/guests/list-guests.js';
import { listSpaceGuests } from '../../domain/guests/list-space-guests.js';
import { myProfile } from '../../domain/guests/my-profile.js';
import { setGuestStatus } from '../../domain/guests/set-guest-status.js';
import { setSpaceGuests } from '../../domain/guests/set-space-guests.js';
import { updateMyProfile } from '../../domain/guests/update-my-profile.js';
import { defineRoute } from '../route.js';
import { throttle } from '../throttle.js';

export const guestRoutes = [
  defineRoute({
    method: 'POST',
    url: GUESTS_PATH,
    access: 'guest.manage',
    guest: false,
    input: addGuestsInput,
    handler: async ({ input, command }) => {
      await command((ctx) => addGuests(ctx, input.guests));
      return {};
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: GUESTS_PATH,
    access: 'guest.manage',
    guest: false,
    input: deleteGuestsInput,
    handler: async ({ input, command }) => {
      await command((ctx) => deleteGuests(ctx, input.guests));
      return {};
    },
  }),
  // Registered on both paths like every /k/v1/ route; the plain one answers CB_NO02 (kintone
  // serves it under the guest space's own prefix only), and so does a body id that is not the
  // path's. Who may: the space's administrators (spaceFor), so any signed-in person gets that far.
  defineRoute({
    method: 'PUT',
    url: SPACE_GUESTS_PATH,
    access: 'signedIn',
    input: spaceGuestsInput,
    handler: async ({ input, command }) => {
      await command((ctx) => setSpaceGuests(ctx, input.id, input.guests));
      return {};
    },
  }),
  defineRoute({
    method: 'GET',
    url: SPACE_GUESTS_PATH,
    access: 'signedIn',
    input: spaceIdParam,
    handler: async ({ input, read }) => ({ guests: await listSpaceGuests(read(), input.id) }),
  }),
  defineRoute({
    method: 'GET',
    url: GUEST_LIST_PATH,
    access: 'guest.manage',
    input: listGuestsInput,
    handler: async ({ input, read }) => listGuests(read(), input),
  }),
  defineRoute({
    method: 'PUT',
    url: GUEST_STATUS_PATH,
    access: 'guest.manage',
    input: guestStatusInput,
    handler: async ({ input, command }) => {
      await command((ctx) => setGuestStatus(ctx, input.guests));
      return {};
    },
  }),
  defineRoute({
    method: 'GET',
    url: MY_PROFILE_PATH,
    access: 'signedIn',
    handler: async ({ read }) => myProfile(read()),
  }),
  defineRoute({
    method: 'PUT',
    url: MY_PROFILE_PATH,
    access: 'signedIn',
    input: profileChangeInput,
    handler: async ({ input, command }) => {
      await command((ctx) => updateMyProfile(ctx, input));
      return {};
    },
  }),
  defineRoute({
    method: 'PUT',
    url: MY_PASSWORD_PATH,
    access: 'signedIn',
    input: passwordChangeInput,
    handler: async ({ input, actor, command, limiter, services, reply }) => {
      // Someone holding a stolen session must not get to guess the password at leisure.
      const who = actor.kind === 'user' || actor.kind === 'guest' ? actor.userId : 0;
      await throttle(limiter, `pwchange:${actor.domainId}:${who}`, services.config.loginRatePerMinute, 60_000);
      const { session } = await command((ctx) => changeMyPassword(ctx, input));
      if (!session) return {};
      const cookie = sessionCookie(services.config);
      reply.setCookie(cookie.name, session.token, cookie.options);
      return { csrfToken: session.csrfToken };
    },
  }),
];
