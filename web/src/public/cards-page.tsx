// A card view: a grid of cards, each the record's image (its first picture), its title and a few
// fields; the card opens the detail page when the view has them. Paged and searched like a list.
import type { VisitorCardsJson } from '../../../common/api/public-view-kinds.js';
import type { VisitorColumn, VisitorFile, VisitorRecord } from '../../../common/api/public-views.js';
import { RichText } from '../features/records/fields/rich-text';
import { FieldValue } from './field-value';
import { Gate } from './gates';
import { useLang } from './lang';
import { Pager, SearchBox } from './list-parts';
import { follow, recordHref } from './location';
import { useVisitorData } from './use-data';
import { Loading, ViewHeading, useDocumentTitle } from './view-parts';

const IMAGE = /^image\/(png|jpeg|gif|webp)$/;

export function CardsPage({ token, params }: { token: string; params: URLSearchParams }) {
  const query = params.toString();
  const answer = useVisitorData<VisitorCardsJson>(`/public/${token}/cards.json${query ? `?${query}` : ''}`);
  useDocumentTitle(answer.data?.view.title);
  if (answer.error) return <Gate key={answer.round} error={answer.error} token={token} onRetry={answer.reload} />;
  if (!answer.data) return <Loading />;
  const { view, records, totalCount, page, pages } = answer.data;
  const pager = { token, params, page, pages, total: totalCount, pageSize: view.pageSize, shown: records.length };
  return (
    <article className="pv-view" aria-busy={answer.loading || undefined}>
      <ViewHeading view={view} />
      {view.blocks.above && <RichText html={view.blocks.above} className="rich-text pv-block" />}
      {view.search && <SearchBox key={`q:${params.get('q') ?? ''}`} token={token} params={params} />}
      <Pager {...pager} />
      <CardGrid token={token} columns={view.columns} card={view.card} detail={view.detail} records={records} />
      {records.length > 0 && pages > 1 && <Pager {...pager} bottom />}
      {view.blocks.below && <RichText html={view.blocks.below} className="rich-text pv-block" />}
    </article>
  );
}

interface GridProps {
  token: string;
  columns: VisitorColumn[];
  card: { title: string | null; image: string | null };
  detail: boolean;
  records: VisitorRecord[];
  member?: number | undefined;
}

export function CardGrid({ token, columns, card, detail, records, member }: GridProps) {
  const { s } = useLang();
  if (records.length === 0) return <p className="pv-empty">{s.empty}</p>;
  const others = columns.filter((c) => c.code !== card.title && c.code !== card.image);
  return (
    <ul className="pv-cards">
      {records.map((r) => {
        const files = card.image ? ((r.values[card.image]?.value as VisitorFile[] | undefined) ?? []) : [];
        const image = files.find((f) => IMAGE.test(f.contentType));
        const title = card.title ? String(r.values[card.title]?.value ?? '') : '';
        const href = recordHref(token, r.id, member);
        return (
          <li key={r.id} className="pv-card">
            {image && <img className="pv-card__image" src={image.url} alt={image.name} loading="lazy" />}
            <h2 className="pv-card__title">
              {detail ? (
                <a href={href} onClick={(e) => follow(e, href)}>
                  {title || s.details}
                </a>
              ) : (
                title
              )}
            </h2>
            <dl className="pv-card__fields">
              {others.map((c) => (
                <div key={c.code}>
                  <dt>{c.label}</dt>
                  <dd>
                    <FieldValue field={r.values[c.code]} column={c} compact />
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
