// Inputs the shared form pieces (ui/form.tsx) lack, built the same way: a label tied to the
// control, the server's message beneath it, both named in aria-describedby.
import { type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes, useId } from 'react';

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** Messages about single lines, listed beneath the control. */
  lineErrors?: ReactNode;
}

export function TextAreaField({ label, name, error, hint, lineErrors, id, ...area }: TextAreaFieldProps) {
  const auto = useId();
  const areaId = id ?? `${auto}-${name}`;
  const hintId = hint ? `${areaId}-hint` : undefined;
  const errorId = error || lineErrors ? `${areaId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error || lineErrors ? 'field field--invalid' : 'field'}>
      <label htmlFor={areaId}>{label}</label>
      <textarea id={areaId} name={name} aria-invalid={error || lineErrors ? true : undefined} aria-describedby={describedBy} {...area} />
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {(error || lineErrors) && (
        <div id={errorId} className="field-error">
          {error && <p>{error}</p>}
          {lineErrors}
        </div>
      )}
    </div>
  );
}

interface CheckFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string | undefined;
}

export function CheckField({ label, name, error, hint, id, ...input }: CheckFieldProps) {
  const auto = useId();
  const inputId = id ?? `${auto}-${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'check field--invalid' : 'check'}>
      <input id={inputId} name={name} type="checkbox" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint check__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error check__hint">
          {error}
        </p>
      )}
    </div>
  );
}
