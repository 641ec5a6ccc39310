import Papa from 'papaparse';
import type { ParseError, ParseStepResult, Parser } from 'papaparse';
import { resolveLimits, type Limits } from './limits';
import { TableCollector, type ParsedTable } from './table-collector';
import { ProtocolError } from '@/lib/errors';

/** Zoho's bulk write reads `,` `;` `:` and `|`; tab is what spreadsheets copy. Earlier ones win a tie. */
export const CSV_DELIMITERS = [',', ';', '\t', '|', ':'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface ParsedCsv extends ParsedTable {
  delimiter: CsvDelimiter;
}

function isCsvDelimiter(value: string): value is CsvDelimiter {
  return (CSV_DELIMITERS as readonly string[]).includes(value);
}

/**
 * Picks the delimiter whose split of the first rows is the most consistent.
 * Papa's own guess counts blank lines as one-column rows, so a trailing newline can make
 * it give up on a perfectly good file; guessing with blank lines skipped avoids that.
 * A file of a single column has nothing to split: it gets a comma.
 */
export function guessCsvDelimiter(text: string): CsvDelimiter {
  const preview = Papa.parse<string[]>(text, {
    delimitersToGuess: [...CSV_DELIMITERS],
    skipEmptyLines: true,
    preview: 10,
  });
  const guessed = preview.meta.delimiter;
  const undetectable = preview.errors.some((error) => error.code === 'UndetectableDelimiter');
  return !undetectable && isCsvDelimiter(guessed) ? guessed : ',';
}

/** Excel writes, and honours, a first line "sep=;" that names the delimiter; it is not a row. */
function excelSeparatorHint(text: string): { delimiter: CsvDelimiter; rest: string } | null {
  const hint = /^sep=(.)(?:\r\n|\n|\r)/i.exec(text);
  if (!hint || !isCsvDelimiter(hint[1])) return null;
  return { delimiter: hint[1], rest: text.slice(hint[0].length) };
}

function quoteError(error: ParseError, rowNumber: number): ProtocolError {
  if (error.code === 'MissingQuotes') {
    return new ProtocolError(
      'INVALID_DATA',
      `Row ${rowNumber} opens a quoted value that is never closed: a '"' is missing, so the rest of the file would be read as one cell.`,
    );
  }
  return new ProtocolError(
    'INVALID_DATA',
    `Row ${rowNumber} has text right after the closing quote of a quoted value; write a quote inside a quoted value as two quotes ("").`,
  );
}

/**
 * Parses CSV text into headers and rows; every cell stays text exactly as written
 * (no number conversion, so "000123" keeps its zeros). Row numbers are spreadsheet
 * rows: the header is row 1 and the first data row is row 2 (see TableRow).
 */
export function parseCsv(text: string, limits?: Partial<Limits>): ParsedCsv {
  if (text.trim() === '') {
    throw new ProtocolError('INVALID_DATA', 'The file is empty; its first row must hold the column names.');
  }
  const hint = excelSeparatorHint(text);
  const body = hint ? hint.rest : text;
  const delimiter = hint ? hint.delimiter : guessCsvDelimiter(body);
  const collector = new TableCollector(resolveLimits(limits));
  let rowNumber = 0;
  let failure: unknown = null;

  // Step mode: rows are handed over one by one, so an oversized file is counted, not held twice.
  const onRow = (result: ParseStepResult<string[]>, parser: Parser): void => {
    rowNumber++;
    try {
      const quoteProblem = result.errors.find((error) => error.type === 'Quotes');
      if (quoteProblem) throw quoteError(quoteProblem, rowNumber);
      collector.addRecord(rowNumber, result.data);
    } catch (error) {
      // Throwing out of Papa's callback would leave the parser half-way; stop it and rethrow after.
      failure = error;
      parser.abort();
    }
  };

  Papa.parse<string[]>(body, {
    delimiter,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    comments: false,
    step: onRow,
  });
  if (failure) throw failure;
  return { ...collector.finish(), delimiter };
}
