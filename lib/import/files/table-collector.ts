import { formatCount, plural } from './format';
import type { Limits } from './limits';
import { ProtocolError } from '@/lib/errors';

/**
 * One data row. `rowNumber` is the row as a spreadsheet shows it: the header is row 1, so the
 * first data row is row 2. A quoted CSV value spanning several lines is still one row, and
 * skipped empty rows keep their number, so row numbers match what people see in Excel.
 */
export interface TableRow {
  rowNumber: number;
  cells: string[];
}

export interface ParsedTable {
  headers: string[];
  rows: TableRow[];
}

function isBlank(cell: string): boolean {
  return cell.trim() === '';
}

/** Characters as people count them: an emoji is one, not two UTF-16 units. */
function characterCount(cell: string, limit: number): number {
  // The length in UTF-16 units is never smaller than the count of code points, so short cells need no loop.
  if (cell.length <= limit) return cell.length;
  let count = 0;
  for (let index = 0; index < cell.length; index++) {
    const unit = cell.charCodeAt(index);
    // A surrogate pair is one character: count its high half, skip its low half.
    if (unit < 0xdc00 || unit > 0xdfff) count++;
  }
  return count;
}

/** Drops trailing blank cells: Excel likes to export "a,b,c,,,". */
function withoutTrailingBlanks(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && isBlank(cells[end - 1])) end--;
  return cells.slice(0, end);
}

/**
 * Turns the records of a CSV or a sheet into headers and rows, enforcing the limits
 * the same way for both formats. Records are fed one at a time, so a file with far too
 * many rows is counted, not stored.
 */
export class TableCollector {
  private headers: string[] | null = null;
  private readonly rows: TableRow[] = [];
  private dataRowCount = 0;

  constructor(private readonly limits: Limits) {}

  addRecord(rowNumber: number, cells: string[]): void {
    if (this.headers === null) {
      this.headers = this.acceptHeader(rowNumber, cells);
      return;
    }
    if (cells.every(isBlank)) return;
    this.dataRowCount++;
    // Past the limit we only keep counting, so the error can say how many rows there are.
    if (this.dataRowCount > this.limits.maxDataRows) return;
    this.rows.push({ rowNumber, cells: this.shapeDataRow(rowNumber, cells, this.headers) });
  }

  finish(): ParsedTable {
    if (this.headers === null) {
      throw new ProtocolError('INVALID_DATA', 'The file is empty; its first row must hold the column names.');
    }
    if (this.dataRowCount > this.limits.maxDataRows) {
      throw new ProtocolError(
        'LIMIT_EXCEEDED',
        `The file has ${formatCount(this.dataRowCount)} data rows; at most ${formatCount(this.limits.maxDataRows)} are allowed.`,
      );
    }
    return { headers: this.headers, rows: this.rows };
  }

  private acceptHeader(rowNumber: number, cells: string[]): string[] {
    const headers = withoutTrailingBlanks(cells).map((cell) => cell.trim());
    if (headers.length === 0) {
      throw new ProtocolError(
        'INVALID_DATA',
        `Row ${rowNumber} is empty, but the first row must hold the column names.`,
      );
    }
    if (headers.length > this.limits.maxColumns) {
      throw new ProtocolError(
        'HEADER_LIMIT_EXCEEDED',
        `The file has ${plural(headers.length, 'column')}; at most ${formatCount(this.limits.maxColumns)} are allowed.`,
      );
    }
    headers.forEach((header, index) => this.checkCellLength(rowNumber, index, header, ''));
    return headers;
  }

  private shapeDataRow(rowNumber: number, cells: string[], headers: string[]): string[] {
    const meaningful = withoutTrailingBlanks(cells);
    if (meaningful.length > headers.length) {
      throw new ProtocolError(
        'INVALID_DATA',
        `Row ${rowNumber} has a value in column ${meaningful.length}, but the header row names only ${plural(headers.length, 'column')}.`,
      );
    }
    const shaped = cells.slice(0, headers.length);
    while (shaped.length < headers.length) shaped.push('');
    shaped.forEach((cell, index) => this.checkCellLength(rowNumber, index, cell, headers[index]));
    return shaped;
  }

  private checkCellLength(rowNumber: number, columnIndex: number, cell: string, header: string): void {
    const count = characterCount(cell, this.limits.maxCellChars);
    if (count <= this.limits.maxCellChars) return;
    const shortHeader = header.length > 40 ? `${header.slice(0, 40)}…` : header;
    const columnName = shortHeader ? ` ('${shortHeader}')` : '';
    throw new ProtocolError(
      'INVALID_DATA',
      `Row ${rowNumber}, column ${columnIndex + 1}${columnName} has ${formatCount(count)} characters; at most ${formatCount(this.limits.maxCellChars)} are allowed.`,
    );
  }
}
