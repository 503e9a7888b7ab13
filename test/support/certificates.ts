// Opening what the certificates API hands out, as a user's browser or OS would.
import forge from 'node-forge';

/** The user's certificate (PEM) inside an issued PKCS#12 file, opened with its password. */
export function certificateOf(pkcs12: string, password: string): string {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.decode64(pkcs12)), password);
  const bags = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
  const mine = bags.map((b) => b.cert!).find((c) => !c.extensions.some((e) => e.name === 'basicConstraints' && e.cA));
  if (!mine) throw new Error('no user certificate in the PKCS#12 file');
  return forge.pki.certificateToPem(mine);
}
