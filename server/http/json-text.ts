// An answer already written as JSON (record lists are assembled from per-record JSON kept in
// UTF-8): its parts are sent as they are, joined once, never serialized or encoded again.
export class JsonText {
  constructor(readonly parts: Buffer[]) {}

  get body(): Buffer {
    return this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
  }
}

const COMMA = Buffer.from(',');
const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']');
const EMPTY = Buffer.from('[]');

/** `[a,b,…]` from items that are JSON already. */
export function jsonArray(items: Buffer[]): JsonText {
  if (items.length === 0) return new JsonText([EMPTY]);
  const parts: Buffer[] = [OPEN];
  for (const item of items) parts.push(item, COMMA);
  parts[parts.length - 1] = CLOSE;
  return new JsonText(parts);
}

/** `{"key":<json>,…}`: JsonText values go in as they are, anything else through JSON.stringify. */
export function jsonObject(entries: Record<string, unknown>): JsonText {
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(entries)) {
    parts.push(Buffer.from(`${parts.length ? ',' : '{'}${JSON.stringify(k)}:`));
    if (v instanceof JsonText) parts.push(...v.parts);
    else if (Buffer.isBuffer(v)) parts.push(v);
    else parts.push(Buffer.from(JSON.stringify(v)));
  }
  parts.push(Buffer.from(parts.length ? '}' : '{}'));
  return new JsonText(parts);
}
