// 変更履歴 of a record: each version with who and when (in the viewer's time zone), what kind of
// change it was, and the fields it changed with their values before and after — only fields the
// viewer may read ever appear (the server leaves the rest out).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Property } from '../../../../common/fields/index.js';
import type { VersionJson } from '../../../../common/api/history.js';
import type { Place } from '../../api/place';
import { getHistory } from '../../api/records';
import { useStrings } from '../../i18n/area-strings';
import { FieldValue } from './fields/field-value';
import { formatDateTime } from './fields/format';
import { strings } from './strings';
import { ErrorLine } from './ui';
import { appKey } from './use-app';

const PAGE = 20;

export function History({ place, app, record, properties, timeZone, revision }: { place: Place; app: string; record: string; properties: Record<string, Property>; timeZone: string; revision: string }) {
  const s = useStrings(strings).history;
  const [pages, setPages] = useState(1);
  const history = useQuery({
    queryKey: [...appKey(place, app), 'record', record, 'history', revision, pages],
    queryFn: () => getHistory(place, app, record, 0, PAGE * pages),
  });
  return (
    <section className="history" aria-labelledby={`${record}-history`}>
      <h2 id={`${record}-history`} className="visually-hidden">{s.title}</h2>
      {history.error ? (
        <ErrorLine error={history.error} />
      ) : history.data && history.data.versions.length === 0 ? (
        <p className="empty">{s.empty}</p>
      ) : (
        <ol className="version-list">
          {history.data?.versions.map((v) => (
            <Version key={v.revision} version={v} place={place} properties={properties} timeZone={timeZone} />
          ))}
        </ol>
      )}
      {history.data?.older && (
        <button type="button" className="button" onClick={() => setPages(pages + 1)}>
          {s.older}
        </button>
      )}
    </section>
  );
}

function Version({ version: v, place, properties, timeZone }: { version: VersionJson; place: Place; properties: Record<string, Property>; timeZone: string }) {
  const s = useStrings(strings).history;
  return (
    <li className="version">
      <div className="version__head">
        <span className="badge">{s.kinds[v.kind]}</span>
        <span className="version__who">{v.modifier?.name ?? s.unknown}</span>
        <time className="muted" dateTime={v.updatedAt ?? undefined}>
          {v.updatedAt ? formatDateTime(v.updatedAt, timeZone) : s.unknown}
        </time>
        <span className="muted">{s.version(v.revision)}</span>
      </div>
      {v.changes.length > 0 && (
        <div className="subtable-wrap">
          <table className="changes">
            <thead>
              <tr>
                <th scope="col">{s.field}</th>
                <th scope="col">{s.before}</th>
                <th scope="col">{s.after}</th>
              </tr>
            </thead>
            <tbody>
              {v.changes.map((c) => (
                <tr key={c.code}>
                  <th scope="row">{properties[c.code]?.label ?? c.code}</th>
                  <td>
                    <FieldValue field={{ type: c.type, value: c.before }} property={properties[c.code]} timeZone={timeZone} place={place} compact />
                  </td>
                  <td>
                    <FieldValue field={{ type: c.type, value: c.after }} property={properties[c.code]} timeZone={timeZone} place={place} compact />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}
