// チェックボックス / Check Box, ラジオボタン / Radio Button, ドロップダウン / Drop-down and
// 複数選択 / Multi-choice: the field's options in the field's order.
import { optionOrder, type OptionMap } from '../../../../../common/fields/index.js';
import type { Property } from '../../../../../common/fields/index.js';
import type { InputProps } from './types';

export function optionsOf(p: Property): string[] {
  return p.options && typeof p.options === 'object' ? optionOrder(p.options as OptionMap) : [];
}

function layoutClass(p: Property): string {
  return p.align === 'VERTICAL' ? 'rf-choices rf-choices--vertical' : 'rf-choices';
}

export function CheckBoxInput(props: InputProps<string[]>) {
  const chosen = new Set(props.value);
  return (
    <div className={layoutClass(props.property)} role={props.ariaLabel ? 'group' : undefined} aria-label={props.ariaLabel}>
      {optionsOf(props.property).map((o, i) => (
        <label key={o} className="rf-choice">
          <input
            type="checkbox"
            id={i === 0 ? props.id : undefined}
            checked={chosen.has(o)}
            disabled={props.readOnly}
            aria-invalid={props.invalid || undefined}
            aria-describedby={props.describedBy}
            onChange={(e) => {
              const next = new Set(chosen);
              if (e.target.checked) next.add(o);
              else next.delete(o);
              props.onChange(optionsOf(props.property).filter((x) => next.has(x)));
            }}
          />
          <span>{o}</span>
        </label>
      ))}
    </div>
  );
}

export function RadioButtonInput(props: InputProps<string>) {
  return (
    <div className={layoutClass(props.property)} role="radiogroup" aria-label={props.ariaLabel} aria-required={props.property.required === true || undefined}>
      {optionsOf(props.property).map((o, i) => (
        <label key={o} className="rf-choice">
          <input
            type="radio"
            name={props.id}
            id={i === 0 ? props.id : undefined}
            checked={props.value === o}
            disabled={props.readOnly}
            aria-invalid={props.invalid || undefined}
            aria-describedby={props.describedBy}
            onChange={() => props.onChange(o)}
          />
          <span>{o}</span>
        </label>
      ))}
    </div>
  );
}

export function DropDownInput(props: InputProps<string>) {
  const options = optionsOf(props.property);
  return (
    <select
      id={props.id}
      className="rf-input rf-select"
      value={props.value}
      disabled={props.readOnly}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      aria-required={props.property.required === true || undefined}
      aria-label={props.ariaLabel}
      onChange={(e) => props.onChange(e.target.value)}
    >
      <option value="">{props.env.s.none}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
      {props.value && !options.includes(props.value) && <option value={props.value}>{props.value}</option>}
    </select>
  );
}

export function MultiSelectInput(props: InputProps<string[]>) {
  const options = optionsOf(props.property);
  return (
    <select
      multiple
      id={props.id}
      className="rf-input rf-multi"
      size={Math.min(Math.max(options.length, 2), 6)}
      value={props.value}
      disabled={props.readOnly}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      aria-required={props.property.required === true || undefined}
      aria-label={props.ariaLabel}
      onChange={(e) => {
        const picked = new Set(Array.from(e.target.selectedOptions, (o) => o.value));
        props.onChange(options.filter((o) => picked.has(o)));
      }}
    >
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}
