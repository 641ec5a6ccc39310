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

/** A <c> or <row> start tag, any prefix, attributes quoted as XML requires ('>' may sit inside a quoted value). */
const START_TAG = /<(?:[\w.-]+:)?(c|row)\b((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
/** Any <c or <row, however malformed: each must be one START_TAG matched, or the sheet is refused. */
const ANY_START = /<(?:[\w.-]+:)?(?:c|row)(?=[\s/>])/g;
/** One attribute of a start tag read whole: walked in order, a quoted value can never pass for an attribute. */
const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function unreadable(detail: string): ProtocolError {
  return new ProtocolError(
    'INVALID_FILE_FORMAT',
    `The first sheet could not be checked: ${detail}; the file is damaged or forged.`,
  );
}

/**
 * The `r` attribute of a start tag as the reader's XML parser sees it: any namespace prefix (x:r) dropped. A value with
 * a character or entity reference (r="&#88;FD1" is XFD1 to an XML parser) is refused rather than decoded: Excel never
 * writes one, and a second decoder is a second place to disagree with the reader (hostile findings, December 2026).
 */
function referenceOf(attributes: string): string | null {
  let reference: string | null = null;
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(attributes); match; match = ATTRIBUTE.exec(attributes)) {
    if (match[1] !== 'r' && !match[1].endsWith(':r')) continue;
    const value = match[2] ?? match[3];
    if (value.includes('&')) throw unreadable(`a cell or row address is written with a character reference (${value})`);
    reference = value;
  }
  return reference;
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
 * The reader parses XML properly, so this reads every <c> and <row> start tag whole (quoted values may hold '>'),
 * with any prefix on the element or the attribute, and refuses a sheet with a start tag it cannot read that way.
 */
export function checkSheetExtent(sheetXml: string, limits: Limits): void {
  let starts = 0;
  ANY_START.lastIndex = 0;
  while (ANY_START.test(sheetXml)) starts++;
  let read = 0;
  START_TAG.lastIndex = 0;
  for (let match = START_TAG.exec(sheetXml); match; match = START_TAG.exec(sheetXml)) {
    read++;
    const [, element, attributes, selfClosing] = match;
    const reference = referenceOf(attributes);
    if (reference === null) continue;
    if (element === 'row') {
      if (!/^\d{1,10}$/.test(reference) || Number(reference) > EXCEL_MAX_ROWS) throw outsideExcelGrid(reference);
      continue;
    }
    const cell = /^([A-Za-z]{1,7})(\d{1,10})$/.exec(reference);
    if (!cell) throw outsideExcelGrid(reference);
    const [, letters, digits] = cell;
    const row = Number(digits);
    const column = columnNumber(letters);
    if (selfClosing === '/') {
      if (row > EXCEL_MAX_ROWS || column > EXCEL_MAX_COLUMNS) throw outsideExcelGrid(reference);
      continue;
    }
    checkValuedCell(reference, row, column, limits);
  }
  if (read !== starts) throw unreadable('a cell or row tag is not well formed');
}
