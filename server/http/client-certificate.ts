// Where a client certificate comes from: the TLS connection when Engawa terminates TLS itself
// (TLS_CERT_FILE…), or a header set by a reverse proxy that did (CLIENT_CERT_HEADER) — honoured
// only when the TCP peer is one of TRUST_PROXY, so nobody else can claim a certificate.
import { readFileSync } from 'node:fs';
import type { SecureContextOptions, TLSSocket } from 'node:tls';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { fingerprintOfDer, fingerprintOfPresented } from '../domain/security/certificates-x509.js';
import { addressAllowed } from '../domain/security/restrictions.js';

/** Fastify's `https` options when TLS is configured: client certificates asked for, not required. */
export function httpsOptions(config: Readonly<Config>): (SecureContextOptions & { requestCert: boolean; rejectUnauthorized: boolean }) | null {
  if (!config.tls) return null;
  return {
    cert: readFileSync(config.tls.certFile),
    key: readFileSync(config.tls.keyFile),
    ...(config.tls.clientCaFile ? { ca: readFileSync(config.tls.clientCaFile) } : {}),
    // Asked of every client but never required: guests and people inside the allow-list have none,
    // and a certificate is checked against the issued ones (fingerprint, owner, revocation) anyway.
    requestCert: true,
    rejectUnauthorized: false,
  };
}

function fromTls(request: FastifyRequest): string | null {
  const socket = request.raw.socket as Partial<TLSSocket>;
  if (!socket.encrypted || typeof socket.getPeerCertificate !== 'function') return null;
  const peer = socket.getPeerCertificate();
  return peer && peer.raw ? fingerprintOfDer(peer.raw) : null;
}

/** The presented certificate's SHA-256 fingerprint, or null when there is none to believe. */
export function presentedFingerprint(request: FastifyRequest, config: Readonly<Config>): string | null {
  const direct = fromTls(request);
  if (direct) return direct;
  const name = config.clientCertHeader;
  if (!name) return null;
  const value = request.headers[name];
  if (typeof value !== 'string' || value === '') return null;
  // The TCP peer itself, not request.ip: X-Forwarded-For must not make anyone a proxy.
  if (!addressAllowed(request.raw.socket.remoteAddress, config.trustProxy)) return null;
  return fingerprintOfPresented(value);
}
