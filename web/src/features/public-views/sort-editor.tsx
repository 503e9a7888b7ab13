// A view's sort: up to five keys, each a sortable field and ascending or descending.
import { useId } from 'react';
import type { Property } from '../../../../common/fields/index.js';
import { useStrings } from '../../i18n/area-strings';
import { FieldSelect } from './field-select';
import { strings } from './strings';
import type { SortRow } from './view-form';

const MAX_KEYS = 5;

export function SortEditor({ fields, value, onChange, error }: { fields: Property[]; value: SortRow[]; onChange(v: SortRow[]): void; error?: string | undefined }) {
  const s = useStrings(strings).form;
  const id = useId();
  const update = (i: number, row: SortRow) => onChange(value.map((r, j) => (j === i ? row : r)));
  return (
    <fieldset className="as-fieldset">
      <legend>{s.sort}</legend>
      <ol className="as-conditions">
        {value.map((row, i) => (
          <li key={i} className="as-condition">
            <FieldSelect id={`${id}-${i}-f`} label={s.sortField} value={row.field} fields={fields} onChange={(field) => update(i, { ...row, field })} />
            <div className="field">
              <label htmlFor={`${id}-${i}-o`}>{s.sortOrder}</label>
              <select id={`${id}-${i}-o`} value={row.order} onChange={(e) => update(i, { ...row, order: e.target.value as SortRow['order'] })}>
                <option value="asc">{s.asc}</option>
                <option value="desc">{s.desc}</option>
              </select>
            </div>
            <button type="button" className="as-icon-button as-icon-button--danger" aria-label={s.removeSort(i + 1)} onClick={() => onChange(value.filter((_, j) => j !== i))}>
              ×
            </button>
          </li>
        ))}
      </ol>
      {value.length < MAX_KEYS && (
        <button type="button" className="button" onClick={() => onChange([...value, { field: '', order: 'asc' }])}>
          {s.addSort}
        </button>
      )}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
