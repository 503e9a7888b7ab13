// Reading a CSV file as Japanese offices write them: UTF-8 with or without a BOM, or Shift_JIS
// (Excel's "CSV" in Japanese Windows). Bytes that are not valid UTF-8 are read as Shift_JIS.
import Papa from 'papaparse';

export interface CsvTable {
  encoding: 'UTF-8' | 'Shift_JIS';
  /** Every row, the header included; cells as text. */
  rows: string[][];
}

export function decodeCsv(bytes: ArrayBuffer | Uint8Array): { text: string; encoding: CsvTable['encoding'] } {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  try {
    // TextDecoder drops a leading BOM itself (ignoreBOM is false by default).
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('shift_jis').decode(data), encoding: 'Shift_JIS' };
  }
}

/** Parses CSV text (quoted cells may hold commas and line breaks); blank lines are skipped. */
export function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  return result.data.map((row) => row.map((cell) => (cell ?? '').toString()));
}

export function readCsv(bytes: ArrayBuffer | Uint8Array): CsvTable {
  const { text, encoding } = decodeCsv(bytes);
  return { encoding, rows: parseCsv(text) };
}
