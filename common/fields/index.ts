// kintone's field type system: field settings, layout and views, and record values. Pure: runs
// in the server and in the browser.
export {
  FIELD_TYPES,
  type FieldType,
  type Property,
  type EntityKind,
  SUBTABLE_INNER_TYPES,
  OPTION_TYPES,
  ENTITY_KIND,
  isFieldType,
  isSystemType,
  isInputType,
  isUniqueCapable,
  hasRequired,
  nonWritableCodes,
} from './types.js';
export { validateFieldCode, MAX_FIELD_CODE_LENGTH } from './codes.js';
export { type Problem, type Problems } from './problems.js';
export { canonicalNumber, canonicalDate, canonicalTime, canonicalDateTime, formatDateTime } from './scalars.js';
export { parseFieldProperties, type ParseFieldOptions } from './properties.js';
export { newAppSystemFields } from './system-fields.js';
export { type OptionMap, type EntityRef, optionOrder, MAX_OPTIONS, MAX_OPTION_LENGTH } from './property-values.js';
export { type Lookup, type ReferenceTable } from './property-refs.js';
export { parseLayout, defaultLayout, type LayoutRow, type LayoutElement } from './layout.js';
export { parseViews, type View, MAX_VIEWS, MAX_VIEW_NAME } from './views.js';
export {
  type StoredValue,
  type StoredEntity,
  type StoredFile,
  type StoredRow,
  type EntityCodes,
  emptyValue,
  isEmptyValue,
} from './value-types.js';
export { parseRecordInput, type RecordInputOptions, type RecordInput, type SystemInput } from './values.js';
export { compileApiRecord, toApiRecord, type ApiField, type ApiRecordExtras, type ApiRecordWriter } from './api-record.js';
export { resolveUploads } from './uploads.js';
