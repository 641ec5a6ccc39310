import { neutraliseFormula } from '@/lib/spreadsheet/formula-guard';
import { formatErrorMessages, formatZohoErrors, type RowError } from './zoho-errors';

export type RowStatus = 'ADDED' | 'UPDATED' | 'SKIPPED';

export interface RowOutcome {
  status: RowStatus;
  recordId?: string;
  errors: RowError[];
}

export interface ResultRow {
  /** The source row number (header = row 1), as read by lib/import/files. */
  rowNumber: number;
  cells: string[];
  outcome: RowOutcome;
}

/** Columns appended after every original column. */
export const RESULT_COLUMNS = ['ROW_NUMBER', 'STATUS', 'RECORD_ID', 'ERRORS', 'ERROR_MESSAGE'] as const;

/** Excel takes a file as UTF-8 only when it opens with a byte order mark. */
const UTF8_BOM = '\uFEFF';

/** A cell as Papa.unparse (and Excel) expects it: quoted when it holds a comma, quote, line break or edge space. */
function csvCell(raw: string, lineStart = false): string {
  const cell = neutraliseFormula(raw, lineStart);
  const quote = /[",\r\n]/.test(cell) || (cell.length > 0 && (cell[0] === ' ' || cell[cell.length - 1] === ' '));
  return quote ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One row of the result CSV (without its line break); `columnCount` is the number of the file's own columns. */
export function resultCsvLine(row: ResultRow, columnCount: number): string {
  const cells: string[] = [];
  for (let i = 0; i < columnCount; i++) cells.push(csvCell(row.cells[i] ?? '', i === 0));
  const { status, recordId, errors } = row.outcome;
  cells.push(String(row.rowNumber), status, csvCell(recordId ?? ''));
  if (errors.length === 0) cells.push('', '');
  else cells.push(csvCell(formatZohoErrors(errors)), csvCell(formatErrorMessages(errors)));
  return cells.join(',');
}

/**
 * The result CSV: every original column, then ROW_NUMBER, STATUS, RECORD_ID, ERRORS
 * (Zoho's `CODE-column` form) and ERROR_MESSAGE. Every cell, ours included, goes through
 * the formula guard, because messages may quote what people typed. CRLF line endings and
 * a UTF-8 BOM, so Excel opens it correctly with a double click. Written by hand rather than
 * with Papa.unparse: a 25,000-row result is on the path from upload to COMPLETED, and the
 * hand-written loop is several times faster (same quoting rules; result-csv.test.ts pins them).
 */
export function buildResultCsv(headers: readonly string[], rows: readonly ResultRow[]): string {
  return joinResultCsv(
    headers,
    rows.map((row) => resultCsvLine(row, headers.length)),
  );
}

/** The result CSV of lines made by resultCsvLine, in file order (so a run can make them as its chunks end). */
export function joinResultCsv(headers: readonly string[], lines: readonly string[]): string {
  return `${UTF8_BOM}${[[...headers, ...RESULT_COLUMNS].map((cell, i) => csvCell(cell, i === 0)).join(','), ...lines].join('\r\n')}\r\n`;
}
