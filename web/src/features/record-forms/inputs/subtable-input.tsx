// テーブル / Table: rows of the table's fields; add a row below any row, remove one, move one up
// or down (buttons, so the keyboard and a phone can reorder as well as a mouse). On a phone each
// row becomes a card of labelled inputs (record-forms.css).
import type { ReactNode } from 'react';
import type { Property } from '../../../../../common/fields/index.js';
import { type RowValue, innerFields } from '../model/values';
import type { FormEnv } from './types';

interface SubtableProps {
  property: Property;
  id: string;
  rows: RowValue[];
  onChange(rows: RowValue[]): void;
  newRow(): RowValue;
  readOnly: boolean;
  describedBy: string | undefined;
  renderCell(row: RowValue, index: number, inner: Property): ReactNode;
  env: FormEnv;
}

export function SubtableInput({ property, id, rows, onChange, newRow, readOnly, describedBy, renderCell, env }: SubtableProps) {
  const { s } = env;
  const columns = innerFields(property);
  const insertAt = (i: number) => onChange([...rows.slice(0, i), newRow(), ...rows.slice(i)]);
  const move = (i: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(i, 1);
    next.splice(i + by, 0, row!);
    onChange(next);
  };
  return (
    <div className="rf-table-scroll" id={id} aria-describedby={describedBy}>
      <table className="rf-subtable">
        <thead>
          <tr>
            {columns.map((q) => (
              <th key={q.code} scope="col">
                {String(q.label ?? q.code)}
                {q.required === true && (
                  <span className="rf-required" aria-hidden="true">
                    {s.requiredMark}
                  </span>
                )}
              </th>
            ))}
            {!readOnly && (
              <th scope="col">
                <span className="rf-visually-hidden">{s.actions}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.key}>
              {columns.map((q) => (
                <td key={q.code} data-label={String(q.label ?? q.code)}>
                  {renderCell(row, i, q)}
                </td>
              ))}
              {!readOnly && (
                <td className="rf-subtable__actions">
                  <button type="button" className="rf-icon-button" aria-label={s.addRow(i + 1)} onClick={() => insertAt(i + 1)}>
                    +
                  </button>
                  <button type="button" className="rf-icon-button" aria-label={s.removeRow(i + 1)} disabled={rows.length <= 1} onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
                    −
                  </button>
                  <button type="button" className="rf-icon-button" aria-label={s.moveUp(i + 1)} disabled={i === 0} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button type="button" className="rf-icon-button" aria-label={s.moveDown(i + 1)} disabled={i === rows.length - 1} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && rows.length === 0 && (
        <button type="button" className="button" onClick={() => insertAt(0)}>
          {s.addFirstRow}
        </button>
      )}
    </div>
  );
}
