// 関連レコード一覧 on a record's details: the other app's records whose key field matches this
// record's, within the field's filter and order, as far as the viewer may see that app; each
// row links to its record. A lookup's key links to the record it copied from.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Property } from '../../../../common/fields/index.js';
import type { Expr } from '../../../../common/query/index.js';
import { getFormFields } from '../../api/apps';
import type { Place } from '../../api/place';
import { type ApiField, type ApiRecord, getRecords } from '../../api/records';
import { useStrings } from '../../i18n/area-strings';
import { FieldValue } from './fields/field-value';
import { composeQuery, joinExprs, parseSort, text, whereOf } from './query/filter';
import { recordLabel } from './record-table';
import { strings } from './strings';
import { appKey } from './use-app';

interface ReferenceTable {
  relatedApp: { app: string; code?: string };
  condition: { field: string; relatedField: string };
  filterCond?: string;
  displayFields?: string[];
  sort?: string;
  size?: string;
}

/** `relatedField = value` (in for multi-valued), the way a kintone query matches a key. */
function keyMatch(code: string, f: ApiField | undefined): Expr | null {
  if (!f) return null;
  const v = f.value;
  const values = Array.isArray(v) ? v.map((x) => (typeof x === 'object' && x ? String((x as { code: string }).code) : String(x))) : v === null || v === undefined || v === '' ? [] : [String(v)];
  if (values.length === 0) return null;
  return { kind: 'in', field: { code, pos: 0 }, negated: false, values: values.map(text) };
}

export function RelatedRecords({ property, record, place, timeZone }: { property: Property; record: ApiRecord; place: Place; timeZone: string }) {
  const s = useStrings(strings).fields;
  const ref = property.referenceTable as ReferenceTable | undefined;
  const app = ref?.relatedApp.app ?? '';
  const match = ref ? keyMatch(ref.condition.relatedField, record[ref.condition.field]) : null;
  const size = Number(ref?.size) || 5;
  const fields = useQuery({ queryKey: [...appKey(place, app), 'fields'], queryFn: () => getFormFields(place, app), enabled: app !== '', staleTime: 60_000 });
  const where = joinExprs('and', [whereOf(ref?.filterCond ?? '') ?? null, match]);
  const query = composeQuery({ where, orderBy: parseSort(ref?.sort ?? ''), limit: size });
  const records = useQuery({
    queryKey: [...appKey(place, app), 'related', query],
    queryFn: () => getRecords(place, app, query),
    enabled: app !== '' && match !== null,
  });
  const display = ref?.displayFields ?? [];
  const props = fields.data?.properties ?? {};
  const list = records.data?.records ?? [];
  return (
    <div className="related">
      {list.length === 0 ? (
        <p className="muted">{s.relatedEmpty}</p>
      ) : (
        <div className="subtable-wrap">
          <table className="subtable">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{s.related}</span>
                </th>
                {display.map((c) => (
                  <th key={c} scope="col">
                    {props[c]?.label ?? c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={String(r.$id?.value)}>
                  <td>
                    <Link to={place.page(`/app/${app}/show/${String(r.$id?.value)}`)}>{recordLabel(r)}</Link>
                  </td>
                  {display.map((c) => (
                    <td key={c}>{r[c] && <FieldValue field={r[c]!} property={props[c]} timeZone={timeZone} place={place} compact />}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

interface LookupSetting {
  relatedApp: { app: string };
  relatedKeyField: string;
}

/** A lookup's key field: its value, linked to the record of the other app it was taken from. */
export function LookupLink({ property, field, place, children }: { property: Property; field: ApiField; place: Place; children: ReactNode }) {
  const lookup = property.lookup as LookupSetting | undefined;
  const value = field.value === null || field.value === undefined ? '' : String(field.value);
  const app = lookup?.relatedApp.app ?? '';
  const found = useQuery({
    queryKey: [...appKey(place, app), 'lookup', lookup?.relatedKeyField, value],
    queryFn: () =>
      getRecords(place, app, composeQuery({ where: { kind: 'compare', field: { code: lookup!.relatedKeyField, pos: 0 }, op: '=', value: text(value) }, orderBy: [], limit: 1 }), { fields: ['$id'] }),
    enabled: app !== '' && value !== '',
    staleTime: 60_000,
  });
  const id = found.data?.records[0]?.$id?.value;
  return id ? <Link to={place.page(`/app/${app}/show/${String(id)}`)}>{children}</Link> : <>{children}</>;
}
