// Operator command for tenants: `npm run domain -- <command> …`
//   list                                      every domain with its host names
//   create --name "Example Corp" --host a.example [--host b.example]
//   add-host --domain dom_… --host c.example
//   remove-host --host c.example
//   open-access --domain dom_…                turns the IP allow-list and its gates off (an
//                                             administrator locked out by a changed address)
// Uses the same configuration (DATABASE_URL, DATA_DIR) as the server.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { AppError } from '../domain/app-error.js';
import { type Services, inTransaction } from '../domain/context.js';
import { updateSecurity } from '../domain/security/settings.js';
import { systemActor } from '../policy/actor.js';
import { createDomain } from '../domain/domains/create-domain.js';
import { normaliseHost } from '../domain/domains/hosts.js';
import { issueSetupToken, setupUrl } from '../domain/auth/first-run.js';
import { migrateToLatest, openDatabase, withoutReadThreads } from '../storage/db.js';
import { toDb } from '../storage/dialect.js';

const USAGE = `usage: npm run domain -- list
       npm run domain -- create --name <name> --host <host> [--host <host>…]
       npm run domain -- add-host --domain <id> --host <host>
       npm run domain -- remove-host --host <host>
       npm run domain -- open-access --domain <id>`;

async function defaultWithoutHost(services: Services): Promise<string | null> {
  const def = await services.db.selectFrom('domains').select('id').where('isDefault', '=', toDb.bool(services.dialect, true)).executeTakeFirst();
  if (!def) return null;
  const bound = await services.db.selectFrom('domainHosts').select('host').where('domainId', '=', def.id).executeTakeFirst();
  return bound ? null : def.id;
}

async function run(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, host: { type: 'string', multiple: true }, domain: { type: 'string' } },
  });
  const config = loadConfig();
  const storage = openDatabase(withoutReadThreads(config.database));
  await migrateToLatest(storage.db);
  const services: Services = { db: storage.db, ids: storage.ids, dialect: storage.kind, clock: () => new Date(), config, onMailQueued: () => {} };
  try {
    switch (positionals[0]) {
      case 'list': {
        const domains = await storage.db.selectFrom('domains').select(['id', 'name', 'isDefault']).orderBy('createdAt').execute();
        const hosts = await storage.db.selectFrom('domainHosts').selectAll().execute();
        for (const d of domains) {
          const own = hosts.filter((h) => h.domainId === d.id).map((h) => h.host);
          console.log(`${d.id}\t${d.name}\t${own.join(', ') || (d.isDefault ? '(default: any host while no host is bound)' : '-')}`);
        }
        return 0;
      }
      case 'create': {
        if (!values.name || !values.host?.length) break;
        const unboundDefault = await defaultWithoutHost(services);
        const { id } = await createDomain(services, { name: values.name, hosts: values.host });
        const token = await issueSetupToken(services, id);
        const base = new URL(config.baseUrl);
        const origin = `${base.protocol}//${normaliseHost(values.host[0]!)}${base.port ? `:${base.port}` : ''}`;
        console.log(`created ${id} (${values.host.join(', ')})`);
        console.log(`Its first administrator is created through this one-time link:\n  ${setupUrl(origin, token)}`);
        if (unboundDefault) {
          console.log(
            `Note: host names are now bound, so the default domain ${unboundDefault} answers only on hosts bound to it.\n` +
              `  Bind one with: npm run domain -- add-host --domain ${unboundDefault} --host <host>`,
          );
        }
        return 0;
      }
      case 'add-host': {
        const host = values.host?.[0] && normaliseHost(values.host[0]);
        if (!values.domain || !host) break;
        await storage.db.insertInto('domainHosts').values({ host, domainId: values.domain }).execute();
        console.log(`${host} → ${values.domain}`);
        return 0;
      }
      case 'remove-host': {
        const host = values.host?.[0] && normaliseHost(values.host[0]);
        if (!host) break;
        const r = await storage.db.deleteFrom('domainHosts').where('host', '=', host).executeTakeFirst();
        console.log(r.numDeletedRows > 0n ? `removed ${host}` : `${host} was not bound`);
        return 0;
      }
      case 'open-access': {
        if (!values.domain) break;
        if (!(await storage.db.selectFrom('domains').select('id').where('id', '=', values.domain).executeTakeFirst())) {
          console.error(`no domain ${values.domain} (see: npm run domain -- list)`);
          return 1;
        }
        const off = { enabled: false };
        const base = { actor: systemActor(values.domain), locale: config.defaultLocale, request: { ip: null, userAgent: 'npm run domain', requestId: null } };
        await inTransaction(services, base, (ctx) => updateSecurity(ctx, { ipRestriction: off, basicGate: off, secureAccess: off }));
        console.log(`${values.domain}: IP allow-list, Basic gate and secure access are off (within 2 seconds on every instance)`);
        return 0;
      }
    }
    console.error(USAGE);
    return 2;
  } finally {
    await storage.close();
  }
}

run().then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof ConfigError) console.error(err.message);
    else if (err instanceof AppError) console.error(`refused: ${JSON.stringify(err.options.errors ?? err.code)}`);
    else console.error(err);
    process.exit(1);
  },
);
