// A graph or advanced graph view, drawn by ECharts (loaded with this page only) from the server's
// aggregated figures, with the same figures as a table beneath (the chart is an image to
// assistive technology). A cross-tab is the table alone. The axis options of an advanced graph
// name and bound its axes.
import { useMemo } from 'react';
import type { VisitorGraphJson } from '../../../common/api/public-view-kinds.js';
import { EChart } from '../features/records/echart';
import { chartOption, graphTable } from '../features/records/graph-option';
import { RichText } from '../features/records/fields/rich-text';
import { Gate } from './gates';
import { useLang } from './lang';
import { useVisitorData } from './use-data';
import { Loading, ViewHeading, useDocumentTitle } from './view-parts';

type Axis = { title?: string; min?: number; max?: number };

function withAxes(option: Record<string, unknown>, axis: { x?: Axis; y?: Axis } | undefined): Record<string, unknown> {
  if (!axis) return option;
  const apply = (key: 'xAxis' | 'yAxis', a: Axis | undefined) => {
    const base = option[key];
    if (!a || !base || typeof base !== 'object') return base;
    return { ...(base as object), ...(a.title ? { name: a.title, nameLocation: 'middle', nameGap: 28 } : {}), ...(a.min !== undefined ? { min: a.min } : {}), ...(a.max !== undefined ? { max: a.max } : {}) };
  };
  return { ...option, xAxis: apply('xAxis', axis.x), yAxis: apply('yAxis', axis.y) };
}

export function GraphBody({ data, title, axis }: { data: VisitorGraphJson['data']; title: string; axis?: { x?: Axis; y?: Axis } | undefined }) {
  const { s } = useLang();
  const option = useMemo(() => {
    const o = chartOption(data, s.graph);
    return o ? withAxes(o, axis) : null;
  }, [data, s.graph, axis]);
  const table = useMemo(() => graphTable(data, s.graph), [data, s.graph]);
  return (
    <div className="pv-graph">
      {option && <EChart option={option} label={title} />}
      <div className="pv-subtable-wrap">
        <table className="pv-subtable pv-graph__table" aria-label={s.graphTable}>
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
                {r.map((c, j) => (
                  <td key={j}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              {table.foot.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}

export function GraphPage({ token }: { token: string }) {
  const answer = useVisitorData<VisitorGraphJson>(`/public/${token}/graph.json`);
  useDocumentTitle(answer.data?.view.title);
  if (answer.error) return <Gate key={answer.round} error={answer.error} token={token} onRetry={answer.reload} />;
  if (!answer.data) return <Loading />;
  const { view, data } = answer.data;
  return (
    <article className="pv-view">
      <ViewHeading view={view} />
      {view.blocks.above && <RichText html={view.blocks.above} className="rich-text pv-block" />}
      <GraphBody data={data} title={view.title} axis={view.graph.axis} />
      {view.blocks.below && <RichText html={view.blocks.below} className="rich-text pv-block" />}
    </article>
  );
}
