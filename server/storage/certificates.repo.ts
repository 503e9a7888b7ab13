// Client certificates issued for "secure access", and each domain's certificate authority.
import type { Queryable } from './db.js';
import { type DbTime, fromDb, toDb } from './dialect.js';

export interface StoredCertificate {
  domainId: string;
  id: string;
  userId: number;
  userCode: string;
  serial: string;
  fingerprint: string;
  subject: string;
  issuerId: number;
  issuerCode: string | null;
  issuedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export interface StoredAuthority {
  certificatePem: string;
  privateKeyPem: string;
}

function certificates(db: Queryable, domainId: string) {
  return db
    .selectFrom('clientCertificates as c')
    .innerJoin('users as u', (j) => j.onRef('u.domainId', '=', 'c.domainId').onRef('u.id', '=', 'c.userId'))
    .leftJoin('users as i', (j) => j.onRef('i.domainId', '=', 'c.domainId').onRef('i.id', '=', 'c.issuerId'))
    .select([
      'c.domainId',
      'c.id',
      'c.userId',
      'u.code as userCode',
      'c.serial',
      'c.fingerprintSha256',
      'c.subject',
      'c.issuerId',
      'i.code as issuerCode',
      'c.issuedAt',
      'c.expiresAt',
      'c.revokedAt',
    ])
    .where('c.domainId', '=', domainId);
}

type Row = Awaited<ReturnType<ReturnType<typeof certificates>['executeTakeFirstOrThrow']>>;

function toCertificate(r: Row): StoredCertificate {
  return {
    domainId: r.domainId,
    id: r.id,
    userId: Number(r.userId),
    userCode: r.userCode,
    serial: r.serial,
    fingerprint: r.fingerprintSha256,
    subject: r.subject,
    issuerId: Number(r.issuerId),
    issuerCode: r.issuerCode ?? null,
    issuedAt: fromDb.time(r.issuedAt),
    expiresAt: fromDb.time(r.expiresAt),
    revokedAt: fromDb.timeOrNull(r.revokedAt as DbTime | null),
  };
}

/** The certificate with this fingerprint in the domain, whatever its state. */
export async function findCertificateByFingerprint(db: Queryable, domainId: string, fingerprint: string): Promise<StoredCertificate | null> {
  const row = await certificates(db, domainId).where('c.fingerprintSha256', '=', fingerprint).executeTakeFirst();
  return row ? toCertificate(row) : null;
}

export async function findCertificate(db: Queryable, domainId: string, id: string): Promise<StoredCertificate | null> {
  const row = await certificates(db, domainId).where('c.id', '=', id).executeTakeFirst();
  return row ? toCertificate(row) : null;
}

/** Newest first; one user's when `userId` is given. */
export async function listCertificates(db: Queryable, domainId: string, userId?: number): Promise<StoredCertificate[]> {
  let q = certificates(db, domainId);
  if (userId !== undefined) q = q.where('c.userId', '=', userId);
  const rows = await q.orderBy('c.issuedAt', 'desc').orderBy('c.id').limit(1000).execute();
  return rows.map(toCertificate);
}

export async function insertCertificate(
  db: Queryable,
  c: Omit<StoredCertificate, 'userCode' | 'issuerCode' | 'revokedAt'>,
): Promise<void> {
  await db
    .insertInto('clientCertificates')
    .values({
      domainId: c.domainId,
      id: c.id,
      userId: c.userId,
      serial: c.serial,
      fingerprintSha256: c.fingerprint,
      subject: c.subject,
      issuerId: c.issuerId,
      issuedAt: toDb.time(c.issuedAt),
      expiresAt: toDb.time(c.expiresAt),
      revokedAt: null,
    })
    .execute();
}

/** False when there is no such certificate or it was revoked already. */
export async function revokeCertificate(db: Queryable, domainId: string, id: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('clientCertificates')
    .set({ revokedAt: toDb.time(at) })
    .where('domainId', '=', domainId)
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findAuthority(db: Queryable, domainId: string): Promise<StoredAuthority | null> {
  const row = await db
    .selectFrom('certificateAuthorities')
    .select(['certificatePem', 'privateKeyPem'])
    .where('domainId', '=', domainId)
    .executeTakeFirst();
  return row ?? null;
}

/** Keeps the first authority stored for the domain (two first issues may race); answers that one. */
export async function insertAuthority(db: Queryable, domainId: string, ca: StoredAuthority, at: Date): Promise<StoredAuthority> {
  await db
    .insertInto('certificateAuthorities')
    .values({ domainId, ...ca, createdAt: toDb.time(at) })
    .onConflict((oc) => oc.column('domainId').doNothing())
    .execute();
  return (await findAuthority(db, domainId))!;
}
