// セッション: anyone's sessions (GET /v1/sessions.json by login name, or a guest's
// `guest/<e-mail>`), with when and where they logged in, and ending one or all of them. The
// account is in the address (?code=), so the user's page links straight here.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { SessionJson } from '../../../../common/api/sessions.js';
import { endSessions, listSessionsOf } from '../../api/admin-security';
import { useStrings } from '../../i18n/area-strings';
import { Field, FormError, Notice } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { ActionError, AdminTable, ConfirmButton, NoPermission, PageHeading, isRefused, useTimeZone } from './admin-ui';
import { keyedErrors, sameField } from './field-errors';
import { formatDateTime } from './format';
import { securityStrings } from './security-strings';
import { strings } from './strings';

const GUEST_PREFIX = 'guest/';

export function SessionsPage() {
  const { t: tr } = useTranslation();
  const t = useStrings(securityStrings).sessions;
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const [notice, setNotice] = useState<string | null>(null);
  const sessions = useQuery({ queryKey: ['admin', 'sessions', code], queryFn: () => listSessionsOf(code), enabled: code !== '' });
  const lookupErrors = keyedErrors(sessions.error, tr, sameField(['code']));

  if (isRefused(sessions.error)) return <NoPermission />;
  return (
    <div className="admin-page">
      <PageHeading title={t.title} />
      <p className="muted">{t.hint}</p>
      <Lookup
        key={code}
        code={code}
        error={lookupErrors.field('code')}
        onLookup={(next) => {
          setNotice(null);
          setParams({ code: next });
        }}
      />
      {notice && <Notice>{notice}</Notice>}
      {code && (
        <section className="panel" aria-labelledby="sessions-of">
          <h2 id="sessions-of">{t.of(code)}</h2>
          {sessions.isError ? <FormError errors={lookupErrors} /> : !sessions.data ? <Loading /> : <SessionList code={code} sessions={sessions.data} onDone={setNotice} />}
        </section>
      )}
    </div>
  );
}

function Lookup({ code, error, onLookup }: { code: string; error: string | undefined; onLookup(code: string): void }) {
  const t = useStrings(securityStrings).sessions;
  const guest = code.startsWith(GUEST_PREFIX);
  const [kind, setKind] = useState<'user' | 'guest'>(guest ? 'guest' : 'user');

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const login = String(new FormData(e.currentTarget).get('code') ?? '').trim();
    if (login) onLookup(kind === 'guest' ? `${GUEST_PREFIX}${login}` : login);
  }

  return (
    <form className="filters panel" onSubmit={onSubmit}>
      <fieldset className="segmented">
        <legend>{t.kind}</legend>
        {(['user', 'guest'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t[k]}
          </label>
        ))}
      </fieldset>
      <div className="filters__grow">
        <Field label={t.code} name="code" defaultValue={guest ? code.slice(GUEST_PREFIX.length) : code} autoCapitalize="none" spellCheck={false} autoComplete="off" error={error} />
      </div>
      <button type="submit" className="button">
        {t.show}
      </button>
    </form>
  );
}

function SessionList({ code, sessions, onDone }: { code: string; sessions: SessionJson[]; onDone(message: string): void }) {
  const t = useStrings(securityStrings).sessions;
  const s = useStrings(strings);
  const tz = useTimeZone();
  const queryClient = useQueryClient();
  const end = useMutation({
    mutationFn: (id: string | undefined) => endSessions(code, id),
    onSuccess: async (_a, id) => {
      await queryClient.invalidateQueries({ queryKey: ['admin', 'sessions', code] });
      onDone(id ? t.ended : t.endedAll);
    },
  });
  if (sessions.length === 0) return <p className="empty">{t.empty}</p>;
  return (
    <>
      <ActionError error={end.error} />
      <AdminTable columns={[t.createdAt, t.lastSeenAt, t.expiresAt, t.ip, t.browser]} actions={s.actions}>
        {sessions.map((x) => (
          <tr key={x.id}>
            <td data-label={t.createdAt}>
              {formatDateTime(x.createdAt, tz)} {x.current && <span className="badge">{t.current}</span>}
              {x.passwordExpired && <span className="badge">{t.passwordExpired}</span>}
            </td>
            <td data-label={t.lastSeenAt}>{formatDateTime(x.lastSeenAt, tz)}</td>
            <td data-label={t.expiresAt}>{formatDateTime(x.expiresAt, tz)}</td>
            <td data-label={t.ip} className="mono">
              {x.ip}
            </td>
            <td data-label={t.browser} className="cell-wrap user-agent">
              {x.userAgent}
            </td>
            <td data-label={s.actions}>
              <ConfirmButton label={t.end} message={t.endConfirm} confirmLabel={t.end} pending={end.isPending} onConfirm={() => end.mutate(x.id)} />
            </td>
          </tr>
        ))}
      </AdminTable>
      <div className="button-row button-row--end">
        <ConfirmButton label={t.endAll} message={t.endAllConfirm(code)} confirmLabel={t.endAll} pending={end.isPending} onConfirm={() => end.mutate(undefined)} />
      </div>
    </>
  );
}
