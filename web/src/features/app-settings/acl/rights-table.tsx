// One permission list: a row per user, group, department (or creator, field, Everyone), in the
// order that decides, with a checkbox per right (or a select for a field's access), buttons to
// move and remove a row, and the entity picker to add one.
import type { ReactNode } from 'react';
import { useStrings } from '../../../i18n/area-strings';
import { type AdderType, EntityAdder, entityLabel } from '../entity-list';
import { formStrings } from '../form/form-strings';
import { strings } from '../strings';
import { aclStrings } from './acl-strings';

export interface RightsRow {
  entity: { type: string; code: string | null };
  includeSubs: boolean;
  [flag: string]: unknown;
}

interface Props<R extends RightsRow> {
  caption: string;
  rows: R[];
  onChange(rows: R[]): void;
  /** One column per right: a checkbox for a boolean flag, or what `cell` draws. */
  columns: ReadonlyArray<{ key: string; label: string; cell?: (row: R, set: (v: unknown) => void) => ReactNode }>;
  adderTypes: ReadonlyArray<AdderType>;
  newRow(entity: { type: string; code: string | null }): R;
  fieldChoices?: ReadonlyArray<{ code: string; label: string }>;
}

export function RightsTable<R extends RightsRow>({ caption, rows, onChange, columns, adderTypes, newRow, fieldChoices = [] }: Props<R>) {
  const s = useStrings(strings);
  const f = useStrings(formStrings);
  const a = useStrings(aclStrings);
  const set = (i: number, key: string, value: unknown) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  const swap = (i: number, j: number) => {
    const next = [...rows];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };
  return (
    <div className="as-card">
      <div className="as-table-wrap">
        <table className="as-table">
          <caption className="as-sr">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{a.entity}</th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="as-center">
                  {c.label}
                </th>
              ))}
              <th scope="col">{a.order}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const name = entityLabel(r.entity, f.entityTypes, fieldChoices);
              return (
                <tr key={`${r.entity.type}:${r.entity.code}:${i}`}>
                  <th scope="row">
                    {name}
                    {r.entity.type === 'ORGANIZATION' && (
                      <label className="as-check">
                        <input type="checkbox" checked={r.includeSubs} onChange={(e) => set(i, 'includeSubs', e.target.checked)} />
                        <span className="muted">{a.includeSubs}</span>
                      </label>
                    )}
                  </th>
                  {columns.map((c) => (
                    <td key={c.key} className="as-center">
                      {c.cell ? (
                        c.cell(r, (v) => set(i, c.key, v))
                      ) : (
                        <input type="checkbox" aria-label={`${name}: ${c.label}`} checked={r[c.key] === true} onChange={(e) => set(i, c.key, e.target.checked)} />
                      )}
                    </td>
                  ))}
                  <td>
                    <div className="as-list-tools">
                      <button type="button" className="as-icon-button" aria-label={s.moveUpNamed(name)} disabled={i === 0} onClick={() => swap(i, i - 1)}>
                        ↑
                      </button>
                      <button type="button" className="as-icon-button" aria-label={s.moveDownNamed(name)} disabled={i === rows.length - 1} onClick={() => swap(i, i + 1)}>
                        ↓
                      </button>
                      <button type="button" className="as-icon-button as-icon-button--danger" aria-label={a.removeRow(name)} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                        ×
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p className="empty">{a.noRows}</p>}
      <EntityAdder types={adderTypes} fieldChoices={fieldChoices} onAdd={(e) => onChange([...rows, newRow(e)])} />
    </div>
  );
}
