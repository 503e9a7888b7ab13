// The running totals of one aggregation: the grand total, a bucket per combination of the first
// 1, 2 … n group keys (a tree: one node per key under its parent), and, for a cross table's
// column totals, a bucket per key of the last group alone. A record counts once in each bucket
// it falls in — a record with two checked options at the second level counts once in its
// first-level bucket, not twice — so subtotals and totals are aggregates of records, never sums
// of the rows shown.
import type { AggregationType } from '../../../common/reports/fields.js';
import { Bucket } from './buckets.js';
import type { Sample } from './values.js';

export interface Keyed {
  keys: string[];
  bucket: Bucket;
}

interface Node extends Keyed {
  children: Map<string, Node> | null;
}

export class Tally {
  readonly total: Bucket;
  /** levels[L]: the buckets of the first L + 1 keys, in the order they were met. */
  readonly levels: Keyed[][];
  readonly last = new Map<string, Bucket>();
  private readonly root = new Map<string, Node>();

  constructor(
    private readonly types: readonly AggregationType[],
    readonly depth: number,
  ) {
    this.total = new Bucket(types);
    this.levels = Array.from({ length: depth }, () => []);
  }

  /** One record: its categories per group level (each non-empty) and its samples. */
  add(keysPerLevel: readonly string[][], samples: ReadonlyArray<Sample | null>): void {
    this.total.add(samples);
    if (this.depth === 0) return;
    this.descend(this.root, [], 0, keysPerLevel, samples);
    for (const k of keysPerLevel[this.depth - 1]!) {
      let b = this.last.get(k);
      if (!b) this.last.set(k, (b = new Bucket(this.types)));
      b.add(samples);
    }
  }

  private descend(children: Map<string, Node>, above: string[], level: number, keysPerLevel: readonly string[][], samples: ReadonlyArray<Sample | null>): void {
    const deeper = level + 1 < this.depth;
    for (const k of keysPerLevel[level]!) {
      let node = children.get(k);
      if (!node) {
        node = { keys: [...above, k], bucket: new Bucket(this.types), children: deeper ? new Map() : null };
        children.set(k, node);
        this.levels[level]!.push(node);
      }
      node.bucket.add(samples);
      if (deeper) this.descend(node.children!, node.keys, level + 1, keysPerLevel, samples);
    }
  }

  bucketOf(keys: readonly string[]): Bucket | undefined {
    if (keys.length === 0) return this.total;
    let children: Map<string, Node> | null = this.root;
    let node: Node | undefined;
    for (const k of keys) {
      node = children?.get(k);
      if (!node) return undefined;
      children = node.children;
    }
    return node?.bucket;
  }
}
