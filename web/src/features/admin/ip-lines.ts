// The IP allow-list as a textarea: one address or range per line. Blank lines and spaces are the
// person's layout, not entries; the server names a bad entry by its index in what was sent
// (`ipRestriction.allow[3]`), which is turned back into the line the person typed it on.

export interface AllowLines {
  /** What is sent: the non-blank lines, trimmed. */
  entries: string[];
  /** For each entry, its line number in the textarea (1-based). */
  lineOf: number[];
}

export function allowLines(text: string): AllowLines {
  const entries: string[] = [];
  const lineOf: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    entries.push(line);
    lineOf.push(i + 1);
  });
  return { entries, lineOf };
}

export interface LineError {
  line: number;
  entry: string;
  message: string;
}

const ENTRY_KEY = /^ipRestriction\.allow\[(\d+)\]$/;

/** The server's per-entry messages, in line order, each with its line and what was on it. */
export function lineErrors(fields: Readonly<Record<string, readonly string[]>>, lines: AllowLines): LineError[] {
  const out: LineError[] = [];
  for (const [key, messages] of Object.entries(fields)) {
    const m = ENTRY_KEY.exec(key);
    if (!m) continue;
    const index = Number(m[1]);
    const line = lines.lineOf[index];
    if (line === undefined) continue;
    out.push({ line, entry: lines.entries[index]!, message: messages[0] ?? '' });
  }
  return out.sort((a, b) => a.line - b.line);
}

/** Whether a field key is one entry's (so it is not listed again among the form's others). */
export function isEntryKey(key: string): boolean {
  return ENTRY_KEY.test(key);
}
