// What every input of the record form takes. The field's frame (field-frame.tsx) gives it a
// label (or, in a table cell, the input names itself with `ariaLabel`) and its server message.
import type { Property } from '../../../../../common/fields/index.js';
import type { Place } from '../../../api/place';
import type { FormValue } from '../model/values';
import type { FormStrings } from '../strings';

export interface FormEnv {
  place: Place;
  appId: string;
  timeZone: string;
  s: FormStrings;
}

export interface InputProps<V extends FormValue = FormValue> {
  property: Property;
  /** The id of the input's main control (the frame's <label htmlFor>). */
  id: string;
  value: V;
  onChange(value: V): void;
  invalid: boolean;
  /** Ids of the hint and the error beneath it. */
  describedBy: string | undefined;
  readOnly: boolean;
  /** In a table cell there is no visible label: the control is named by this. */
  ariaLabel?: string | undefined;
  env: FormEnv;
}

/** Inputs that are several controls (choices, people, files, tables) sit in a fieldset. */
export const GROUP_INPUTS = new Set(['CHECK_BOX', 'RADIO_BUTTON', 'USER_SELECT', 'ORGANIZATION_SELECT', 'GROUP_SELECT', 'FILE', 'SUBTABLE']);
