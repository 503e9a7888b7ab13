// A graph or advanced graph view, drawn by ECharts (loaded with this page only) from the server's
// aggregated figures, with the same figures as a table beneath (the chart is an image to
// assistive technology). A cross-tab is the table alone. The axis options of an advanced graph
// name and bound its axes.
import type { VisitorGraphJson } from '../../../common/api/public-view-kinds.js';
import { EChart } from '../ui/charts/echart';
import type { AxisOptions } from '../ui/charts/graph-option';
import { GraphTable, useGraph } from '../ui/charts/graph-parts';
import { useLang } from './lang';
import { ViewAnswer, ViewFrame } from './view-frame';

export function GraphBody({ data, title, axis }: { data: VisitorGraphJson['data']; title: string; axis?: { x?: AxisOptions; y?: AxisOptions } | undefined }) {
  const { s } = useLang();
  const graph = useGraph(data, s.graph, axis)!;
  return (
    <div className="pv-graph">
      {graph.option && <EChart option={graph.option} label={title} />}
      <GraphTable table={graph.table} wrapClassName="pv-subtable-wrap" className="pv-subtable pv-graph__table" label={s.graphTable} />
    </div>
  );
}

export function GraphPage({ token }: { token: string }) {
  return (
    <ViewAnswer<VisitorGraphJson> token={token} path={`/public/${token}/graph.json`}>
      {({ view, data }) => (
        <ViewFrame view={view}>
          <GraphBody data={data} title={view.title} axis={view.graph.axis} />
        </ViewFrame>
      )}
    </ViewAnswer>
  );
}
