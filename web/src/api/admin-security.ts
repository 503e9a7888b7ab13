// The administrators' security screens: the domain's settings, client certificates, anyone's
// sessions, the audit log and the mail outbox. Paths and inputs come from common/api.
import type { z } from 'zod';
import { AUDIT_CSV_PATH, AUDIT_PATH } from '../../../common/api/audit.js';
import type { ListAuditResponse } from '../../../common/api/audit.js';
import { CERTIFICATE_AUTHORITY_PATH, CERTIFICATES_PATH } from '../../../common/api/certificates.js';
import type { CertificateJson, IssuedCertificateJson, issueCertificateInput } from '../../../common/api/certificates.js';
import { OUTBOX_MESSAGE_PATH, OUTBOX_PATH, TEST_MAIL_PATH } from '../../../common/api/mail.js';
import type { ListOutboxResponse, MailStatus, OutboxMessageJson, testMailInput } from '../../../common/api/mail.js';
import { SECURITY_SETTINGS_PATH } from '../../../common/api/security.js';
import type { SecuritySettings, securitySettingsInput } from '../../../common/api/security.js';
import { SESSIONS_PATH } from '../../../common/api/sessions.js';
import type { SessionJson } from '../../../common/api/sessions.js';
import { api, queryString } from './client';

export function getSecuritySettings(): Promise<SecuritySettings> {
  return api<SecuritySettings>('GET', SECURITY_SETTINGS_PATH);
}

export function saveSecuritySettings(input: z.input<typeof securitySettingsInput>): Promise<SecuritySettings> {
  return api<SecuritySettings>('PUT', SECURITY_SETTINGS_PATH, { body: input });
}

// Certificates

export async function listCertificates(): Promise<CertificateJson[]> {
  return (await api<{ certificates: CertificateJson[] }>('GET', CERTIFICATES_PATH)).certificates;
}

export function issueCertificate(input: z.input<typeof issueCertificateInput>): Promise<IssuedCertificateJson> {
  return api<IssuedCertificateJson>('POST', CERTIFICATES_PATH, { body: input });
}

export async function revokeCertificate(id: string): Promise<void> {
  await api('DELETE', CERTIFICATES_PATH, { body: { id } });
}

/** The domain CA's certificate, PEM. */
export async function certificateAuthority(): Promise<string> {
  return (await api<{ certificate: string }>('GET', CERTIFICATE_AUTHORITY_PATH)).certificate;
}

// Sessions of anyone: `code` is a login name, or `guest/<e-mail>` for a guest.

export async function listSessionsOf(code: string): Promise<SessionJson[]> {
  return (await api<{ sessions: SessionJson[] }>('GET', SESSIONS_PATH, { query: { code } })).sessions;
}

export async function endSessions(code: string, id?: string): Promise<void> {
  await api('DELETE', SESSIONS_PATH, { body: { code, ...(id ? { id } : {}) } });
}

// Audit log

export interface AuditFilter {
  action?: string;
  actor?: string;
  result?: 'success' | 'failure';
  /** ISO-8601 instants: from inclusive, to exclusive. */
  from?: string;
  to?: string;
}

export function listAudit(filter: AuditFilter, offset: number, limit: number): Promise<ListAuditResponse> {
  return api<ListAuditResponse>('GET', AUDIT_PATH, { query: { ...filter, offset, limit } });
}

/** The CSV export of the same filter: a plain link, the browser downloads it with the session. */
export function auditCsvHref(filter: AuditFilter): string {
  return AUDIT_CSV_PATH + queryString({ ...filter });
}

// Mail

export async function listOutbox(status: MailStatus | undefined, offset: number, limit: number): Promise<ListOutboxResponse> {
  return api('GET', OUTBOX_PATH, { query: { status, offset, limit } });
}

export async function getOutboxMessage(id: string): Promise<OutboxMessageJson> {
  return (await api<{ message: OutboxMessageJson }>('GET', OUTBOX_MESSAGE_PATH, { query: { id } })).message;
}

export async function sendTestMail(input: z.input<typeof testMailInput>): Promise<string> {
  return (await api<{ id: string }>('POST', TEST_MAIL_PATH, { body: input })).id;
}
