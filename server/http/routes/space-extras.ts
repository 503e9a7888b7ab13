// Around a space: templates (ours to save, list and delete; kintone's template/space.json to use
// one), related links and search inside a space (ours, guest twins included), and kintone's
// spaces/statistics.json. Who may do what inside a space is decided in server/domain/spaces/.
import {
  SPACE_LINKS_PATH,
  SPACE_SEARCH_PATH,
  SPACE_TEMPLATES_PATH,
  SPACES_STATISTICS_PATH,
  TEMPLATE_SPACE_PATH,
  saveTemplateInput,
  searchSpaceInput,
  spaceFromTemplateInput,
  spacesStatisticsInput,
  templateIdInput,
  updateSpaceLinksInput,
} from '../../../common/api/space-extras.js';
import { spaceIdParam } from '../../../common/api/spaces.js';
import { searchSpace } from '../../domain/spaces/search-space.js';
import { readSpaceLinks } from '../../domain/spaces/space-links-read.js';
import { updateSpaceLinks } from '../../domain/spaces/space-links-update.js';
import { deleteSpaceTemplate } from '../../domain/spaces/space-templates-delete.js';
import { listSpaceTemplates } from '../../domain/spaces/space-templates-list.js';
import { saveSpaceTemplate } from '../../domain/spaces/space-templates-save.js';
import { createSpaceFromTemplate } from '../../domain/spaces/space-templates-use.js';
import { spacesStatistics } from '../../domain/spaces/spaces-statistics.js';
import { defineRoute } from '../route.js';

export const spaceExtraRoutes = [
  defineRoute({
    method: 'POST',
    url: SPACE_TEMPLATES_PATH,
    access: 'space.template',
    input: saveTemplateInput,
    handler: async ({ input, command }) => {
      const { id } = await command((ctx) => saveSpaceTemplate(ctx, input));
      return { id: String(id) };
    },
  }),
  // Whoever may create spaces picks from the list; the domain checks 'space.create' or 'space.template'.
  defineRoute({
    method: 'GET',
    url: SPACE_TEMPLATES_PATH,
    access: 'signedIn',
    handler: async ({ read }) => listSpaceTemplates(read()),
  }),
  defineRoute({
    method: 'DELETE',
    url: SPACE_TEMPLATES_PATH,
    access: 'space.template',
    input: templateIdInput,
    handler: async ({ input, command }) => {
      await command((ctx) => deleteSpaceTemplate(ctx, input.id));
      return {};
    },
  }),
  // 'space.createGuest' for a guest space is checked by the domain (createSpace).
  defineRoute({
    method: 'POST',
    url: TEMPLATE_SPACE_PATH,
    access: 'space.create',
    guest: false,
    input: spaceFromTemplateInput,
    handler: async ({ input, command }) => {
      const { id } = await command((ctx) => createSpaceFromTemplate(ctx, input));
      return { id: String(id) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: SPACE_LINKS_PATH,
    access: 'signedIn',
    input: spaceIdParam,
    handler: async ({ input, read }) => readSpaceLinks(read(), input.id),
  }),
  defineRoute({
    method: 'PUT',
    url: SPACE_LINKS_PATH,
    access: 'signedIn',
    input: updateSpaceLinksInput,
    handler: async ({ input, command }) => {
      await command((ctx) => updateSpaceLinks(ctx, input.id, input.links));
      return {};
    },
  }),
  defineRoute({
    method: 'GET',
    url: SPACE_SEARCH_PATH,
    access: 'signedIn',
    input: searchSpaceInput,
    handler: async ({ input, read }) => searchSpace(read(), input),
  }),
  defineRoute({
    method: 'GET',
    url: SPACES_STATISTICS_PATH,
    access: 'signedIn',
    guest: false,
    input: spacesStatisticsInput,
    handler: async ({ input, read }) => spacesStatistics(read(), input),
  }),
];
