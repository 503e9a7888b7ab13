// Secure access: administrators issue client certificates (PKCS#12 under a one-time password),
// list and revoke them. From outside the allow-list a user passes only with an unrevoked,
// unexpired certificate issued to that same user — here as a trusted proxy passes it in
// CLIENT_CERT_HEADER (certificates-tls.http.test.ts has the server terminating TLS itself).
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { certificateOf } from '../../../test/support/certificates.js';
import { addGuest, seedSpace, setSpaceGuests } from '../../../test/support/guests.js';

const PROXY = '10.9.9.9';
const CLIENT = '203.0.113.80';
const PATH = '/v1/certificates.json';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database(), { TRUST_PROXY: PROXY, CLIENT_CERT_HEADER: 'X-SSL-Client-Cert' });
  });
  afterAll(async () => h.close());

  async function secured(): Promise<TestDomain> {
    const d = await newDomain(h);
    const res = await d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, payload: { ipRestriction: { enabled: true, allow: ['127.0.0.1'] }, secureAccess: { enabled: true } } });
    expect(res.statusCode, res.body).toBe(200);
    return d;
  }
  async function issue(d: TestDomain, code: string, days?: number) {
    const res = await d.request({ method: 'POST', url: PATH, as: d.admin, payload: { code, ...(days ? { days } : {}) } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    return { ...body, pem: certificateOf(body.pkcs12, body.password) } as { certificate: { id: string; fingerprint: string }; pem: string; password: string };
  }
  /** A request as the proxy forwards it: the client's address, and its certificate when it had one. */
  const viaProxy = (d: TestDomain, as: Persona, pem?: string, remoteAddress = PROXY) =>
    d.request({
      method: 'GET',
      url: '/k/v1/apps.json',
      as,
      remoteAddress,
      headers: { 'x-forwarded-for': CLIENT, ...(pem ? { 'x-ssl-client-cert': encodeURIComponent(pem) } : {}) },
    });

  describe('client certificates', () => {
    it('are issued once as PKCS#12, listed without secrets, and signed by the domain CA', async () => {
      const d = await newDomain(h);
      const issued = await issue(d, 'member', 30);
      expect(issued.password).toMatch(/^[0-9a-z]{20}$/);
      const cert = forge.pki.certificateFromPem(issued.pem);
      expect(cert.subject.getField('CN').value).toBe('member');
      const ca = await d.request({ method: 'GET', url: '/v1/certificates/authority.json', as: d.admin });
      expect(ca.statusCode).toBe(200);
      expect(ca.body).not.toContain('PRIVATE KEY');
      expect(forge.pki.certificateFromPem(ca.json().certificate).verify(cert)).toBe(true);
      const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
      expect(issued.certificate.fingerprint).toBe(forge.md.sha256.create().update(der).digest().toHex());

      const list = await d.request({ method: 'GET', url: `${PATH}?code=member`, as: d.admin });
      expect(list.json().certificates).toEqual([
        expect.objectContaining({ id: issued.certificate.id, user: { id: String(d.member.id), code: 'member' }, issuedBy: 'admin', active: true, revokedAt: null }),
      ]);
      const listed = JSON.stringify(list.json());
      expect(listed).not.toContain(issued.password);
      expect(listed).not.toContain('pkcs12');
      expect((await d.request({ method: 'GET', url: PATH, as: d.admin })).json().certificates).toHaveLength(1);
      const audit = await h.services.db.selectFrom('auditLog').select('action').where('domainId', '=', d.id).where('action', 'like', 'certificate.%').orderBy('at').execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['certificate.authority', 'certificate.issue']);
    });

    it('are for administrators only, and for regular users only', async () => {
      const d = await newDomain(h);
      for (const [method, payload] of [['GET', undefined], ['POST', { code: 'member' }], ['DELETE', { id: `crt_${'a'.repeat(20)}` }]] as const) {
        const res = await d.request({ method, url: PATH, as: d.member, ...(payload ? { payload } : {}) });
        expect([res.statusCode, res.json().code]).toEqual([403, 'CB_NO02']);
      }
      expect((await d.request({ method: 'GET', url: '/v1/certificates/authority.json', as: d.member })).statusCode).toBe(403);
      await addGuest(d, 'guest@example.com');
      for (const code of ['guest/guest@example.com', 'guest@example.com', 'nobody']) {
        const res = await d.request({ method: 'POST', url: PATH, as: d.admin, payload: { code } });
        expect([res.statusCode, res.json().code]).toEqual([400, 'GAIA_US01']);
      }
      const bad = await d.request({ method: 'POST', url: PATH, as: d.admin, payload: { code: 'member', days: 0 } });
      expect(Object.keys(bad.json().errors)).toEqual(['days']);
    });

    it('let their own user in from outside through a trusted proxy, and nobody else', async () => {
      const d = await secured();
      const mine = await issue(d, 'member');
      const admins = await issue(d, 'admin');
      expect((await viaProxy(d, d.member, mine.pem)).statusCode).toBe(200);
      const none = await viaProxy(d, d.member);
      expect([none.statusCode, none.json().code]).toEqual([403, 'CB_CE01']);
      expect(none.json().message).toMatch(/client certificate/);
      expect((await viaProxy(d, d.member, admins.pem)).json().code).toBe('CB_CE01');
      // The same header straight from the client (not a trusted proxy) is not believed.
      expect((await viaProxy(d, d.member, mine.pem, CLIENT)).json().code).toBe('CB_CE01');
      // Rubbish in the header is no certificate.
      const junk = await d.request({ method: 'GET', url: '/k/v1/apps.json', as: d.member, remoteAddress: PROXY, headers: { 'x-forwarded-for': CLIENT, 'x-ssl-client-cert': '-----BEGIN CERTIFICATE-----%0AAAAA%0A-----END CERTIFICATE-----' } });
      expect(junk.json().code).toBe('CB_CE01');
      // Apache's form (line breaks as spaces) works as well.
      expect((await d.request({ method: 'GET', url: '/k/v1/apps.json', as: d.member, remoteAddress: PROXY, headers: { 'x-forwarded-for': CLIENT, 'x-ssl-client-cert': mine.pem.replace(/\r?\n/g, ' ') } })).statusCode).toBe(200);
      const audit = await h.services.db.selectFrom('auditLog').select(['detail', 'actorCode']).where('domainId', '=', d.id).where('action', '=', 'access.blocked').execute();
      expect(audit[0]).toMatchObject({ actorCode: 'member' });
    });

    it('are never asked of guests, who cannot have one', async () => {
      const d = await secured();
      const guest = await addGuest(d, 'partner@example.com');
      const space = await seedSpace(h, d);
      await setSpaceGuests(d, space, [guest]);
      const headers = { 'x-forwarded-for': CLIENT };
      const res = await d.request({ method: 'GET', url: `/k/guest/${space}/v1/space.json?id=${space}`, as: guest, remoteAddress: PROXY, headers });
      expect(res.statusCode, res.body).toBe(200);
      const user = await d.request({ method: 'GET', url: `/k/guest/${space}/v1/space.json?id=${space}`, as: d.admin, remoteAddress: PROXY, headers });
      expect([user.statusCode, user.json().code]).toEqual([403, 'CB_CE01']);
    });

    it('stop working at once when revoked, and when expired', async () => {
      const d = await secured();
      const mine = await issue(d, 'member', 2);
      expect((await viaProxy(d, d.member, mine.pem)).statusCode).toBe(200);
      const revoke = await d.request({ method: 'DELETE', url: PATH, as: d.admin, payload: { id: mine.certificate.id } });
      expect(revoke.statusCode, revoke.body).toBe(200);
      expect((await viaProxy(d, d.member, mine.pem)).json().code).toBe('CB_CE01');
      const listed = (await d.request({ method: 'GET', url: PATH, as: d.admin })).json().certificates[0];
      expect(listed).toMatchObject({ active: false, revokedAt: expect.any(String) });
      expect((await d.request({ method: 'DELETE', url: PATH, as: d.admin, payload: { id: `crt_${'0'.repeat(20)}` } })).json().errors).toEqual({ id: expect.any(Object) });

      const fresh = await issue(d, 'member', 2);
      expect((await viaProxy(d, d.member, fresh.pem)).statusCode).toBe(200);
      h.clock.advance(2 * 86_400_000 + 1_000);
      expect((await viaProxy(d, d.member, fresh.pem)).json().code).toBe('CB_CE01');
      const audit = await h.services.db.selectFrom('auditLog').select('action').where('domainId', '=', d.id).where('action', '=', 'certificate.revoke').execute();
      expect(audit).toHaveLength(1);
    });

    it('let an API token in with any valid certificate of the domain', async () => {
      const d = await secured();
      const mine = await issue(d, 'member');
      const created = await d.request({ method: 'POST', url: '/k/v1/preview/app.json', as: d.admin, payload: { name: 'x' } });
      const app = Number(created.json().app);
      await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } });
      const made = await d.request({ method: 'POST', url: '/k/v1/preview/app/apiToken.json', as: d.admin, payload: { app, rights: { view: true } } });
      await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } });
      const headers = { 'x-cybozu-api-token': made.json().token as string, 'x-forwarded-for': CLIENT };
      const url = `/k/v1/records.json?app=${app}`;
      expect((await d.request({ method: 'GET', url, remoteAddress: PROXY, headers })).json().code).toBe('CB_CE01');
      const ok = await d.request({ method: 'GET', url, remoteAddress: PROXY, headers: { ...headers, 'x-ssl-client-cert': encodeURIComponent(mine.pem) } });
      expect(ok.statusCode, ok.body).toBe(200);
    });
  });
});
