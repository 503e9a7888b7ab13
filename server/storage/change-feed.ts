// PostgreSQL's answer to SQLite's change stamp (dialect.ts, changeStamp): a number that moves
// whenever a table that a public view's visitor lookup reads may have changed, so a process can
// keep the lookup's last answer while it does not move. It moves
//   - with every write this process makes through the pool (a plugin sees each one go by), and
//   - when PostgreSQL notifies, at the commit of any process's write to one of those tables
//     (triggers of migration 0021, channel `engawa_changes`, on a connection of its own).
// While that connection is not listening — not yet open, or lost until it reconnects — there is
// no stamp, and every lookup reads. Another process's change reaches this one as fast as the
// notification travels (milliseconds on one host).
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import pg from 'pg';
import { CHANGE_CHANNEL } from './migrations/0021-change-feed.js';

const RECONNECT_MS = 1_000;
const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode', 'RawNode']);

export class ChangeFeed {
  #generation = 0;
  #listening = false;
  #client: pg.Client | null = null;
  #closed = false;
  #retry: NodeJS.Timeout | null = null;

  /** `schema`: the schema this storage's tables are in (its notifications only); none: all. */
  constructor(
    private readonly url: string,
    private readonly schema: string | undefined,
  ) {}

  /** The current stamp; null while not listening (then nothing may be kept). Starts listening. */
  stamp(): string | null {
    if (!this.#client && !this.#closed && !this.#retry) this.#listen();
    return this.#listening ? `pg:${this.#generation}` : null;
  }

  /** Something may have changed: answers kept under the current stamp are not used again. */
  moved(): void {
    this.#generation++;
  }

  /** A plugin for the pool: each write it runs moves the stamp. */
  plugin(): KyselyPlugin {
    return {
      transformQuery: (args: PluginTransformQueryArgs): RootOperationNode => {
        if (WRITES.has(args.node.kind)) this.moved();
        return args.node;
      },
      transformResult: async (args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => args.result,
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retry) clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = null;
    this.#listening = false;
    await client?.end().catch(() => {});
  }

  #listen(): void {
    const client = new pg.Client({ connectionString: this.url });
    this.#client = client;
    const lost = () => {
      if (this.#client !== client) return;
      this.#client = null;
      this.#listening = false;
      this.moved();
      client.end().catch(() => {});
      if (this.#closed) return;
      this.#retry = setTimeout(() => {
        this.#retry = null;
      }, RECONNECT_MS);
      this.#retry.unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (n) => {
      if (n.channel === CHANGE_CHANNEL && (!this.schema || n.payload === this.schema)) this.moved();
    });
    client
      .connect()
      .then(() => client.query(`listen ${CHANGE_CHANNEL}`))
      .then(() => {
        if (this.#client !== client) return;
        // Whatever changed before now is read by lookups from now on.
        this.moved();
        this.#listening = true;
      })
      .catch(lost);
  }
}

const feeds = new WeakMap<object, ChangeFeed>();

export function attachChangeFeed(db: object, feed: ChangeFeed): void {
  feeds.set(db, feed);
}

export function changeFeedOf(db: object): ChangeFeed | undefined {
  return feeds.get(db);
}
