// A record's detail page: the view's detail fields, each labelled, every type readable on a phone.
// "Back" returns to the list the visitor came from (its page and search), else the first page.
import type { VisitorDetailJson } from '../../../common/api/public-views.js';
import { FieldValue } from './field-value';
import { Gate } from './gates';
import { useLang } from './lang';
import { follow } from './location';
import { useVisitorData } from './use-data';
import { Loading, useDocumentTitle } from './view-parts';

export function DetailPage({ token, id, member, back }: { token: string; id: string; member: string | null; back: string | null }) {
  const { s } = useLang();
  const answer = useVisitorData<VisitorDetailJson>(`/public/${token}${member !== null ? `/members/${member}` : ''}/records/${encodeURIComponent(id)}.json`);
  useDocumentTitle(answer.data?.view.title);
  if (answer.error) return <Gate key={answer.round} error={answer.error} token={token} onRetry={answer.reload} />;
  if (!answer.data) return <Loading />;
  const { view, record } = answer.data;
  const to = back ?? `/public/${token}`;
  return (
    <article className="pv-view pv-detail">
      <p className="pv-back">
        <a href={to} onClick={(e) => follow(e, to)}>
          ← {s.back}
        </a>
      </p>
      <header className="pv-heading">
        <h1>{view.title}</h1>
      </header>
      <dl className="pv-fields">
        {view.columns.map((c) => (
          <div key={c.code} className={c.type === 'SUBTABLE' || c.type === 'RICH_TEXT' ? 'pv-fields__item pv-fields__item--wide' : 'pv-fields__item'}>
            <dt>{c.label}</dt>
            <dd>
              <FieldValue field={record.values[c.code]} column={c} />
            </dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
