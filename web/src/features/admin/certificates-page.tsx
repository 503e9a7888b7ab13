// クライアント証明書 for secure access: the domain CA's certificate (for a proxy's trust list),
// issuing a certificate to a user — the PKCS#12 file and its password are shown this once and
// kept nowhere — and the issued certificates with their state and revocation. ?code= narrows
// the list to one user (the user's page links here).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CertificateJson, IssuedCertificateJson } from '../../../../common/api/certificates.js';
import { DEFAULT_CERTIFICATE_DAYS } from '../../../../common/api/certificates.js';
import { certificateAuthority, issueCertificate, listCertificates, revokeCertificate } from '../../api/admin-security';
import { useStrings } from '../../i18n/area-strings';
import { Field, FormError, Notice, SubmitButton } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { ActionError, AdminTable, ConfirmButton, PageHeading, QueryError, useTimeZone } from './admin-ui';
import { base64Bytes, objectUrl, saveFile, useReleasedUrl } from './download';
import { keyedErrors, sameField } from './field-errors';
import { formatDateTime } from './format';
import { securityStrings } from './security-strings';

const KEY = ['admin', 'certificates'] as const;

export function CertificatesPage() {
  const c = useStrings(securityStrings).certificates;
  const tz = useTimeZone();
  const [params] = useSearchParams();
  const code = params.get('code');
  const [notice, setNotice] = useState<string | null>(null);
  const certificates = useQuery({ queryKey: KEY, queryFn: listCertificates });
  const shown = certificates.data?.filter((x) => !code || x.user.code.toLowerCase() === code.toLowerCase());

  return (
    <div className="admin-page">
      <PageHeading title={c.title} />
      {notice && <Notice>{notice}</Notice>}
      <Authority />
      <Issue defaultCode={code ?? ''} />
      <section className="panel" aria-labelledby="certificates-list">
        <h2 id="certificates-list">{code ? c.of(code) : c.list}</h2>
        {code && (
          <p>
            <Link to="/admin/certificates">{c.showAll}</Link>
          </p>
        )}
        {certificates.isError ? (
          <QueryError error={certificates.error} />
        ) : !shown ? (
          <Loading />
        ) : shown.length === 0 ? (
          <p className="empty">{c.empty}</p>
        ) : (
          <AdminTable columns={[c.user, c.serial, c.fingerprint, c.issuedAt, c.expiresAt, c.status]} actions={c.revoke}>
            {shown.map((x) => (
              <CertificateRow key={x.id} certificate={x} tz={tz} onRevoked={() => setNotice(c.revokedDone)} />
            ))}
          </AdminTable>
        )}
      </section>
    </div>
  );
}

function CertificateRow({ certificate: x, tz, onRevoked }: { certificate: CertificateJson; tz: string; onRevoked(): void }) {
  const c = useStrings(securityStrings).certificates;
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => revokeCertificate(x.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: KEY });
      onRevoked();
    },
  });
  const state = x.revokedAt ? c.revoked : x.active ? c.valid : c.expired;
  return (
    <tr>
      <td data-label={c.user}>
        <Link to={`/admin/users/${encodeURIComponent(x.user.code)}`}>{x.user.code}</Link>
      </td>
      <td data-label={c.serial} className="mono cell-wrap">
        {x.serial}
      </td>
      <td data-label={c.fingerprint} className="mono cell-wrap" title={x.fingerprint}>
        {x.fingerprint.slice(0, 16)}…
      </td>
      <td data-label={c.issuedAt}>{formatDateTime(x.issuedAt, tz)}</td>
      <td data-label={c.expiresAt}>{formatDateTime(x.expiresAt, tz)}</td>
      <td data-label={c.status}>
        <span className={x.active ? 'state state--active' : 'state state--inactive'}>{state}</span>
      </td>
      <td data-label={c.revoke}>
        {x.active && <ConfirmButton label={c.revoke} message={c.revokeConfirm(x.user.code, x.serial)} confirmLabel={c.revoke} pending={revoke.isPending} onConfirm={() => revoke.mutate()} />}
        <ActionError error={revoke.error} />
      </td>
    </tr>
  );
}

function Authority() {
  const c = useStrings(securityStrings).certificates;
  const download = useMutation({
    mutationFn: certificateAuthority,
    onSuccess: (pem) => saveFile(pem, 'application/x-pem-file', 'engawa-ca.pem'),
  });
  return (
    <section className="panel" aria-labelledby="certificates-authority">
      <h2 id="certificates-authority">{c.authority}</h2>
      <p className="muted">{c.authorityHint}</p>
      <ActionError error={download.error} />
      <button type="button" className="button" disabled={download.isPending} onClick={() => download.mutate()}>
        {c.downloadAuthority}
      </button>
    </section>
  );
}

function Issue({ defaultCode }: { defaultCode: string }) {
  const { t } = useTranslation();
  const c = useStrings(securityStrings).certificates;
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<{ answer: IssuedCertificateJson; url: string } | null>(null);
  const issue = useMutation({
    mutationFn: ({ code, days }: { code: string; days: string }) => issueCertificate({ code, ...(days ? { days } : {}) }),
    onMutate: () => setIssued(null),
    onSuccess: async (answer) => {
      setIssued({ answer, url: objectUrl([base64Bytes(answer.pkcs12)], 'application/x-pkcs12') });
      await queryClient.invalidateQueries({ queryKey: KEY });
    },
  });
  const errors = keyedErrors(issue.error, t, sameField(['code', 'days']));
  useReleasedUrl(issued?.url ?? null);

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    issue.mutate({ code: String(data.get('code') ?? '').trim(), days: String(data.get('days') ?? '').trim() });
  }

  return (
    <section className="panel" aria-labelledby="certificates-issue">
      <h2 id="certificates-issue">{c.issue}</h2>
      <form className="form admin-form" onSubmit={onSubmit} noValidate>
        <FormError errors={errors} />
        <Field label={c.user} name="code" defaultValue={defaultCode} autoCapitalize="none" spellCheck={false} autoComplete="off" required error={errors.field('code')} />
        <Field label={c.days} name="days" inputMode="numeric" defaultValue={DEFAULT_CERTIFICATE_DAYS} error={errors.field('days')} />
        <div className="form-actions">
          <SubmitButton pending={issue.isPending}>{c.submit}</SubmitButton>
        </div>
      </form>
      {issued && (
        <div className="issued" role="status">
          <p>{c.issued}</p>
          <p>
            {c.password}: <code className="secret-value">{issued.answer.password}</code>
          </p>
          <a className="button button--primary" href={issued.url} download={`${issued.answer.certificate.user.code}-${issued.answer.certificate.serial}.p12`}>
            {c.downloadP12}
          </a>
        </div>
      )}
    </section>
  );
}
