// One field of the form: its label (with the required mark), its input, a hint from its settings
// and the server's message beneath it; in a table, one cell. Decides which input a field gets.
import { useId } from 'react';
import type { Property } from '../../../../common/fields/index.js';
import { useRecordForm } from './form-context';
import { INPUTS } from './inputs';
import { LookupInput } from './inputs/lookup-input';
import { ReadOnlyValue, isReadOnlyType } from './inputs/read-only-value';
import { RichTextInput } from './inputs/rich-text-input';
import { SubtableInput } from './inputs/subtable-input';
import { GROUP_INPUTS } from './inputs/types';
import { inputKey } from './model/field-errors';
import { type FormValue, type RowValue, emptyFormValue, isLookup } from './model/values';
import type { FormStrings } from './strings';

/** Stable DOM id of an input: the first error is focused by it. */
export function domId(key: string): string {
  return `rf-${key.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)}`;
}

function hintOf(p: Property, s: FormStrings): string | undefined {
  const min = typeof p.minLength === 'string' ? p.minLength : '';
  const max = typeof p.maxLength === 'string' ? p.maxLength : '';
  if ((p.type === 'SINGLE_LINE_TEXT' || p.type === 'LINK') && (min || max)) return s.lengthHint(min, max);
  const lo = typeof p.minValue === 'string' ? p.minValue : '';
  const hi = typeof p.maxValue === 'string' ? p.maxValue : '';
  if (p.type === 'NUMBER' && (lo || hi)) return s.rangeHint(lo, hi);
  return undefined;
}

function labelOf(p: Property): string {
  return String(p.label ?? p.code);
}

/** A top-level field with its frame. */
export function FieldBlock({ property }: { property: Property }) {
  const form = useRecordForm();
  const { s } = form.env;
  if (form.hidden.has(property.code)) return null;
  const key = inputKey(property.code);
  const id = domId(key);
  const error = form.errors[key]?.[0];
  const hint = hintOf(property, s);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const required = property.required === true && !isReadOnlyType(property);
  const label = labelOf(property);
  const mark = required ? (
    <span className="rf-required" title={s.required}>
      {s.requiredMark}
    </span>
  ) : null;
  const hideLabel = property.noLabel === true;
  const control = <FieldControl property={property} id={id} describedBy={describedBy} error={error} />;
  const messages = (
    <>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {form.errors[key]!.join(' ')}
        </p>
      )}
    </>
  );
  const className = `rf-field rf-field--${property.type.toLowerCase()}${error ? ' field--invalid' : ''}`;
  if (property.type === 'RICH_TEXT') {
    return <div className={className}>{control}{hint && messages}</div>;
  }
  if (GROUP_INPUTS.has(property.type)) {
    return (
      <fieldset className={className} aria-describedby={describedBy}>
        <legend className={hideLabel ? 'rf-visually-hidden' : 'rf-label'}>
          {label}
          {mark}
        </legend>
        {control}
        {messages}
      </fieldset>
    );
  }
  return (
    <div className={className}>
      <label htmlFor={id} className={hideLabel ? 'rf-visually-hidden' : 'rf-label'}>
        {label}
        {mark}
      </label>
      {control}
      {messages}
    </div>
  );
}

interface ControlProps {
  property: Property;
  id: string;
  describedBy: string | undefined;
  error: string | undefined;
  row?: { table: string; row: RowValue; index: number };
}

/** The input of one field, at the top or in a table cell (`row`). */
function FieldControl({ property, id, describedBy, error, row }: ControlProps) {
  const form = useRecordForm();
  const { env } = form;
  const rowRef = row ? { table: row.table, rowKey: row.row.key } : undefined;
  const value: FormValue = row ? (row.row.value[property.code] ?? emptyFormValue(property)) : (form.values[property.code] ?? emptyFormValue(property));
  const readOnly = form.readOnly.has(property.code) || (row ? form.readOnly.has(row.table) : false);
  const ariaLabel = row ? env.s.cellLabel(labelOf(property), row.index + 1) : undefined;
  const onChange = (v: FormValue) => (rowRef ? form.setCell(rowRef, property.code, v) : form.setField(property.code, v));
  if (isReadOnlyType(property)) return <ReadOnlyValue property={property} value={value} id={id} isNew={form.isNew} env={env} ariaLabel={ariaLabel} />;
  const common = { property, id, value, onChange, invalid: Boolean(error), describedBy, readOnly, ariaLabel, env };
  if (isLookup(property)) return <LookupInput {...common} value={value as string} onPick={(r) => form.applyLookup(property, r, rowRef)} />;
  if (property.type === 'RICH_TEXT') {
    const required = property.required === true ? ` ${env.s.requiredMark}` : '';
    return <RichTextInput {...common} value={value as string} label={ariaLabel ?? `${labelOf(property)}${required}`} error={error} />;
  }
  if (property.type === 'SUBTABLE') {
    return (
      <SubtableInput
        property={property}
        id={id}
        rows={value as RowValue[]}
        onChange={(rows) => form.setRows(property.code, rows)}
        newRow={() => form.newRow(property.code)}
        readOnly={readOnly}
        describedBy={describedBy}
        env={env}
        renderCell={(r, index, inner) => <Cell table={property.code} row={r} index={index} property={inner} />}
      />
    );
  }
  if (property.type === 'REFERENCE_TABLE') return <p className="muted">{env.s.relatedRecords}</p>;
  const Input = INPUTS[property.type];
  if (!Input) return null;
  return <Input {...common} />;
}

function Cell({ table, row, index, property }: { table: string; row: RowValue; index: number; property: Property }) {
  const form = useRecordForm();
  const key = inputKey(table, row.key, property.code);
  const id = domId(key);
  const auto = useId();
  const messages = form.errors[key];
  const errorId = messages ? `${id}-error-${auto}` : undefined;
  return (
    <div className={messages ? 'rf-cell field--invalid' : 'rf-cell'}>
      <FieldControl property={property} id={id} describedBy={errorId} error={messages?.[0]} row={{ table, row, index }} />
      {messages && (
        <p id={errorId} className="field-error">
          {messages.join(' ')}
        </p>
      )}
    </div>
  );
}
