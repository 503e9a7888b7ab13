// kintone's validation keys → the input they belong to. A CB_VA01 answer names each problem the
// way kintone does: `record.title.value`, `record[price].value` (a number that is not one),
// `record.files.values`, `record.people.values[0].value`, `records[3].title.value` (bulk), and
// inside tables `record.items.value[2].value.qty.value`.

/** Where a message belongs: a top-level field, or a column of one table row. */
export interface FieldPath {
  code: string;
  /** Row index in the table as it was sent. */
  row?: number;
  inner?: string;
}

const HEAD = /^records?(?:\[(\d+)\])?(?:\.([^.[\]]+)|\[([^\]]+)\])(.*)$/;
const ROW = /^\.value\[(\d+)\]\.value(?:\.([^.[\]]+)|\[([^\]]+)\])/;

/** The field a key names, and for the multi-record APIs the record's index; null for other keys. */
export function parseErrorKey(key: string): (FieldPath & { record?: number }) | null {
  const m = HEAD.exec(key);
  if (!m) return null;
  const code = m[2] ?? m[3]!;
  const out: FieldPath & { record?: number } = { code };
  if (m[1] !== undefined) out.record = Number(m[1]);
  const row = ROW.exec(m[4] ?? '');
  if (row) {
    out.row = Number(row[1]);
    out.inner = row[2] ?? row[3]!;
  }
  return out;
}

/** The key a form uses for one input's messages: `title`, or `items#<rowKey>.qty`. */
export function inputKey(code: string, rowKey?: string, inner?: string): string {
  return rowKey !== undefined && inner !== undefined ? `${code}#${rowKey}.${inner}` : code;
}

export interface MappedErrors {
  /** Messages per input key (inputKey). */
  byInput: Record<string, string[]>;
  /** Messages whose field the form does not show. */
  others: string[];
}

/**
 * Spreads a failed write's field messages over the form's inputs. `rowKeys[table]` lists the
 * rows of each table in the order they were sent; `shown` says whether the form has an input
 * for a key.
 */
export function mapFieldErrors(
  fields: Readonly<Record<string, readonly string[]>>,
  rowKeys: Readonly<Record<string, readonly string[]>>,
  shown: (inputKey: string) => boolean,
): MappedErrors {
  const byInput: Record<string, string[]> = {};
  const others: string[] = [];
  for (const [key, messages] of Object.entries(fields)) {
    const path = parseErrorKey(key);
    let target: string | undefined;
    if (path) {
      const rowKey = path.row !== undefined ? rowKeys[path.code]?.[path.row] : undefined;
      const candidate = path.inner !== undefined && rowKey !== undefined ? inputKey(path.code, rowKey, path.inner) : path.code;
      if (shown(candidate)) target = candidate;
      else if (shown(path.code)) target = path.code;
    }
    if (target) (byInput[target] ??= []).push(...messages);
    else others.push(...messages);
  }
  return { byInput, others };
}
