// The list of records (表形式): a table on a desktop, cards on a phone (the same markup, laid out
// by records.css). The left cell opens the record's details, the right one its edit form when
// the server says the record may be edited; a sortable column's header sorts by it, a second
// click reverses.
import { Link } from 'react-router';
import type { Property } from '../../../../common/fields/index.js';
import type { SortKey } from '../../../../common/query/index.js';
import { isSortableType } from '../../../../common/query/index.js';
import type { Place } from '../../api/place';
import type { ApiRecord } from '../../api/records';
import { useStrings } from '../../i18n/area-strings';
import { FieldValue } from './fields/field-value';
import { strings } from './strings';

export interface RecordTableProps {
  records: ApiRecord[];
  columns: string[];
  properties: Record<string, Property>;
  place: Place;
  timeZone: string;
  thumbnails: boolean;
  sort: SortKey[];
  onSort(code: string): void;
  detailLink(record: ApiRecord, index: number): string;
  editLink(record: ApiRecord): string | null;
}

/** What a person calls the record: its record number (with the app code), else its id. */
export function recordLabel(r: ApiRecord): string {
  for (const f of Object.values(r)) if (f.type === 'RECORD_NUMBER') return String(f.value);
  return String(r.$id?.value ?? '');
}

/** A column's field: top level, or a table's column (its values come inside the table). */
function findProperty(code: string, properties: Record<string, Property>): { property?: Property; table?: string } {
  if (properties[code]) return { property: properties[code] };
  for (const p of Object.values(properties)) {
    const inner = (p.fields ?? undefined) as Record<string, Property> | undefined;
    if (p.type === 'SUBTABLE' && inner?.[code]) return { property: inner[code], table: p.code };
  }
  return {};
}

export function RecordTable(props: RecordTableProps) {
  const s = useStrings(strings).list;
  const { records, columns, properties, sort } = props;
  const current = sort[0];
  return (
    <div className="record-table-wrap">
      <table className="record-table">
        <thead>
          <tr>
            <th scope="col" className="record-table__open">
              <span className="visually-hidden">{s.open('')}</span>
            </th>
            {columns.map((code) => {
              const { property, table } = findProperty(code, properties);
              const label = property?.label ?? code;
              const sortable = !table && property && isSortableType(property.type);
              const direction = current?.field.code === code ? current.direction : null;
              return (
                <th key={code} scope="col" aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}>
                  {sortable ? (
                    <button type="button" className="sort-button" aria-label={s.sortBy(label)} onClick={() => props.onSort(code)}>
                      {label}
                      <span aria-hidden="true" className="sort-mark">
                        {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : ''}
                      </span>
                    </button>
                  ) : (
                    label
                  )}
                </th>
              );
            })}
            <th scope="col" className="record-table__edit">
              <span className="visually-hidden">{s.edit('')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {records.map((r, i) => {
            const label = recordLabel(r);
            const edit = props.editLink(r);
            return (
              <tr key={String(r.$id?.value ?? i)}>
                <td className="record-table__open">
                  <Link to={props.detailLink(r, i)} className="open-link" aria-label={s.open(label)}>
                    <span aria-hidden="true">☰</span>
                  </Link>
                </td>
                {columns.map((code) => {
                  const { property, table } = findProperty(code, properties);
                  const field = table ? tableColumn(r, table, code) : r[code];
                  return (
                    <td key={code} data-label={property?.label ?? code}>
                      {field && <FieldValue field={field} property={table ? properties[table] : property} timeZone={props.timeZone} place={props.place} thumbnails={props.thumbnails} compact />}
                    </td>
                  );
                })}
                <td className="record-table__edit">
                  {edit && (
                    <Link to={edit} className="edit-link" aria-label={s.edit(label)}>
                      <span aria-hidden="true">✎</span>
                    </Link>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A table column's values in every row, shown as a one-column table in the cell. */
function tableColumn(r: ApiRecord, table: string, code: string) {
  const rows = r[table]?.value;
  if (!Array.isArray(rows)) return undefined;
  const picked = (rows as Array<{ id: string; value: Record<string, unknown> }>).filter((row) => row.value[code]).map((row) => ({ id: row.id, value: { [code]: row.value[code] } }));
  return picked.length ? { type: 'SUBTABLE', value: picked } : undefined;
}
