// A card view: a grid of cards, each the record's image (its first picture), its title and a few
// fields; the card opens the detail page when the view has them. Paged and searched like a list.
import type { VisitorCardsJson } from '../../../common/api/public-view-kinds.js';
import type { VisitorColumn, VisitorFile, VisitorRecord } from '../../../common/api/public-views.js';
import { FieldValue } from './field-value';
import { useLang } from './lang';
import { follow, recordHref } from './location';
import { PagedView } from './paged-view';

const IMAGE = /^image\/(png|jpeg|gif|webp)$/;

export function CardsPage({ token, params }: { token: string; params: URLSearchParams }) {
  return (
    <PagedView<VisitorCardsJson> token={token} params={params} file="cards.json">
      {({ view, records }) => <CardGrid token={token} columns={view.columns} card={view.card} detail={view.detail} records={records} />}
    </PagedView>
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
