// A graph view's settings as the report engine's definition (server/domain/reports): the same
// checks at save (plan.ts) and the same aggregation at each visit, so graphs are aggregated one
// way everywhere. The view's fixed filter is the definition's condition, compiled within the
// record scope of the person the view reads as.
import type { AdvancedGraphSettings, GraphSettings } from '../../../../common/api/public-view-kinds.js';
import type { PublicViewKind, PublicViewSettings } from '../../../../common/api/public-views.js';
import { MODED_CHARTS, type ReportDefinition } from '../../../../common/reports/definition.js';

type Graph = GraphSettings['graph'] | AdvancedGraphSettings['graph'];

function isAdvanced(g: Graph): g is AdvancedGraphSettings['graph'] {
  return 'groups' in g;
}

export function isGraphKind(kind: PublicViewKind): kind is 'graph' | 'advancedGraph' {
  return kind === 'graph' || kind === 'advancedGraph';
}

/** The graph's settings of a graph view (checked by its kind's schema). */
export function graphOf(settings: PublicViewSettings): Graph {
  return (settings as GraphSettings | AdvancedGraphSettings).graph;
}

/** The fields a graph reads: what it groups by, then what it aggregates. */
export function graphFields(g: Graph): string[] {
  const groups = isAdvanced(g) ? g.groups : [g.group];
  const aggregations = isAdvanced(g) ? g.aggregations : [g.aggregation];
  return [...new Set([...groups.map((x) => x.field), ...aggregations.flatMap((a) => (a.type !== 'COUNT' && a.field ? [a.field] : []))])];
}

/** The report definition (as an unchecked object: planReport checks it). */
export function definitionOf(g: Graph, filter: string): ReportDefinition {
  const groups = (isAdvanced(g) ? g.groups : [g.group]).map((x) => ({ code: x.field, ...(x.per ? { per: x.per } : {}) }));
  const aggregations = (isAdvanced(g) ? g.aggregations : [g.aggregation]).map((a) => (a.type === 'COUNT' ? { type: a.type } : { type: a.type, code: a.field! }));
  const sorts = isAdvanced(g) ? g.sorts : g.sort ? [g.sort] : [];
  const mode = isAdvanced(g) ? g.chartMode : 'NORMAL';
  return { chartType: g.chartType, ...(MODED_CHARTS.has(g.chartType) ? { chartMode: mode } : {}), groups, aggregations, filterCond: filter, sorts };
}
