// One input per kintone field type (the types a person types into); the form's own pieces
// handle tables, lookups and what is only shown (form-fields.tsx).
import type { ComponentType } from 'react';
import { CheckBoxInput, DropDownInput, MultiSelectInput, RadioButtonInput } from './choice-inputs';
import { DateInput, DateTimeInput, TimeInput } from './date-inputs';
import { EntitySelectInput } from './entity-select-input';
import { FileInput } from './file-input';
import { LinkInput, MultiLineTextInput, NumberInput, SingleLineTextInput } from './text-inputs';
import type { InputProps } from './types';

export const INPUTS: Record<string, ComponentType<InputProps<any>>> = {
  SINGLE_LINE_TEXT: SingleLineTextInput,
  LINK: LinkInput,
  MULTI_LINE_TEXT: MultiLineTextInput,
  NUMBER: NumberInput,
  CHECK_BOX: CheckBoxInput,
  RADIO_BUTTON: RadioButtonInput,
  DROP_DOWN: DropDownInput,
  MULTI_SELECT: MultiSelectInput,
  DATE: DateInput,
  TIME: TimeInput,
  DATETIME: DateTimeInput,
  USER_SELECT: EntitySelectInput,
  ORGANIZATION_SELECT: EntitySelectInput,
  GROUP_SELECT: EntitySelectInput,
  FILE: FileInput,
};
