// Client certificates for "secure access": administrators issue them to regular users and revoke
// them. Each domain signs with its own CA, made on first use and kept in the database (its key is
// never served). A certificate is recognised by its fingerprint alone, so revocation takes effect
// on the next request, on every instance; the CA matters only to a proxy or TLS_CLIENT_CA_FILE
// that checks the chain.
import { randomString } from '../../../common/ids.js';
import {
  type CertificateJson,
  DEFAULT_CERTIFICATE_DAYS,
  type IssuedCertificateJson,
} from '../../../common/api/certificates.js';
import {
  type StoredAuthority,
  type StoredCertificate,
  findAuthority,
  findCertificate,
  findCertificateByFingerprint,
  insertAuthority,
  insertCertificate,
  listCertificates as listStored,
  revokeCertificate as revokeStored,
} from '../../storage/certificates.repo.js';
import type { Queryable } from '../../storage/db.js';
import { findUserByCode } from '../../storage/users.repo.js';
import { AppError } from '../app-error.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { createAuthority, issueX509 } from './certificates-x509.js';

export function presentCertificate(c: StoredCertificate, now: Date): CertificateJson {
  return {
    id: c.id,
    user: { id: String(c.userId), code: c.userCode },
    serial: c.serial,
    fingerprint: c.fingerprint,
    subject: c.subject,
    issuedBy: c.issuerCode ?? String(c.issuerId),
    issuedAt: c.issuedAt.toISOString(),
    expiresAt: c.expiresAt.toISOString(),
    revokedAt: c.revokedAt?.toISOString() ?? null,
    active: c.revokedAt === null && c.expiresAt > now,
  };
}

async function domainName(db: Queryable, domainId: string): Promise<string> {
  const row = await db.selectFrom('domains').select('name').where('id', '=', domainId).executeTakeFirst();
  return row?.name ?? 'Engawa';
}

/** The domain's CA, made and stored the first time it is needed. */
export async function authorityOf(ctx: Ctx): Promise<StoredAuthority> {
  const domainId = ctx.actor.domainId;
  const found = await findAuthority(ctx.db, domainId);
  if (found) return found;
  const made = await createAuthority(await domainName(ctx.db, domainId), ctx.now);
  const stored = await insertAuthority(ctx.db, domainId, made, ctx.now);
  await recordAudit(ctx, { action: 'certificate.authority', targetType: 'domain', targetId: domainId });
  return stored;
}

/** A regular, valid user of the domain, by login name; anyone else is "no such user". */
async function userByCode(ctx: Ctx, code: string) {
  const found = await findUserByCode(ctx.db, ctx.actor.domainId, code);
  if (!found || found.user.kind !== 'user') throw new AppError('GAIA_US01', { params: { code } });
  return found.user;
}

export async function issueCertificate(ctx: Ctx, input: { code: string; days?: number }): Promise<IssuedCertificateJson> {
  const user = await userByCode(ctx, input.code);
  if (!user.valid) throw AppError.invalid({ code: 'invalid' });
  const ca = await authorityOf(ctx);
  const from = new Date(ctx.now.getTime() - 60_000);
  const to = new Date(ctx.now.getTime() + (input.days ?? DEFAULT_CERTIFICATE_DAYS) * 86_400_000);
  const x509 = await issueX509(ca, { login: user.code, domainName: await domainName(ctx.db, ctx.actor.domainId) }, { from, to });
  const issuerId = ctx.actor.kind === 'user' ? ctx.actor.userId : 0;
  const row = {
    domainId: ctx.actor.domainId,
    id: `crt_${randomString(20)}`,
    userId: user.id,
    serial: x509.serial,
    fingerprint: x509.fingerprint,
    subject: x509.subject,
    issuerId,
    issuedAt: ctx.now,
    expiresAt: to,
  };
  await insertCertificate(ctx.db, row);
  await recordAudit(ctx, {
    action: 'certificate.issue',
    targetType: 'user',
    targetId: user.id,
    detail: { certificate: row.id, serial: row.serial, expiresAt: to.toISOString() },
  });
  const stored = (await findCertificate(ctx.db, row.domainId, row.id))!;
  return { certificate: presentCertificate(stored, ctx.now), pkcs12: x509.pkcs12, password: x509.password };
}

export async function listCertificates(ctx: Ctx, input: { code?: string }): Promise<CertificateJson[]> {
  const userId = input.code === undefined ? undefined : (await userByCode(ctx, input.code)).id;
  return (await listStored(ctx.db, ctx.actor.domainId, userId)).map((c) => presentCertificate(c, ctx.now));
}

export async function revokeCertificate(ctx: Ctx, id: string): Promise<void> {
  const found = await findCertificate(ctx.db, ctx.actor.domainId, id);
  if (!found) throw AppError.invalid({ id: 'notFound' });
  if (!(await revokeStored(ctx.db, ctx.actor.domainId, id, ctx.now))) return;
  await recordAudit(ctx, { action: 'certificate.revoke', targetType: 'user', targetId: found.userId, detail: { certificate: id, serial: found.serial } });
}

/** The owner of a presented certificate, when it is this domain's, unrevoked and unexpired. */
export async function certificateOwner(db: Queryable, domainId: string, fingerprint: string, now: Date): Promise<number | null> {
  const c = await findCertificateByFingerprint(db, domainId, fingerprint);
  if (!c || c.revokedAt !== null || c.expiresAt <= now || c.issuedAt > new Date(now.getTime() + 60_000)) return null;
  return c.userId;
}
