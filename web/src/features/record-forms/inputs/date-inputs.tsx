// 日付 / Date, 時刻 / Time, 日時 / Date and Time: the browser's own pickers (kintone's phone
// layout uses them too), the date-time as wall-clock time in the person's time zone.
import type { InputProps } from './types';

function attrs(props: InputProps<string>) {
  return {
    id: props.id,
    value: props.value,
    readOnly: props.readOnly,
    className: 'rf-input rf-input--date',
    'aria-invalid': props.invalid || undefined,
    'aria-describedby': props.describedBy,
    'aria-required': props.property.required === true || undefined,
    'aria-label': props.ariaLabel,
  };
}

export function DateInput(props: InputProps<string>) {
  return <input type="date" {...attrs(props)} onChange={(e) => props.onChange(e.target.value)} />;
}

export function TimeInput(props: InputProps<string>) {
  return <input type="time" {...attrs(props)} onChange={(e) => props.onChange(e.target.value)} />;
}

export function DateTimeInput(props: InputProps<string>) {
  return <input type="datetime-local" {...attrs(props)} onChange={(e) => props.onChange(e.target.value)} />;
}
