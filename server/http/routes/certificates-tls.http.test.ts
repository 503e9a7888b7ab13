// Secure access with Engawa terminating TLS itself (TLS_CERT_FILE, TLS_KEY_FILE): an HTTPS server
// on 127.0.0.1 asks every client for a certificate; the one presented in the handshake must be
// an unrevoked certificate issued to the signed-in user when the client is outside the allow-list.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig } from '../../config.js';
import type { Services } from '../../domain/context.js';
import { MemoryLimiter } from '../../infra/limiter.js';
import { buildApp } from '../app.js';
import { httpsOptions } from '../client-certificate.js';
import { type Harness, type Persona, type TestDomain, TestClock, newDomain } from '../../../test/support/app.js';
import { certificateOf } from '../../../test/support/certificates.js';
import { eachDatabase } from '../../../test/support/db.js';

/** A self-signed server certificate for 127.0.0.1. */
function serverCertificate(): { cert: string; key: string } {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  const name = [{ name: 'commonName', value: 'localhost' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    { name: 'extKeyUsage', serverAuth: true },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: forge.pki.privateKeyToPem(keys.privateKey) };
}

interface Answer {
  status: number;
  body: { code?: string };
}

eachDatabase((database) => {
  let h: Harness;
  let dir: string;
  let port: number;
  let serverPem: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'engawa-tls-'));
    const server = serverCertificate();
    serverPem = server.cert;
    await writeFile(path.join(dir, 'server.pem'), server.cert);
    await writeFile(path.join(dir, 'server.key'), server.key);
    const config = loadConfig({ DEFAULT_LOCALE: 'en', DATA_DIR: dir, TLS_CERT_FILE: path.join(dir, 'server.pem'), TLS_KEY_FILE: path.join(dir, 'server.key') });
    const clock = new TestClock(new Date());
    const db = database();
    const services: Services = { db: db.db, ids: db.ids, dialect: db.kind, clock: clock.now, config, onMailQueued: () => {} };
    const limiter = new MemoryLimiter();
    const app = await buildApp({ services, limiter, https: httpsOptions(config) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
    h = { app, services, clock, limiter, mail: undefined as never, close: () => app.close() };
  });
  afterAll(async () => {
    await h?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** GET over TLS as `as`, presenting `p12` (with its password) when given. */
  function tlsGet(d: TestDomain, as: Persona, p12?: { pkcs12: string; password: string }): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port,
          path: '/k/v1/apps.json',
          method: 'GET',
          ca: serverPem,
          // The Host header names the domain; the certificate names the machine.
          servername: 'localhost',
          agent: false,
          headers: { host: d.host, 'x-cybozu-authorization': as.auth },
          ...(p12 ? { pfx: Buffer.from(p12.pkcs12, 'base64'), passphrase: p12.password } : {}),
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Answer['body'] }));
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  describe('secure access over TLS', () => {
    it('accepts the user’s own certificate from the handshake, and refuses none, another’s and a revoked one', async () => {
      const d = await newDomain(h);
      const issue = async (code: string) => (await d.request({ method: 'POST', url: '/v1/certificates.json', as: d.admin, payload: { code } })).json();
      const mine = await issue('member');
      const admins = await issue('admin');
      expect(certificateOf(mine.pkcs12, mine.password)).toContain('BEGIN CERTIFICATE');
      // 127.0.0.1, where the test connects from, is outside this list.
      const inside = '192.0.2.1';
      const put = await d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, remoteAddress: inside, payload: { ipRestriction: { enabled: true, allow: ['192.0.2.0/24'] }, secureAccess: { enabled: true } } });
      expect(put.statusCode, put.body).toBe(200);

      const ok = await tlsGet(d, d.member, mine);
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(await tlsGet(d, d.member)).toMatchObject({ status: 403, body: { code: 'CB_CE01' } });
      expect(await tlsGet(d, d.member, admins)).toMatchObject({ status: 403, body: { code: 'CB_CE01' } });
      expect((await tlsGet(d, d.admin, admins)).status).toBe(200);

      const revoke = await d.request({ method: 'DELETE', url: '/v1/certificates.json', as: d.admin, remoteAddress: inside, payload: { id: mine.certificate.id } });
      expect(revoke.statusCode, revoke.body).toBe(200);
      expect(await tlsGet(d, d.member, mine)).toMatchObject({ status: 403, body: { code: 'CB_CE01' } });
    });
  });
});

describe('TLS configuration', () => {
  it('wants the certificate and key together, readable, and a header name', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (err) {
        return (err as ConfigError).problems;
      }
    };
    expect(problems({ TLS_CERT_FILE: '/nonexistent/server.pem' })).toEqual([
      'TLS_KEY_FILE: TLS_CERT_FILE and TLS_KEY_FILE go together: set both or neither',
      'TLS_CERT_FILE: cannot read "/nonexistent/server.pem"',
    ]);
    expect(problems({ TLS_CLIENT_CA_FILE: import.meta.filename })).toEqual(['TLS_CLIENT_CA_FILE: needs TLS_CERT_FILE and TLS_KEY_FILE']);
    expect(problems({ CLIENT_CERT_HEADER: 'X SSL: cert' })).toEqual(['CLIENT_CERT_HEADER: must be a header name']);
    const ok = loadConfig({ TLS_CERT_FILE: import.meta.filename, TLS_KEY_FILE: import.meta.filename, CLIENT_CERT_HEADER: 'X-SSL-Client-Cert' });
    expect(ok.tls).toEqual({ certFile: import.meta.filename, keyFile: import.meta.filename });
    expect(ok.clientCertHeader).toBe('x-ssl-client-cert');
    expect(loadConfig({}).tls).toBeUndefined();
  });
});
