// One message of the outbox: its facts, its text, and its HTML shown safely — the server's HTML
// goes into an iframe with `sandbox=""` (no scripts, no forms, an opaque origin, no navigation
// of this page) through `srcdoc`; it never becomes part of this page's DOM.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { getOutboxMessage } from '../../api/admin-security';
import { useStrings } from '../../i18n/area-strings';
import { Loading } from '../../ui/loading';
import { PageHeading, QueryError, useTimeZone } from './admin-ui';
import { formatDateTime } from './format';
import { logStrings } from './log-strings';
import { safeMailHtml } from './mail-html';

export function MailMessagePage() {
  const l = useStrings(logStrings);
  const tz = useTimeZone();
  const id = useParams().id ?? '';
  const [view, setView] = useState<'text' | 'html'>('text');
  const message = useQuery({ queryKey: ['admin', 'mail', id], queryFn: () => getOutboxMessage(id) });
  const back = (
    <p className="breadcrumb">
      <Link to="/admin/mail">{l.message.back}</Link>
    </p>
  );

  if (message.isError) {
    const missing = message.error instanceof ApiError && message.error.status === 404;
    return (
      <div className="admin-page">
        {back}
        {missing ? (
          <p className="form-error" role="alert">
            {l.message.notFound}
          </p>
        ) : (
          <QueryError error={message.error} />
        )}
      </div>
    );
  }
  if (!message.data) return <Loading />;
  const x = message.data;
  const facts: Array<[string, string]> = [
    [l.mail.to, x.to],
    [l.mail.status, l.mail.statuses[x.status]],
    [l.mail.createdAt, formatDateTime(x.createdAt, tz)],
    [l.message.sentAt, formatDateTime(x.sentAt, tz)],
    ...(x.status === 'queued' ? [[l.message.nextAttempt, formatDateTime(x.nextAttemptAt, tz)] as [string, string]] : []),
    [l.mail.attempts, String(x.attempts)],
    [l.message.template, x.template],
    [l.message.locale, x.locale],
    [l.message.messageId, x.messageId],
    ...(x.lastError ? [[l.message.lastError, x.lastError] as [string, string]] : []),
  ];
  return (
    <div className="admin-page">
      {back}
      <PageHeading title={x.subject ?? l.mail.notWritten} />
      <dl className="facts panel">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {x.text === null && x.html === null ? (
        <p className="empty panel">{l.message.noBody}</p>
      ) : (
        <section className="panel">
          <div className="tabs" role="tablist">
            {(['text', 'html'] as const).map((v) => (
              <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? 'tab tab--selected' : 'tab'} disabled={v === 'html' && !x.html} onClick={() => setView(v)}>
                {l.message[v]}
              </button>
            ))}
          </div>
          <div role="tabpanel">
            {view === 'text' ? (
              <pre className="mail-text">{x.text}</pre>
            ) : (
              <iframe className="mail-html" title={l.message.htmlTitle} sandbox="" srcDoc={safeMailHtml(x.html ?? '')} />
            )}
          </div>
        </section>
      )}
    </div>
  );
}
