// グラフ on the list: the chosen graph aggregated by the server over the records the viewer may
// see (within the list's current filter), drawn with ECharts, with its numbers in a table —
// the cross table (PIVOT_TABLE) and the table graph are that table alone.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Report } from '../../../../common/reports/definition.js';
import type { Place } from '../../api/place';
import { getReportData } from '../../api/records';
import { useStrings } from '../../i18n/area-strings';
import { Loading } from '../../ui/loading';
import { EChart } from './echart';
import { chartOption, graphTable } from './graph-option';
import { strings } from './strings';
import { ErrorLine } from './ui';
import { appKey } from './use-app';

export function GraphPanel({ place, app, reportId, report, filter }: { place: Place; app: string; reportId: string; report: Report | undefined; filter: string }) {
  const s = useStrings(strings).graph;
  const data = useQuery({
    queryKey: [...appKey(place, app), 'report', reportId, filter],
    queryFn: () => getReportData(place, app, reportId, filter),
  });
  const option = useMemo(() => (data.data ? chartOption(data.data, s) : null), [data.data, s]);
  const table = data.data ? graphTable(data.data, s) : null;
  const name = report?.name ?? s.title;
  return (
    <section className="graph-panel panel" aria-label={s.chart(name)}>
      <h2>{name}</h2>
      {data.error ? (
        <ErrorLine error={data.error} />
      ) : !data.data || !table ? (
        <Loading />
      ) : table.rows.length === 0 ? (
        <p className="empty">{s.empty}</p>
      ) : (
        <>
          {data.data.truncated && <p className="muted">{s.truncated}</p>}
          {option && <EChart option={option} label={s.chart(name)} />}
          <div className="graph-table-wrap">
            <table className="graph-table">
              <caption>{option ? s.table : name}</caption>
              <thead>
                <tr>
                  {table.head.map((h, i) => (
                    <th key={i} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r, i) => (
                  <tr key={i}>
                    {r.map((c, j) =>
                      j === 0 ? (
                        <th key={j} scope="row">
                          {c}
                        </th>
                      ) : (
                        <td key={j}>{c}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  {table.foot.map((c, j) => (j === 0 ? <th key={j} scope="row">{c}</th> : <td key={j}>{c}</td>))}
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
