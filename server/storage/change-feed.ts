// PostgreSQL's answer to SQLite's change stamp (dialect.ts, changeStamp): a number that moves
// whenever a table that a public view's visitor lookup reads may have changed, so a process can
// keep the lookup's last answer while it does not move. It moves
//   - with every write this process makes through the pool (a plugin sees each one go by), and
//   - when PostgreSQL notifies, at the commit of any process's write to one of those tables
//     (triggers of migration 0021, channel `engawa_changes`, on a connection of its own).
// While that connection is not listening — not yet open, or lost until it reconnects — there is
// no stamp, and every lookup reads.
//
// A notification travels: another process's commit reaches this one milliseconds after that
// process has answered. So a lookup first waits for the feed to be settled (settled()): a round
// trip on the listening connection, whose answer PostgreSQL sends only after every notification
// already due to that connection (a backend delivers pending notifications before it reports
// ready for the next query). Whatever committed before the lookup began has then moved the stamp
// — an unpublished view is not found on any instance from the moment its change is answered.
// Lookups at the same moment share one round trip.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import pg from 'pg';
import { CHANGE_CHANNEL } from './migrations/0021-change-feed.js';

const RECONNECT_MS = 1_000;
/** How long settled() waits for its round trip before giving the connection up. */
export const SETTLE_TIMEOUT_MS = 2_000;
const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode', 'RawNode']);

export class ChangeFeed {
  #generation = 0;
  #listening = false;
  #client: pg.Client | null = null;
  #closed = false;
  #retry: NodeJS.Timeout | null = null;
  /** The round trip under way, and the next one, which those who came after it share. */
  #inFlight: Promise<void> | null = null;
  #queued: Promise<void> | null = null;

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

  /**
   * Resolves once every notification of a commit made before this call has been heard (see the
   * top of this file). A round trip already under way when asked may have left before that
   * commit, so the caller waits for the next one, shared with everyone else waiting for it. A
   * failed round trip loses the connection: the stamp is then null, nothing is kept.
   */
  settled(): Promise<void> {
    const client = this.#client;
    if (!this.#listening || !client) return Promise.resolve();
    if (this.#queued) return this.#queued;
    const send = (): Promise<void> => {
      this.#queued = null;
      // A connection that stops answering is given up (lost: no stamp, lookups read) rather
      // than let every visitor wait on it.
      const timer = setTimeout(() => void client.end().catch(() => {}), SETTLE_TIMEOUT_MS).unref();
      const trip: Promise<void> = client.query('select 1').then(
        () => clearTimeout(timer),
        () => clearTimeout(timer),
      );
      const flight = trip.finally(() => {
        if (this.#inFlight === flight) this.#inFlight = null;
      });
      this.#inFlight = flight;
      return flight;
    };
    if (!this.#inFlight) return send();
    this.#queued = this.#inFlight.then(send);
    return this.#queued;
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
    // Named, so an operator (and a test) can tell it in pg_stat_activity.
    const client = new pg.Client({ connectionString: this.url, application_name: changeFeedName(this.schema) });
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

/** The listening connection's application_name. */
export function changeFeedName(schema: string | undefined): string {
  return schema ? `engawa change feed ${schema}` : 'engawa change feed';
}

const feeds = new WeakMap<object, ChangeFeed>();

export function attachChangeFeed(db: object, feed: ChangeFeed): void {
  feeds.set(db, feed);
}

export function changeFeedOf(db: object): ChangeFeed | undefined {
  return feeds.get(db);
}
