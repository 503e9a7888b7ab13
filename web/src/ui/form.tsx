// Form pieces every screen uses: a label tied to its input (so getByLabel and screen readers find
// it), the server's message for that field right beneath it, a general error line, and a submit
// button that cannot be pressed twice.
import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, useId } from 'react';
import type { FormErrors } from './errors';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string | undefined;
}

function describedBy(hintId: string | undefined, errorId: string | undefined): string | undefined {
  const ids = [hintId, errorId].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function Field({ label, name, error, hint, id, ...input }: FieldProps) {
  const auto = useId();
  const inputId = id ?? `${auto}-${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(hintId, errorId)} {...input} />
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  name: string;
  error?: string | undefined;
  options: ReadonlyArray<{ value: string; label: string }>;
}

export function SelectField({ label, name, error, options, id, ...select }: SelectFieldProps) {
  const auto = useId();
  const selectId = id ?? `${auto}-${name}`;
  const errorId = error ? `${selectId}-error` : undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={selectId}>{label}</label>
      <select id={selectId} name={name} aria-invalid={error ? true : undefined} aria-describedby={errorId} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The general line of a failed submit and any field messages without an input of their own. */
export function FormError({ errors }: { errors: FormErrors }) {
  if (!errors.general) return null;
  return (
    <div className="form-error" role="alert">
      <p>{errors.general}</p>
      {errors.others.length > 0 && (
        <ul>
          {errors.others.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending || undefined}>
      {children}
    </button>
  );
}

/** A calm message that something worked (or what to do next). */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}
