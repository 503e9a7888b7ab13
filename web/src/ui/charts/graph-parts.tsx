// What the app's graph panel and a visitor's graph page share around ECharts: the option and the
// table made once per answer, and the table of the graph's numbers (the chart is an image to
// assistive technology; a cross table is this table alone). Each caller keeps its own classes and
// names, and ECharts itself loads with the caller's chunk alone.
import { useMemo } from 'react';
import type { ReportDataJson } from '../../../../common/api/reports.js';
import { type AxisOptions, type GraphWords, type TableModel, chartOption, graphTable, withAxes } from './graph-option';

export interface Graph {
  /** Null for a graph drawn as its table alone (a cross table, a table). */
  option: Record<string, unknown> | null;
  table: TableModel;
}

/** The chart option and the table of a graph's answer; null until there is an answer. */
export function useGraph(data: ReportDataJson | null | undefined, words: GraphWords, axis?: { x?: AxisOptions; y?: AxisOptions }): Graph | null {
  return useMemo(() => {
    if (!data) return null;
    const option = chartOption(data, words);
    return { option: option ? withAxes(option, axis) : null, table: graphTable(data, words) };
  }, [data, words, axis]);
}

interface TableProps {
  table: TableModel;
  /** The scrolling frame's class and the table's. */
  wrapClassName: string;
  className: string;
  caption?: string | undefined;
  label?: string | undefined;
  /** Whether each row's first cell (and the totals') heads its row. */
  rowHeads?: boolean;
}

export function GraphTable({ table, wrapClassName, className, caption, label, rowHeads = false }: TableProps) {
  const cell = (c: string, j: number) =>
    rowHeads && j === 0 ? (
      <th key={j} scope="row">
        {c}
      </th>
    ) : (
      <td key={j}>{c}</td>
    );
  return (
    <div className={wrapClassName}>
      <table className={className} aria-label={label}>
        {caption !== undefined && <caption>{caption}</caption>}
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
            <tr key={i}>{r.map(cell)}</tr>
          ))}
        </tbody>
        <tfoot>
          <tr>{table.foot.map(cell)}</tr>
        </tfoot>
      </table>
    </div>
  );
}
