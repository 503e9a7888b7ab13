// A record's detail page: the view's detail fields, each labelled, every type readable on a phone.
// "Back" returns to the list the visitor came from (its page and search), else the first page.
import type { VisitorDetailJson } from '../../../common/api/public-views.js';
import { FieldValue } from './field-value';
import { useLang } from './lang';
import { follow } from './location';
import { ViewAnswer } from './view-frame';

export function DetailPage({ token, id, member, back }: { token: string; id: string; member: string | null; back: string | null }) {
  const path = `/public/${token}${member !== null ? `/members/${member}` : ''}/records/${encodeURIComponent(id)}.json`;
  return (
    <ViewAnswer<VisitorDetailJson> token={token} path={path}>
      {(data) => <Detail token={token} data={data} back={back} />}
    </ViewAnswer>
  );
}

function Detail({ token, data, back }: { token: string; data: VisitorDetailJson; back: string | null }) {
  const { s } = useLang();
  const { view, record } = data;
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
