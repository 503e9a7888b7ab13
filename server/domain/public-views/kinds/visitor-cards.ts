// GET /public/{token}/cards.json: a page of cards — each record's title, image and a few fields,
// the records and fields of the view only, paged like a list; the image is an attachment shown
// through the view's signed file links (file-urls.ts), so thumbnails pass every gate too.
import type { CardSettings, VisitorCardsJson } from '../../../../common/api/public-view-kinds.js';
import type { Ctx } from '../../context.js';
import type { OpenView } from '../open-view.js';
import { cachedVisitorAnswer } from '../visitor-answers.js';
import { clampPage, pagedMeta, recordsPage, searchText } from './paged.js';

/** `via`: set for a dashboard's member, whose answers carry the dashboard's links. */
export async function visitorCards(ctx: Ctx, open: OpenView, input: { page?: number; q?: string }, via = ''): Promise<Buffer> {
  const s = open.view.settings;
  const page = clampPage(input.page, s.pageSize);
  const q = searchText(s.search, input.q);
  return cachedVisitorAnswer(ctx, open, `${via}cards\0${page}\0${q}`, async (reader): Promise<VisitorCardsJson> => {
    const { card } = s as CardSettings;
    // A field the creator can no longer read is no longer the card's.
    const shown = new Set(reader.fields('publicView.list'));
    const pick = (code: string | undefined) => (code !== undefined && shown.has(code) ? code : null);
    return {
      view: { ...pagedMeta(reader), card: { title: pick(card.title), image: pick(card.image) } },
      ...(await recordsPage(reader, null, page, q)),
    };
  });
}
