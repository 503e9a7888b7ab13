// CSV as Excel in Japan opens it: a UTF-8 BOM (without it Excel guesses Shift_JIS and garbles
// every name), CRLF line ends, every value a quoted-if-needed text cell, and no cell that a
// spreadsheet would run as a formula. Used by every export (audit log, licence estimates).

// Spreadsheet programs run a cell that starts with one of these as a formula (probe X8); the
// full-width forms count because Japanese Excel folds them to the ASCII ones.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** One RFC 4180 field, defused against formula injection. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  // A number is ours and never a formula (a negative one keeps its sign).
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole file: BOM, one line per row, CRLF after each. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
