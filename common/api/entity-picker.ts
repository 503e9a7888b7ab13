// /v1/app/entity-picker.json (ours): the users, departments and groups a person may choose in
// an app's user, department and group selection fields — the people picker of the record form.
// The app decides the place: inside a guest space only that space's people (probe G16).
import { z } from 'zod';
import { intParam, numericId } from './params.js';

export const ENTITY_PICKER_PATH = '/v1/app/entity-picker.json';

export const MAX_PICKER_RESULTS = 50;
export const MAX_PICKER_KEYWORD = 100;

export const ENTITY_PICKER_KINDS = ['USER', 'ORGANIZATION', 'GROUP'] as const;
export type EntityPickerKind = (typeof ENTITY_PICKER_KINDS)[number];

export const entityPickerInput = z.object({
  app: numericId,
  kind: z.enum(ENTITY_PICKER_KINDS),
  /** Part of the code or the display name (case-insensitive for ASCII); empty lists the first ones. */
  keyword: z.string().trim().max(MAX_PICKER_KEYWORD).optional(),
  limit: intParam(1, MAX_PICKER_RESULTS).default(20),
});
export type EntityPickerInput = z.output<typeof entityPickerInput>;

export interface PickableEntityJson {
  type: EntityPickerKind;
  code: string;
  name: string;
}

export interface EntityPickerResponse {
  entities: PickableEntityJson[];
}
