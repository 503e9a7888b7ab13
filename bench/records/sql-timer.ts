// Time spent inside Kysely queries (compiling, waiting for the connection, the database, and
// the rows coming back), so a request's latency can be split into "SQL" and "the rest". Only
// counts while `on`; used in the sequential pass, where no request waits for another.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

type QueryId = PluginTransformQueryArgs['queryId'];

export class SqlTimer implements KyselyPlugin {
  on = false;
  statements = 0;
  ms = 0;
  readonly #started = new WeakMap<QueryId, number>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.on) this.#started.set(args.queryId, performance.now());
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const started = this.#started.get(args.queryId);
    if (started !== undefined) {
      this.statements += 1;
      this.ms += performance.now() - started;
    }
    return args.result;
  }

  reset(): void {
    this.statements = 0;
    this.ms = 0;
  }
}
