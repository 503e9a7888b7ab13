// Small labelled inputs the settings dialogs are made of: a checkbox, a text area and a select,
// each tied to its label and its server message (Field and SelectField come from ui/form).
import { type ReactNode, useId } from 'react';

export function Check({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange(v: boolean): void; hint?: ReactNode }) {
  const id = useId();
  return (
    <div className="as-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
      {hint}
    </div>
  );
}

export function TextArea({ label, value, onChange, error, hint, rows = 3 }: { label: string; value: string; onChange(v: string): void; error?: string | undefined; hint?: string; rows?: number }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined} />
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

/** Checkboxes for a set of choices (fields to show, flags), as one labelled group. */
export function CheckList({ legend, options, chosen, onChange }: { legend: string; options: ReadonlyArray<{ value: string; label: string }>; chosen: readonly string[]; onChange(v: string[]): void }) {
  return (
    <fieldset className="as-fieldset">
      <legend>{legend}</legend>
      <div className="as-checklist">
        {options.map((o) => (
          <Check
            key={o.value}
            label={o.label}
            checked={chosen.includes(o.value)}
            onChange={(on) => onChange(on ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))}
          />
        ))}
      </div>
    </fieldset>
  );
}
