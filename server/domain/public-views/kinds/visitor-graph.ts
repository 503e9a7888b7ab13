// GET /public/{token}/graph.json: a graph view's data, aggregated by the report engine
// (server/domain/reports, aggregateReport) as the view's creator: over the records inside the
// fixed filter and the creator's record permissions, grouped and summed by the view's own fields
// only — nothing a visitor sends changes what is grouped or summed (P6). There is no drill-down:
// the answer holds categories and totals, never records or their ids.
import type { AdvancedGraphSettings, VisitorGraphJson } from '../../../../common/api/public-view-kinds.js';
import { AppError } from '../../app-error.js';
import type { Ctx } from '../../context.js';
import { aggregateReport } from '../../reports/aggregate.js';
import { sanitizeRichText } from '../../rich-text.js';
import { type OpenView, notFound } from '../open-view.js';
import { cachedVisitorAnswer } from '../visitor-answers.js';
import { definitionOf, graphFields, graphOf } from './graph-definition.js';

export async function visitorGraph(ctx: Ctx, open: OpenView, via = ''): Promise<Buffer> {
  const { view } = open;
  const s = view.settings;
  return cachedVisitorAnswer(ctx, open, `${via}graph`, async (reader): Promise<VisitorGraphJson> => {
    const g = graphOf(s);
    // A field the creator can no longer read: the graph is gone rather than partly drawn.
    const shown = new Set(reader.fields('publicView.list'));
    if (graphFields(g).some((code) => !shown.has(code))) throw notFound();
    let data;
    try {
      data = await aggregateReport(reader.ctx, reader.schema, definitionOf(g, s.filter), { at: 'settings.graph' });
    } catch (err) {
      // Whatever the engine would say names the view's settings (P7).
      if (err instanceof AppError) throw notFound();
      throw err;
    }
    const advanced = view.kind === 'advancedGraph' ? (g as AdvancedGraphSettings['graph']) : null;
    return {
      view: {
        kind: view.kind,
        title: view.title,
        description: view.description,
        blocks: { above: sanitizeRichText(s.blocks.above), below: sanitizeRichText(s.blocks.below) },
        graph: { chartType: g.chartType, ...(advanced ? { chartMode: advanced.chartMode, axis: advanced.axis } : {}) },
      },
      data,
    };
  });
}
