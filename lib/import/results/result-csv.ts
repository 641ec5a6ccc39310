import Papa from 'papaparse';
import { neutraliseFormula } from './formula-guard';
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

function resultLine(row: ResultRow, columnCount: number): string[] {
  const original = row.cells.slice(0, columnCount);
  while (original.length < columnCount) original.push('');
  const { status, recordId, errors } = row.outcome;
  return [
    ...original,
    String(row.rowNumber),
    status,
    recordId ?? '',
    formatZohoErrors(errors),
    formatErrorMessages(errors),
  ];
}

/**
 * The result CSV: every original column, then ROW_NUMBER, STATUS, RECORD_ID, ERRORS
 * (Zoho's `CODE-column` form) and ERROR_MESSAGE. Every cell, ours included, goes through
 * the formula guard, because messages may quote what people typed. CRLF line endings and
 * a UTF-8 BOM, so Excel opens it correctly with a double click.
 */
export function buildResultCsv(headers: readonly string[], rows: readonly ResultRow[]): string {
  const fields = [...headers, ...RESULT_COLUMNS].map(neutraliseFormula);
  const data = rows.map((row) => resultLine(row, headers.length).map(neutraliseFormula));
  const csv = Papa.unparse(
    { fields, data },
    { delimiter: ',', newline: '\r\n', quotes: false, quoteChar: '"', escapeChar: '"', escapeFormulae: false, header: true },
  );
  // Papa ends a header-only file with a line break but not a file with rows; end both with exactly one.
  const body = csv.endsWith('\r\n') ? csv.slice(0, -2) : csv;
  return `${UTF8_BOM}${body}\r\n`;
}
