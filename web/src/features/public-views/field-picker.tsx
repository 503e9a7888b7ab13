// Choosing a view's fields and their order: every field the view may show, ticked ones first in
// their order, each with move up/down. A fieldset named by its legend, so two pickers on one form
// (the list's and the detail page's) stay apart for people and for tests.
import type { Property } from '../../../../common/fields/index.js';
import { useStrings } from '../../i18n/area-strings';
import { strings } from './strings';

interface Props {
  legend: string;
  hint?: string;
  fields: Property[];
  chosen: string[];
  onChange(codes: string[]): void;
  error?: string | undefined;
}

export function FieldPicker({ legend, hint, fields, chosen, onChange, error }: Props) {
  const s = useStrings(strings).form;
  const byCode = new Map(fields.map((p) => [p.code, p]));
  const shown = chosen.filter((c) => byCode.has(c));
  const rest = fields.filter((p) => !chosen.includes(p.code));
  const move = (i: number, by: -1 | 1) => {
    const next = [...shown];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    onChange(next);
  };
  return (
    <fieldset className={error ? 'as-fieldset pvm-picker field--invalid' : 'as-fieldset pvm-picker'}>
      <legend>{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      <ol className="pvm-picker__list">
        {shown.map((code, i) => {
          const p = byCode.get(code)!;
          return (
            <li key={code} className="pvm-picker__item pvm-picker__item--on">
              <label>
                <input type="checkbox" checked onChange={() => onChange(shown.filter((c) => c !== code))} /> {p.label}
              </label>
              <span className="pvm-picker__type muted">{code}</span>
              <span className="pvm-picker__moves">
                <button type="button" className="as-icon-button" aria-label={s.moveUp(p.label)} disabled={i === 0} onClick={() => move(i, -1)}>
                  ↑
                </button>
                <button type="button" className="as-icon-button" aria-label={s.moveDown(p.label)} disabled={i === shown.length - 1} onClick={() => move(i, 1)}>
                  ↓
                </button>
              </span>
            </li>
          );
        })}
        {rest.map((p) => (
          <li key={p.code} className="pvm-picker__item">
            <label>
              <input type="checkbox" checked={false} onChange={() => onChange([...shown, p.code])} /> {p.label}
            </label>
            <span className="pvm-picker__type muted">{p.code}</span>
          </li>
        ))}
      </ol>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
