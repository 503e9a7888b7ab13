// グラフ on the list: the chosen graph aggregated by the server over the records the viewer may
// see (within the list's current filter), drawn with ECharts, with its numbers in a table —
// the cross table (PIVOT_TABLE) and the table graph are that table alone.
import { useQuery } from '@tanstack/react-query';
import type { Report } from '../../../../common/reports/definition.js';
import type { Place } from '../../api/place';
import { getReportData } from '../../api/records';
import { useStrings } from '../../i18n/area-strings';
import { EChart } from '../../ui/charts/echart';
import { GraphTable, useGraph } from '../../ui/charts/graph-parts';
import { Loading } from '../../ui/loading';
import { strings } from './strings';
import { ErrorLine } from './ui';
import { appKey } from './use-app';

export function GraphPanel({ place, app, reportId, report, filter }: { place: Place; app: string; reportId: string; report: Report | undefined; filter: string }) {
  const s = useStrings(strings).graph;
  const data = useQuery({
    queryKey: [...appKey(place, app), 'report', reportId, filter],
    queryFn: () => getReportData(place, app, reportId, filter),
  });
  const graph = useGraph(data.data, s);
  const name = report?.name ?? s.title;
  return (
    <section className="graph-panel panel" aria-label={s.chart(name)}>
      <h2>{name}</h2>
      {data.error ? (
        <ErrorLine error={data.error} />
      ) : !data.data || !graph ? (
        <Loading />
      ) : graph.table.rows.length === 0 ? (
        <p className="empty">{s.empty}</p>
      ) : (
        <>
          {data.data.truncated && <p className="muted">{s.truncated}</p>}
          {graph.option && <EChart option={graph.option} label={s.chart(name)} />}
          <GraphTable table={graph.table} wrapClassName="graph-table-wrap" className="graph-table" caption={graph.option ? s.table : name} rowHeads />
        </>
      )}
    </section>
  );
}
