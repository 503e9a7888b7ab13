// The domain's security settings (ours): administrators only.
import { SECURITY_SETTINGS_PATH, securitySettingsInput } from '../../../common/api/security.js';
import { presentSecurity, securityOf, updateSecurity } from '../../domain/security/settings.js';
import { defineRoute } from '../route.js';

export const securityRoutes = [
  defineRoute({
    method: 'GET',
    url: SECURITY_SETTINGS_PATH,
    access: 'security.manage',
    handler: async ({ read }) => {
      const ctx = read();
      return presentSecurity(await securityOf(ctx.db, ctx.actor.domainId));
    },
  }),
  defineRoute({
    method: 'PUT',
    url: SECURITY_SETTINGS_PATH,
    access: 'security.manage',
    input: securitySettingsInput,
    handler: async ({ input, command }) => command((ctx) => updateSecurity(ctx, input)),
  }),
];
