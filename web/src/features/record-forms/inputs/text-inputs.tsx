// 文字列(1行) / Text, リンク / Link, 文字列(複数行) / Text Area, 数値 / Number.
import type { InputProps } from './types';

function common(props: InputProps<string>) {
  return {
    id: props.id,
    value: props.value,
    readOnly: props.readOnly,
    'aria-invalid': props.invalid || undefined,
    'aria-describedby': props.describedBy,
    'aria-required': props.property.required === true || undefined,
    'aria-label': props.ariaLabel,
  };
}

export function SingleLineTextInput(props: InputProps<string>) {
  return <input type="text" className="rf-input" {...common(props)} onChange={(e) => props.onChange(e.target.value)} />;
}

const LINK_TYPES: Record<string, { type: string; autoComplete: string }> = {
  WEB: { type: 'url', autoComplete: 'url' },
  CALL: { type: 'tel', autoComplete: 'tel' },
  MAIL: { type: 'email', autoComplete: 'email' },
};

export function LinkInput(props: InputProps<string>) {
  const kind = LINK_TYPES[String(props.property.protocol ?? 'WEB')] ?? LINK_TYPES.WEB!;
  return <input type={kind.type} autoComplete={kind.autoComplete} className="rf-input" {...common(props)} onChange={(e) => props.onChange(e.target.value)} />;
}

export function MultiLineTextInput(props: InputProps<string>) {
  return <textarea className="rf-input rf-textarea" rows={4} {...common(props)} onChange={(e) => props.onChange(e.target.value)} />;
}

/** Digits as typed (the server checks them and names the problem); the unit before or after. */
export function NumberInput(props: InputProps<string>) {
  const unit = typeof props.property.unit === 'string' ? props.property.unit : '';
  const after = props.property.unitPosition === 'AFTER';
  return (
    <span className="rf-number">
      {unit && !after && <span className="rf-unit">{unit}</span>}
      <input type="text" inputMode="decimal" className="rf-input rf-input--number" {...common(props)} onChange={(e) => props.onChange(e.target.value)} />
      {unit && after && <span className="rf-unit">{unit}</span>}
    </span>
  );
}
