// What every field of one record form shares: the form's values and messages, and the ways to
// change them. One context instead of threading a dozen props through layout rows and tables.
import { createContext, useContext } from 'react';
import type { Property } from '../../../../common/fields/index.js';
import type { ApiRecord } from '../../api/record-forms';
import type { FormEnv } from './inputs/types';
import type { FormValue, RowValue, Values } from './model/values';

export interface RowRef {
  table: string;
  rowKey: string;
}

export interface RecordFormContext {
  properties: Record<string, Property>;
  values: Values;
  /** Server messages by input key (model/field-errors.ts inputKey). */
  errors: Record<string, string[]>;
  env: FormEnv;
  isNew: boolean;
  /** Fields shown but not editable here: lookup copies and fields the person may only read. */
  readOnly: ReadonlySet<string>;
  /** Fields the person may not see at all. */
  hidden: ReadonlySet<string>;
  setField(code: string, value: FormValue): void;
  setCell(row: RowRef, code: string, value: FormValue): void;
  setRows(table: string, rows: RowValue[]): void;
  newRow(table: string): RowValue;
  /** A lookup picked a source record (null: クリア), at the top or in a table row. */
  applyLookup(lookupField: Property, record: ApiRecord | null, row?: RowRef): void;
}

export const FormContext = createContext<RecordFormContext | null>(null);

export function useRecordForm(): RecordFormContext {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error('useRecordForm outside a record form');
  return ctx;
}
