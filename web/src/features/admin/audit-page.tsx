// 監査ログ: the domain's audit log, newest first, filtered by action (exact or `prefix.*`), user,
// days (in the person's time zone) and result, paged (the server stops at 10,000), with the
// same filter as a CSV download. The filter lives in the address.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { MAX_AUDIT_OFFSET } from '../../../../common/api/audit.js';
import type { AuditEntryJson } from '../../../../common/api/audit.js';
import { auditCsvHref, listAudit } from '../../api/admin-security';
import { useStrings } from '../../i18n/area-strings';
import { Field, FormError } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { NoPermission, PageHeading, Pager, isRefused, useTimeZone } from './admin-ui';
import { type AuditForm, auditFilter, auditForm, auditParams, isFiltered } from './audit-filter';
import { keyedErrors, sameField } from './field-errors';
import { formatDateTime } from './format';
import { logStrings } from './log-strings';
import { strings } from './strings';

const PAGE_SIZE = 50;

export function AuditPage() {
  const { t: tr } = useTranslation();
  const s = useStrings(strings);
  const a = useStrings(logStrings).audit;
  const tz = useTimeZone();
  const [params, setParams] = useSearchParams();
  const form = auditForm(params);
  const filter = auditFilter(form, tz);
  const offset = Math.min(MAX_AUDIT_OFFSET, Math.max(0, Number(params.get('offset')) || 0));
  const entries = useQuery({ queryKey: ['admin', 'audit', filter, offset], queryFn: () => listAudit(filter, offset, PAGE_SIZE), placeholderData: keepPreviousData });
  const errors = keyedErrors(entries.error, tr, sameField(['action', 'actor', 'from', 'to', 'result']));

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '');
    const next: AuditForm = { action: value('action'), actor: value('actor'), from: value('from'), to: value('to'), result: auditForm(new URLSearchParams({ result: value('result') })).result };
    setParams(auditParams(next));
  }

  function page(to: number): void {
    const next = auditParams(form);
    if (to) next.set('offset', String(to));
    setParams(next);
  }

  if (isRefused(entries.error)) return <NoPermission />;
  const total = entries.data ? Number(entries.data.totalCount) : 0;
  return (
    <div className="admin-page">
      <PageHeading title={a.title}>
        <a className="button" href={auditCsvHref(filter)} download>
          {a.csv}
        </a>
      </PageHeading>
      <form className="filters panel" role="search" aria-label={a.filters} onSubmit={onSubmit} key={params.toString()}>
        <div className="filters__grow">
          <Field label={a.action} name="action" defaultValue={form.action} autoCapitalize="none" spellCheck={false} autoComplete="off" hint={a.actionHint} error={errors.field('action')} />
        </div>
        <Field label={a.actor} name="actor" defaultValue={form.actor} autoCapitalize="none" spellCheck={false} autoComplete="off" error={errors.field('actor')} />
        <Field label={a.from} name="from" type="date" defaultValue={form.from} error={errors.field('from')} />
        <Field label={a.to} name="to" type="date" defaultValue={form.to} error={errors.field('to')} />
        <div className="field">
          <label htmlFor="audit-result">{a.result}</label>
          <select id="audit-result" name="result" defaultValue={form.result}>
            <option value="">{s.all}</option>
            <option value="success">{a.success}</option>
            <option value="failure">{a.failure}</option>
          </select>
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary">
            {a.apply}
          </button>
          {isFiltered(form) && (
            <button type="button" className="button" onClick={() => setParams(new URLSearchParams())}>
              {a.clear}
            </button>
          )}
        </div>
      </form>
      <p className="muted">{a.csvHint}</p>
      {entries.isError ? (
        <FormError errors={errors} />
      ) : !entries.data ? (
        <Loading />
      ) : entries.data.entries.length === 0 ? (
        <p className="empty panel">{isFiltered(form) ? a.noMatch : a.empty}</p>
      ) : (
        <>
          <Pager offset={offset} shown={entries.data.entries.length} pageSize={PAGE_SIZE} total={total} maxOffset={MAX_AUDIT_OFFSET} onChange={page} />
          <table className="admin-table audit-table">
            <thead>
              <tr>
                <th scope="col">{a.at}</th>
                <th scope="col">{a.who}</th>
                <th scope="col">{a.action}</th>
                <th scope="col">{a.target}</th>
                <th scope="col">{a.result}</th>
                <th scope="col">{a.ip}</th>
                <th scope="col">{a.details}</th>
              </tr>
            </thead>
            <tbody>
              {entries.data.entries.map((e) => (
                <AuditRow key={e.id} entry={e} tz={tz} />
              ))}
            </tbody>
          </table>
          {total > MAX_AUDIT_OFFSET && <p className="muted">{a.limit}</p>}
        </>
      )}
    </div>
  );
}

function AuditRow({ entry: e, tz }: { entry: AuditEntryJson; tz: string }) {
  const a = useStrings(logStrings).audit;
  const who = e.actor.code ?? (e.actor.kind === 'system' ? a.system : e.actor.kind === 'anonymous' ? a.anonymous : e.actor.kind);
  const detail = Object.keys(e.detail).length > 0 || e.userAgent;
  return (
    <tr>
      <td data-label={a.at}>{formatDateTime(e.at, tz)}</td>
      <td data-label={a.who} className="cell-wrap">
        {who}
      </td>
      <td data-label={a.action} className="mono">
        {e.action}
      </td>
      <td data-label={a.target} className="cell-wrap">
        {e.target ? `${e.target.type}${e.target.id ? ` ${e.target.id}` : ''}` : '—'}
      </td>
      <td data-label={a.result}>
        <span className={e.result === 'success' ? 'state state--active' : 'state state--failure'}>{e.result === 'success' ? a.success : a.failure}</span>
      </td>
      <td data-label={a.ip} className="mono">
        {e.ip ?? '—'}
      </td>
      <td data-label={a.details}>
        {detail ? (
          <details className="audit-detail">
            <summary>{a.details}</summary>
            <pre>{JSON.stringify({ ...e.detail, ...(e.userAgent ? { userAgent: e.userAgent } : {}) }, null, 2)}</pre>
          </details>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}
