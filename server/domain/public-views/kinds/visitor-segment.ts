// GET /public/{token}/segments.json?tab=…: a list page of one tab — the records whose segment
// field holds the tab's value. The tab is a value in the query's tree ANDed with the fixed
// filter, so it only narrows; a value that is not one of the view's tabs is refused (CB_VA01,
// without echoing it), never read as query text. The first tab when none is asked for.
import type { SegmentSettings, VisitorSegmentJson } from '../../../../common/api/public-view-kinds.js';
import type { Expr } from '../../../../common/query/index.js';
import { AppError } from '../../app-error.js';
import type { Ctx } from '../../context.js';
import { type OpenView, notFound } from '../open-view.js';
import { columnsOf } from '../present-records.js';
import { cachedVisitorAnswer } from '../visitor-answers.js';
import { clampPage, pagedMeta, recordsPage, searchText } from './paged.js';
import { segmentTabs } from './segment-tabs.js';

export async function visitorSegment(ctx: Ctx, open: OpenView, input: { tab?: string; page?: number; q?: string }, via = ''): Promise<Buffer> {
  const s = open.view.settings;
  const page = clampPage(input.page, s.pageSize);
  const q = searchText(s.search, input.q);
  const tab = input.tab?.normalize('NFC');
  return cachedVisitorAnswer(ctx, open, `${via}segment\0${tab ?? ''}\0${page}\0${q}`, async (reader): Promise<VisitorSegmentJson> => {
    const { segment } = s as SegmentSettings;
    // Split by a field the creator can no longer read, the view would tell what it holds.
    if (!reader.fields('publicView.list').includes(segment.field)) throw notFound();
    const tabs = segmentTabs(reader.schema, segment);
    if (tabs.length === 0) throw notFound();
    const chosen = tab === undefined ? tabs[0]! : tabs.find((t) => t.value === tab);
    if (!chosen) throw AppError.invalid({ tab: 'invalid' });
    const narrow: Expr = { kind: 'in', field: { code: segment.field, pos: 0 }, negated: false, values: [{ kind: 'string', value: chosen.value }] };
    return {
      view: { ...pagedMeta(reader), segment: { field: columnsOf(reader, [segment.field])[0]!, tabs } },
      tab: chosen.value,
      ...(await recordsPage(reader, narrow, page, q)),
    };
  });
}
