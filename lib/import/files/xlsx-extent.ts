import { formatCount } from './format';
import type { Limits } from './limits';
import { ProtocolError } from '@/lib/errors';

/** Excel's own grid: 1,048,576 rows by 16,384 columns (XFD). */
const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLUMNS = 16_384;

/** Rows we let read-excel-file lay out: room for blank rows between the data rows, but bounded. */
function rowCeiling(limits: Limits): number {
  return limits.maxDataRows * 2 + 1;
}

function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters.toUpperCase()) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}

function outsideExcelGrid(reference: string): ProtocolError {
  return new ProtocolError(
    'INVALID_FILE_FORMAT',
    `The first sheet refers to cell or row '${reference}', which lies outside Excel's grid; the file is damaged or forged.`,
  );
}

function checkRowElements(sheetXml: string): void {
  const rows = /<(?:[\w.-]+:)?row\b[^>]*?\sr\s*=\s*["'](\d+)["']/g;
  for (let match = rows.exec(sheetXml); match; match = rows.exec(sheetXml)) {
    if (Number(match[1]) > EXCEL_MAX_ROWS) throw outsideExcelGrid(match[1]);
  }
}

function checkValuedCell(reference: string, row: number, column: number, limits: Limits): void {
  if (row > EXCEL_MAX_ROWS || column > EXCEL_MAX_COLUMNS) throw outsideExcelGrid(reference);
  if (column > limits.maxColumns) {
    throw new ProtocolError(
      'HEADER_LIMIT_EXCEEDED',
      `The first sheet has a value in column ${formatCount(column)} (cell ${reference}); at most ${formatCount(limits.maxColumns)} columns are allowed.`,
    );
  }
  if (row > rowCeiling(limits)) {
    throw new ProtocolError(
      'LIMIT_EXCEEDED',
      `The first sheet has values down to row ${formatCount(row)} (cell ${reference}); at most ${formatCount(limits.maxDataRows)} data rows are allowed.`,
    );
  }
}

/**
 * read-excel-file lays a sheet out as a dense grid, padding every gap with empty cells.
 * One value placed at XFD1000000 would make it allocate billions of cells, so before it
 * runs we look at where the values are and refuse sheets whose grid would be too big.
 * Self-closing <c/> elements hold no value (only formatting) and are not padded, so they are skipped.
 */
export function checkSheetExtent(sheetXml: string, limits: Limits): void {
  checkRowElements(sheetXml);
  const cells = /<(?:[\w.-]+:)?c\b([^>]*?)(\/?)>/g;
  for (let match = cells.exec(sheetXml); match; match = cells.exec(sheetXml)) {
    const reference = /(?:^|\s)r\s*=\s*["']([A-Za-z]{1,7})(\d{1,10})["']/.exec(match[1]);
    if (!reference) continue;
    const [, letters, digits] = reference;
    const row = Number(digits);
    const column = columnNumber(letters);
    if (match[2] === '/') {
      if (row > EXCEL_MAX_ROWS || column > EXCEL_MAX_COLUMNS) throw outsideExcelGrid(`${letters}${digits}`);
      continue;
    }
    checkValuedCell(`${letters}${digits}`, row, column, limits);
  }
}
