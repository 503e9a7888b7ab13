// Totals → the answer of app/report/data.json: rows in the report's order and cut at kintone's
// limit, then the same figures shaped for drawing — categories per group level, one series per
// aggregation (and per combination of the deeper groups' keys), and for a cross table a matrix
// with row and column totals. Pure: takes the tally and how to order and name each level's keys.
import type { Decimal } from 'decimal.js';
import type { ReportDataJson, ReportValueType } from '../../../common/api/reports.js';
import type { ReportDefinition, ReportSort } from '../../../common/reports/definition.js';
import type { AggregationType, GroupKind, GroupPeriod } from '../../../common/reports/fields.js';
import type { Property } from '../../../common/fields/index.js';
import { compareRanks } from './buckets.js';
import type { Keyed, Tally } from './tally.js';

/** kintone shows at most this many items in a graph, and this many rows in a table. */
export const CHART_LIMIT = 500;
export const TABLE_LIMIT = 10_000;
/** A cross table's matrix (rows × columns, empty cells included) stays within this many cells. */
export const PIVOT_CELLS = 100_000;

export interface LevelView {
  field: Property;
  kind: GroupKind;
  per?: GroupPeriod;
  /** The natural order of this level's keys (ascending). */
  order(a: string, b: string): number;
  /** A key as answered (a user id becomes a login name). */
  key(k: string): string;
  label(k: string): string;
}

export interface ShapeInput {
  definition: ReportDefinition;
  levels: LevelView[];
  aggregations: Array<{ type: AggregationType; field?: Property; valueType: ReportValueType }>;
  tally: Tally;
  precision: { decimalPlaces: number; rounding: Decimal.Rounding };
}

const ORDERED_KINDS: ReadonlySet<GroupKind> = new Set(['date', 'datetime', 'time', 'number']);

/** The report's sorts, or ours when it has none: periods and numbers in order, others by total. */
export function effectiveSorts(definition: ReportDefinition, levels: LevelView[]): ReportSort[] {
  if (definition.sorts.length) return definition.sorts;
  return levels[0] && ORDERED_KINDS.has(levels[0].kind) ? [{ by: 'GROUP1', order: 'ASC' }] : [{ by: 'TOTAL', order: 'DESC' }];
}

type Row = Keyed & { ranks: Array<Decimal | number | null> };

/**
 * Rows compare level by level: at level L by the sorts that speak of it (TOTAL, the total of the
 * row's first L keys; GROUPL, the key), then by the key's natural order.
 */
function rowOrder(levels: LevelView[], sorts: ReportSort[]): (a: Row, b: Row) => number {
  return (a, b) => {
    for (let level = 0; level < levels.length; level++) {
      const ka = a.keys[level]!;
      const kb = b.keys[level]!;
      if (ka === kb) continue;
      for (const s of sorts) {
        const sign = s.order === 'DESC' ? -1 : 1;
        let c = 0;
        if (s.by === 'TOTAL') {
          const [ra, rb] = [a.ranks[level]!, b.ranks[level]!];
          // Empty totals last in either direction.
          c = ra === null || rb === null ? compareRanks(ra, rb) : sign * compareRanks(ra, rb);
        } else if (s.by === `GROUP${level + 1}`) c = sign * levels[level]!.order(ka, kb);
        if (c !== 0) return c;
      }
      return levels[level]!.order(ka, kb) || (ka < kb ? -1 : 1);
    }
    return 0;
  };
}

/** The order of one level's keys on their own (series, columns): its GROUP sort, else natural. */
function keyOrder(levels: LevelView[], sorts: ReportSort[], level: number): (a: string, b: string) => number {
  const s = sorts.find((x) => x.by === `GROUP${level + 1}`);
  const sign = s?.order === 'DESC' ? -1 : 1;
  return (a, b) => sign * levels[level]!.order(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

function distinct<T>(items: T[], id: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = id(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** What `series[].data` holds: counts, numbers and durations (seconds) as numbers; dates and date-times as epoch milliseconds; times as milliseconds since midnight. */
function drawable(text: string | null, type: ReportValueType): number | null {
  if (text === null) return null;
  if (type === 'date') return Date.parse(`${text}T00:00:00Z`);
  if (type === 'datetime') return Date.parse(text);
  if (type === 'time') return (Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5))) * 60_000;
  return Number(text);
}

function aggregationName(a: ShapeInput['aggregations'][number]): string {
  return a.field ? `${a.type}(${a.field.label})` : a.type;
}

const isTable = (d: ReportDefinition) => d.chartType === 'TABLE' || d.chartType === 'PIVOT_TABLE';

/**
 * Charts only (at most 500 rows, so series × categories stays small; tables are read from
 * `rows` and `pivot`): one series per aggregation and combination of the deeper levels' keys,
 * its data aligned to the first level's categories.
 */
function chartSeries(input: ShapeInput, sorts: ReportSort[], rows: Row[], rowValues: Array<Array<string | null>>, firsts: string[]): ReportDataJson['series'] {
  const { levels, definition } = input;
  if (levels.length === 0) return [];
  const combos = distinct(rows.map((r) => r.keys.slice(1)), (k) => JSON.stringify(k));
  const deeperOrders = levels.slice(1).map((_, i) => keyOrder(levels, sorts, i + 1));
  combos.sort((a, b) => {
    for (let i = 0; i < a.length; i++) {
      const c = deeperOrders[i]!(a[i]!, b[i]!);
      if (c) return c;
    }
    return 0;
  });
  const comboIndex = new Map(combos.map((c, i) => [JSON.stringify(c), i]));
  const column = new Map(firsts.map((k, i) => [k, i]));
  const moded = definition.chartMode === 'STACKED' || definition.chartMode === 'PERCENTAGE';
  const series = input.aggregations.flatMap((a, ai) =>
    combos.map((combo) => {
      const label = combo.map((k, i) => levels[i + 1]!.label(k)).join(' / ');
      const name = label === '' ? aggregationName(a) : input.aggregations.length > 1 ? `${label} (${aggregationName(a)})` : label;
      const data: Array<number | null> = firsts.map(() => null);
      return { name, aggregation: ai, keys: combo.map((k, i) => levels[i + 1]!.key(k)), ...(moded ? { stack: `a${ai}` } : {}), data } as ReportDataJson['series'][number];
    }),
  );
  rows.forEach((r, ri) => {
    const at = column.get(r.keys[0]!)!;
    const c = comboIndex.get(JSON.stringify(r.keys.slice(1)))!;
    input.aggregations.forEach((a, ai) => (series[ai * combos.length + c]!.data[at] = drawable(rowValues[ri]![ai] ?? null, a.valueType)));
  });
  if (definition.chartMode === 'PERCENTAGE') {
    // 100% stacks: each series' share of its category's stack, which ECharts does not compute.
    const wholes = input.aggregations.map((_, ai) => firsts.map((_, i) => series.reduce((sum, o) => sum + (o.aggregation === ai ? (o.data[i] ?? 0) : 0), 0)));
    for (const s of series) s.share = s.data.map((v, i) => (v === null || wholes[s.aggregation]![i] === 0 ? null : (v / wholes[s.aggregation]![i]!) * 100));
  }
  return series;
}

/** The leading rows whose matrix fits: at most `limit` rows and PIVOT_CELLS cells. */
function pivotRows(all: Row[], limit: number): Row[] {
  const heads = new Set<string>();
  const columns = new Set<string>();
  let n = 0;
  for (const r of all.slice(0, limit)) {
    const head = JSON.stringify(r.keys.slice(0, -1));
    const column = r.keys.at(-1)!;
    const h = heads.size + (heads.has(head) ? 0 : 1);
    const c = columns.size + (columns.has(column) ? 0 : 1);
    if (h * c > PIVOT_CELLS) break;
    heads.add(head);
    columns.add(column);
    n++;
  }
  return all.slice(0, n);
}

export function shapeReport(input: ShapeInput): ReportDataJson {
  const { definition, levels, tally, precision } = input;
  const sorts = effectiveSorts(definition, levels);
  const limit = isTable(definition) ? TABLE_LIMIT : CHART_LIMIT;
  const depth = levels.length;
  const leaves: Keyed[] = depth === 0 ? (tally.total.count ? [{ keys: [], bucket: tally.total }] : []) : [...tally.levels[depth - 1]!.values()];
  // The totals a TOTAL sort compares, once per row and level rather than once per comparison.
  const byTotal = sorts.some((s) => s.by === 'TOTAL');
  const all: Row[] = leaves.map((r) => ({ ...r, ranks: byTotal ? r.keys.map((_, l) => tally.bucketOf(r.keys.slice(0, l + 1))!.rank()) : [] }));
  all.sort(rowOrder(levels, sorts));
  const rows = definition.chartType === 'PIVOT_TABLE' ? pivotRows(all, limit) : all.slice(0, limit);
  const valuesOf = (keys: readonly string[]) => tally.bucketOf(keys)!.values(precision);
  const outKeys = (keys: readonly string[]) => keys.map((k, i) => levels[i]!.key(k));

  const categories = levels.map((_, level) => {
    const keys = distinct(rows.map((r) => r.keys[level]!), (k) => k);
    if (level > 0) keys.sort(keyOrder(levels, sorts, level));
    return keys;
  });
  const rowValues = rows.map((r) => r.bucket.values(precision));

  const series = isTable(definition) ? [] : chartSeries(input, sorts, rows, rowValues, categories[0] ?? []);

  const subtotals = [] as ReportDataJson['subtotals'];
  for (let level = 1; level < depth; level++) {
    for (const keys of distinct(rows.map((r) => r.keys.slice(0, level)), (k) => JSON.stringify(k))) {
      const b = tally.bucketOf(keys)!;
      subtotals.push({ keys: outKeys(keys), count: b.count, values: b.values(precision) });
    }
  }

  const out: ReportDataJson = {
    chartType: definition.chartType,
    ...(definition.chartMode ? { chartMode: definition.chartMode } : {}),
    groups: levels.map((l, i) => ({
      code: l.field.code,
      label: l.field.label,
      type: l.field.type,
      ...(l.per ? { per: l.per } : {}),
      categories: categories[i]!.map((k) => ({ key: l.key(k), label: l.label(k) })),
    })),
    aggregations: input.aggregations.map((a) => ({ type: a.type, ...(a.field ? { code: a.field.code, label: a.field.label } : {}), valueType: a.valueType })),
    series,
    rows: rows.map((r, i) => ({ keys: outKeys(r.keys), count: r.bucket.count, values: rowValues[i]! })),
    subtotals,
    totals: { count: tally.total.count, values: tally.total.values(precision) },
    truncated: all.length > rows.length,
  };
  if (definition.chartType === 'PIVOT_TABLE' && depth >= 2) out.pivot = pivot(input, rows, rowValues, categories[depth - 1]!, valuesOf);
  return out;
}

/** Rows: the first groups' keys (as the rows show them); columns: the last group's keys. */
function pivot(
  input: ShapeInput,
  rows: Row[],
  rowValues: Array<Array<string | null>>,
  columns: string[],
  valuesOf: (keys: readonly string[]) => Array<string | null>,
): NonNullable<ReportDataJson['pivot']> {
  const { levels, tally, precision } = input;
  const last = levels.length - 1;
  const heads = distinct(rows.map((r) => r.keys.slice(0, last)), (k) => JSON.stringify(k));
  const headIndex = new Map(heads.map((h, i) => [JSON.stringify(h), i]));
  const columnIndex = new Map(columns.map((c, i) => [c, i]));
  const cells: Array<Array<Array<string | null> | null>> = heads.map(() => columns.map(() => null));
  rows.forEach((r, i) => {
    cells[headIndex.get(JSON.stringify(r.keys.slice(0, last)))!]![columnIndex.get(r.keys[last]!)!] = rowValues[i]!;
  });
  return {
    rows: heads.map((h) => ({ keys: h.map((k, i) => levels[i]!.key(k)), labels: h.map((k, i) => levels[i]!.label(k)) })),
    columns: columns.map((k) => ({ key: levels[last]!.key(k), label: levels[last]!.label(k) })),
    cells,
    rowTotals: heads.map((h) => valuesOf(h)),
    columnTotals: columns.map((c) => tally.last.get(c)!.values(precision)),
    total: tally.total.values(precision),
  };
}
