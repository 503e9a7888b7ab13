// better-sqlite3 answers on the thread that asks, and that thread is the one serving every HTTP
// request: a search that scans 100,000 records holds up everyone else until it is done. Reads
// that may take long (a public view's new answer: a page of a filtered, searched list and its
// count) go instead to read-only connections on threads of their own, which SQLite's WAL mode
// lets read the file while the main connection writes. Each thread runs one statement at a
// time; a statement goes to the thread with the fewest waiting. A connection always reads the
// last commit, so a reader never sees less than what a request that wrote before it stored.
//
// The pool is a Kysely dialect, so the same queries run on it unchanged; it has no transactions
// and refuses writes (sqlite-read-worker.js).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  CamelCasePlugin,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { Database } from './tables/index.js';

/**
 * How much of an SQLite file its connections read through memory mapping rather than copying
 * each page into their own 2 MB page cache: a search scans every record of its app (JSON values
 * are not indexed), and a scan of 100,000 records reads ~190 MB of pages. Mapped, the pages are
 * the operating system's file cache, shared by every connection of every thread; a scan costs a
 * fifth less. An address range, not memory taken: nothing is read before it is used.
 */
export const SQLITE_MMAP_BYTES = 1 << 30;

const WORKER_FILE = new URL('./sqlite-read-worker.js', import.meta.url);

/** Threads by default: one per core the HTTP thread does not need, at least one, at most four. */
export function defaultReadThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

interface Pending {
  resolve: (rows: unknown[]) => void;
  reject: (err: Error) => void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

type Reply = { id: number; rows: unknown[] } | { id: number; error: { message: string; code?: string } };

class ReadThreads {
  private readonly threads: Thread[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly file: string,
    size: number,
  ) {
    for (let i = 0; i < size; i++) this.threads.push(this.start());
  }

  private start(): Thread {
    const worker = new Worker(WORKER_FILE, { workerData: { file: this.file, mmapBytes: SQLITE_MMAP_BYTES } });
    const thread: Thread = { worker, pending: new Map() };
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiting = thread.pending.get(reply.id);
      if (!waiting) return;
      thread.pending.delete(reply.id);
      if (thread.pending.size === 0) worker.unref();
      if ('error' in reply) waiting.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
      else waiting.resolve(reply.rows);
    });
    // A thread that fails (it could not open the file, it ran out of memory) fails what it was
    // asked and is replaced; its statements are not sent again.
    const failed = (err: Error) => {
      for (const waiting of thread.pending.values()) waiting.reject(err);
      thread.pending.clear();
      const at = this.threads.indexOf(thread);
      if (at >= 0 && !this.closed) this.threads[at] = this.start();
    };
    worker.on('error', failed);
    worker.on('exit', (code) => {
      if (!this.closed) failed(new Error(`SQLite read thread stopped (exit code ${code})`));
    });
    return thread;
  }

  run(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    if (this.closed) return Promise.reject(new Error('the SQLite read threads are closed'));
    let thread = this.threads[0]!;
    for (const t of this.threads) if (t.pending.size < thread.pending.size) thread = t;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (thread.pending.size === 0) thread.worker.ref();
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage({ id, sql, parameters });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}

class ReadConnection implements DatabaseConnection {
  constructor(private readonly threads: ReadThreads) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    return { rows: (await this.threads.run(compiled.sql, compiled.parameters)) as R[] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the SQLite read threads do not stream');
  }
}

class ReadDriver implements Driver {
  private readonly connection: ReadConnection;

  constructor(private readonly threads: ReadThreads) {
    this.connection = new ReadConnection(threads);
  }

  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error('the SQLite read threads have no transactions');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {
    await this.threads.close();
  }
}

/** A Kysely over `size` read-only threads on the SQLite `file` (camel-cased like the main one). */
export function openSqliteReads(file: string, size: number): Kysely<Database> {
  const threads = new ReadThreads(file, size);
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new ReadDriver(threads),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
    plugins: [new CamelCasePlugin()],
  });
}
