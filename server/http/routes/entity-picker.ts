// The record form's people picker (ours): who may be chosen in an app's selection fields.
import { ENTITY_PICKER_PATH, entityPickerInput } from '../../../common/api/entity-picker.js';
import { pickableEntities } from '../../domain/records/entity-picker.js';
import { defineRoute } from '../route.js';

export const entityPickerRoutes = [
  defineRoute({
    method: 'GET',
    url: ENTITY_PICKER_PATH,
    access: 'signedIn',
    input: entityPickerInput,
    handler: async ({ input, read }) => ({ entities: await pickableEntities(read(), input) }),
  }),
];
