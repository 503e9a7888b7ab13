// The view editor's choice of one field among those that fit (a sort key, a card's title, a
// search item's field, the visitor sync's e-mail field): a labelled select, blank first — or a
// first option that says nothing is chosen yet.
import { useId } from 'react';
import type { Property } from '../../../../common/fields/index.js';

interface Props {
  label: string;
  value: string;
  fields: Property[];
  onChange(code: string): void;
  /** The blank option's text (`—` for an optional field, "Choose" …); none by default. */
  empty?: string;
  /** The select's id, where the caller names its rows' inputs itself; a fresh one otherwise. */
  id?: string;
}

export function FieldSelect({ label, value, fields, onChange, empty = '', id }: Props) {
  const own = useId();
  const selectId = id ?? own;
  return (
    <div className="field">
      <label htmlFor={selectId}>{label}</label>
      <select id={selectId} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{empty}</option>
        {fields.map((p) => (
          <option key={p.code} value={p.code}>
            {p.label}
          </option>
        ))}
      </select>
    </div>
  );
}
