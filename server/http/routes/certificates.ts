// Client certificates for secure access (ours): administrators only.
import {
  CERTIFICATES_PATH,
  CERTIFICATE_AUTHORITY_PATH,
  issueCertificateInput,
  listCertificatesInput,
  revokeCertificateInput,
} from '../../../common/api/certificates.js';
import { authorityOf, issueCertificate, listCertificates, revokeCertificate } from '../../domain/security/certificates.js';
import { defineRoute } from '../route.js';

export const certificateRoutes = [
  defineRoute({
    method: 'GET',
    url: CERTIFICATES_PATH,
    access: 'security.manage',
    input: listCertificatesInput,
    handler: async ({ input, read }) => ({ certificates: await listCertificates(read(), input) }),
  }),
  defineRoute({
    method: 'POST',
    url: CERTIFICATES_PATH,
    access: 'security.manage',
    input: issueCertificateInput,
    handler: async ({ input, command }) => command((ctx) => issueCertificate(ctx, input)),
  }),
  defineRoute({
    method: 'DELETE',
    url: CERTIFICATES_PATH,
    access: 'security.manage',
    input: revokeCertificateInput,
    handler: async ({ input, command }) => {
      await command((ctx) => revokeCertificate(ctx, input.id));
      return {};
    },
  }),
  // The CA's certificate (never its key), for a reverse proxy's or TLS_CLIENT_CA_FILE's trust.
  defineRoute({
    method: 'GET',
    url: CERTIFICATE_AUTHORITY_PATH,
    access: 'security.manage',
    handler: async ({ command }) => command(async (ctx) => ({ certificate: (await authorityOf(ctx)).certificatePem })),
  }),
];
