// Values read from the database and kept per key for a moment, as the domain's contract is: fresh
// for `freshMs`, then read again — once, however many ask — behind the kept value, which goes on
// serving until `maxAgeMs`. So when the database is slow (a storm of searches on the same cores),
// requests that only need such a value never queue for it, and it is still read again every
// `freshMs` while it is asked for. A failed read leaves the kept value (until `maxAgeMs`).
//
// A caller that can tell whether the value may have changed (a database's change stamp) passes
// that version with each get: a value kept under another version is not used, and a null
// version (cannot tell) keeps and shares nothing — every asker reads.
import { LRUCache } from 'lru-cache';

interface Kept<V> {
  value: V;
  version: string | undefined;
  /** performance.now() when read. */
  at: number;
}

export class KeptValues<V> {
  readonly #kept: LRUCache<string, Kept<V>>;
  readonly #reading = new Map<string, { promise: Promise<V>; version: string | undefined }>();

  /** `keep`: which values are kept (default all); the others are read again by every asker. */
  constructor(
    private readonly freshMs: number,
    private readonly maxAgeMs: number,
    private readonly options: { max?: number; keep?: (value: V) => boolean } = {},
  ) {
    this.#kept = new LRUCache({ max: options.max ?? 10_000 });
  }

  /** `version`: see the top of this file (none: the value is kept by age alone). */
  async get(key: string, read: () => Promise<V>, version?: string | null): Promise<V> {
    if (version === null) return read();
    const hit = this.#kept.get(key);
    const age = hit && hit.version === version ? performance.now() - hit.at : Infinity;
    if (hit && age < this.freshMs) return hit.value;
    if (hit && age < this.maxAgeMs) {
      this.#readOnce(key, read, version).catch(() => {});
      return hit.value;
    }
    return this.#readOnce(key, read, version);
  }

  /** Forgets `key` (its value changed here): the next get reads it. A read under way is not kept. */
  delete(key: string): void {
    this.#kept.delete(key);
    this.#reading.delete(key);
  }

  #readOnce(key: string, read: () => Promise<V>, version: string | undefined): Promise<V> {
    const pending = this.#reading.get(key);
    // A read under an older version is not joined: it may predate what moved the version.
    if (pending && pending.version === version) return pending.promise;
    const flight = { promise: Promise.resolve() as Promise<unknown> as Promise<V>, version };
    this.#reading.set(key, flight);
    flight.promise = (async () => {
      try {
        const value = await read();
        // Kept only if no delete came meanwhile (the value read may predate the change).
        const keep = this.options.keep?.(value) ?? true;
        if (this.#reading.get(key) === flight && keep) this.#kept.set(key, { value, version, at: performance.now() });
        else if (!keep) this.#kept.delete(key);
        return value;
      } finally {
        if (this.#reading.get(key) === flight) this.#reading.delete(key);
      }
    })();
    return flight.promise;
  }
}
