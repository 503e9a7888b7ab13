// 送信メール: the outbox (GET /v1/mail/outbox.json), newest first, filtered by status and paged,
// each message opening on its own page; and a test message to check the mail settings.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { MailStatus } from '../../../../common/api/mail.js';
import { listOutbox, sendTestMail } from '../../api/admin-security';
import { useStrings } from '../../i18n/area-strings';
import { Field, FormError, Notice, SubmitButton } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { TextAreaField } from './admin-fields';
import { AdminTable, PageHeading, Pager, QueryError, useTimeZone, usePageInAddress } from './admin-ui';
import { keyedErrors, sameField } from './field-errors';
import { formatDateTime } from './format';
import { logStrings } from './log-strings';
import { strings } from './strings';

const PAGE_SIZE = 20;
const STATUSES: readonly MailStatus[] = ['queued', 'sent', 'failed', 'dropped'];

export function MailPage() {
  const s = useStrings(strings);
  const m = useStrings(logStrings).mail;
  const tz = useTimeZone();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = STATUSES.find((x) => x === raw);
  const { offset, page } = usePageInAddress();
  const outbox = useQuery({ queryKey: ['admin', 'outbox', status, offset], queryFn: () => listOutbox(status, offset, PAGE_SIZE), placeholderData: keepPreviousData });

  function choose(next: string): void {
    setParams(next ? { status: next } : {});
  }

  return (
    <div className="admin-page">
      <PageHeading title={m.title} />
      <TestMessage />
      <div className="filters">
        <div className="field">
          <label htmlFor="mail-status">{m.status}</label>
          <select id="mail-status" value={status ?? ''} onChange={(e) => choose(e.target.value)}>
            <option value="">{s.all}</option>
            {STATUSES.map((x) => (
              <option key={x} value={x}>
                {m.statuses[x]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {outbox.isError ? (
        <QueryError error={outbox.error} />
      ) : !outbox.data ? (
        <Loading />
      ) : outbox.data.messages.length === 0 ? (
        <p className="empty panel">{status ? m.noMatch : m.empty}</p>
      ) : (
        <>
          <Pager offset={offset} shown={outbox.data.messages.length} pageSize={PAGE_SIZE} total={Number(outbox.data.totalCount)} onChange={page} />
          <AdminTable columns={[m.createdAt, m.to, m.subject, m.status, m.attempts]}>
            {outbox.data.messages.map((x) => (
              <tr key={x.id}>
                <td data-label={m.createdAt}>{formatDateTime(x.createdAt, tz)}</td>
                <td data-label={m.to} className="cell-wrap">
                  {x.to}
                </td>
                <td data-label={m.subject} className="cell-wrap">
                  <Link to={`/admin/mail/${encodeURIComponent(x.id)}`}>{x.subject ?? m.notWritten}</Link>
                </td>
                <td data-label={m.status}>
                  <span className={`mail-status mail-status--${x.status}`}>{m.statuses[x.status]}</span>
                </td>
                <td data-label={m.attempts}>{x.attempts}</td>
              </tr>
            ))}
          </AdminTable>
        </>
      )}
    </div>
  );
}

function TestMessage() {
  const { t } = useTranslation();
  const m = useStrings(logStrings).mail;
  const queryClient = useQueryClient();
  const [formKey, setFormKey] = useState(0);
  const send = useMutation({
    mutationFn: sendTestMail,
    onSuccess: async () => {
      setFormKey((k) => k + 1);
      await queryClient.invalidateQueries({ queryKey: ['admin', 'outbox'] });
    },
  });
  const errors = keyedErrors(send.error, t, sameField(['to', 'text']));

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const to = String(data.get('to') ?? '').trim();
    const text = String(data.get('text') ?? '');
    send.mutate({ ...(to ? { to } : {}), ...(text.trim() ? { text } : {}) });
  }

  return (
    <details className="panel disclosure">
      <summary>{m.test}</summary>
      {send.isSuccess && <Notice>{m.sent}</Notice>}
      <form key={formKey} className="form admin-form" onSubmit={onSubmit} noValidate>
        <FormError errors={errors} />
        <Field label={m.testTo} name="to" type="email" autoComplete="off" error={errors.field('to')} />
        <TextAreaField label={m.testText} name="text" rows={3} maxLength={2000} error={errors.field('text')} />
        <div className="form-actions">
          <SubmitButton pending={send.isPending}>{m.send}</SubmitButton>
        </div>
      </form>
    </details>
  );
}
