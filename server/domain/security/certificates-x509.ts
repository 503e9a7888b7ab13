// X.509 and PKCS#12 for client certificates (node-forge; keys come from Node's own crypto, which
// is fast and native). Nothing here touches the database.
import { X509Certificate, createHash, generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { randomString } from '../../../common/ids.js';

const generateRsa = promisify(generateKeyPair);

export interface AuthorityPem {
  certificatePem: string;
  privateKeyPem: string;
}

export interface IssuedX509 {
  serial: string;
  subject: string;
  fingerprint: string;
  certificatePem: string;
  pkcs12: string;
  password: string;
}

async function rsaKeys(): Promise<{ privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey }> {
  const { privateKey } = await generateRsa('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}

/** A positive serial of 128 random bits, as hex. */
function newSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex');
}

/** Lower-case hex SHA-256 of the DER encoding: how certificates are looked up. */
export function fingerprintOfDer(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex');
}

function derOf(cert: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

/** A new self-signed CA for one domain, valid 20 years. */
export async function createAuthority(domainName: string, now: Date): Promise<AuthorityPem> {
  const { privateKey, publicKey } = await rsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = newSerial();
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + 20 * 365 * 86_400_000);
  const name = [
    { name: 'commonName', value: `Engawa client CA (${domainName.slice(0, 40)})` },
    { name: 'organizationName', value: 'Engawa' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(privateKey, forge.md.sha256.create());
  return { certificatePem: forge.pki.certificateToPem(cert), privateKeyPem: forge.pki.privateKeyToPem(privateKey) };
}

/**
 * A client certificate for `login`, signed by the CA, packed with its key and the CA certificate
 * into a PKCS#12 file under a new random password (3DES, which every OS and browser imports).
 */
export async function issueX509(
  ca: AuthorityPem,
  subject: { login: string; domainName: string },
  validity: { from: Date; to: Date },
): Promise<IssuedX509> {
  const caCert = forge.pki.certificateFromPem(ca.certificatePem);
  const caKey = forge.pki.privateKeyFromPem(ca.privateKeyPem);
  const { privateKey, publicKey } = await rsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = newSerial();
  cert.validity.notBefore = validity.from;
  cert.validity.notAfter = validity.to;
  cert.setSubject([
    { name: 'commonName', value: subject.login.slice(0, 64) },
    { name: 'organizationName', value: subject.domainName.slice(0, 64) || 'Engawa' },
  ]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', clientAuth: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  const password = randomString(20);
  const p12 = forge.pkcs12.toPkcs12Asn1(privateKey, [cert, caCert], password, {
    algorithm: '3des',
    friendlyName: `${subject.login} (Engawa)`,
  });
  const der = derOf(cert);
  return {
    serial: cert.serialNumber,
    subject: new X509Certificate(der).subject.replace(/\n/g, ', '),
    fingerprint: fingerprintOfDer(der),
    certificatePem: forge.pki.certificateToPem(cert),
    pkcs12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary').toString('base64'),
    password,
  };
}

/**
 * A certificate as a proxy passes it: URL-encoded PEM (nginx `$ssl_client_escaped_cert`), PEM
 * with its line breaks turned into spaces (Apache), or bare base64 DER (Traefik). The answer is
 * its fingerprint, or null when it is not a certificate.
 */
export function fingerprintOfPresented(value: string): string | null {
  if (value.length > 16_384) return null;
  let text = value.trim();
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return null;
    }
  }
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(text);
  const body = (pem ? pem[1]! : text).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+=*$/.test(body)) return null;
  try {
    return fingerprintOfDer(Buffer.from(new X509Certificate(Buffer.from(body, 'base64')).raw));
  } catch {
    return null;
  }
}
