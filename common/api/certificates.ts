// Client certificates for "secure access" (ours; administrators). A certificate is issued to one
// regular user, signed by the domain's own certificate authority, and handed over once as a
// PKCS#12 file protected by a one-time password; afterwards only its facts are listed.
import { z } from 'zod';
import { codeRef, intParam } from './params.js';

export const CERTIFICATES_PATH = '/v1/certificates.json';
export const CERTIFICATE_AUTHORITY_PATH = '/v1/certificates/authority.json';

/** Validity of a new certificate, in days. */
export const DEFAULT_CERTIFICATE_DAYS = 365;
export const MAX_CERTIFICATE_DAYS = 3650;

const certificateId = z.string().regex(/^crt_[0-9a-z]{20}$/, 'invalid');

export const issueCertificateInput = z.object({
  /** The user's login name. */
  code: codeRef,
  days: intParam(1, MAX_CERTIFICATE_DAYS).optional(),
});

export const listCertificatesInput = z.object({ code: codeRef.optional() });
export const revokeCertificateInput = z.object({ id: certificateId });

export interface CertificateJson {
  id: string;
  user: { id: string; code: string };
  /** Hexadecimal serial number. */
  serial: string;
  /** SHA-256 of the DER certificate, lower-case hex: what a proxy or the server presents. */
  fingerprint: string;
  subject: string;
  issuedBy: string;
  issuedAt: string;
  expiresAt: string;
  revokedAt: string | null;
  /** Neither revoked nor expired. */
  active: boolean;
}

/** The answer to an issue: the only time the file and its password are shown. */
export interface IssuedCertificateJson {
  certificate: CertificateJson;
  /** PKCS#12 (.p12) with the key, the certificate and the CA, base64. */
  pkcs12: string;
  /** Opens the PKCS#12 file; not stored anywhere. */
  password: string;
}
