import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessCsvDelimiter, parseCsv } from './parse-csv';

function expectFileError(action: () => unknown, code: string, message: string | RegExp): void {
  expect(action).toThrowError(expect.objectContaining({ name: 'ProtocolError', code }));
  expect(action).toThrowError(message);
}

describe('parseCsv: delimiters', () => {
  it.each([
    [',', 'Code,Name,Qty\nA1,Apple,3\nB2,Banana,5\n'],
    [';', 'Code;Name;Qty\nA1;Apple;3\nB2;Banana;5\n'],
    ['\t', 'Code\tName\tQty\nA1\tApple\t3\nB2\tBanana\t5\n'],
    ['|', 'Code|Name|Qty\nA1|Apple|3\nB2|Banana|5\n'],
    [':', 'Code:Name:Qty\nA1:Apple:3\nB2:Banana:5\n'],
  ])('detects %j', (delimiter, text) => {
    const parsed = parseCsv(text);
    expect(parsed.delimiter).toBe(delimiter);
    expect(parsed.headers).toEqual(['Code', 'Name', 'Qty']);
    expect(parsed.rows).toEqual([
      { rowNumber: 2, cells: ['A1', 'Apple', '3'] },
      { rowNumber: 3, cells: ['B2', 'Banana', '5'] },
    ]);
  });

  it('prefers ";" over "," when commas are decimal separators (Czech Excel export)', () => {
    expect(parseCsv('Kód;Cena\nA;1,50\nB;2,75\n').delimiter).toBe(';');
    expect(parseCsv('Kód;Cena\nA;1,50\nB;2,75\n').rows[0].cells).toEqual(['A', '1,50']);
  });

  it('is not put off by trailing blank lines or CRLF line ends', () => {
    expect(guessCsvDelimiter('a|b\r\n1|2\r\n\r\n\r\n')).toBe('|');
  });

  it('honours and removes an Excel "sep=" line', () => {
    const parsed = parseCsv('sep=;\r\nCode;Note\r\nA;x,y\r\n');
    expect(parsed).toEqual({
      headers: ['Code', 'Note'],
      rows: [{ rowNumber: 2, cells: ['A', 'x,y'] }],
      delimiter: ';',
    });
  });

  it('is not put off by colons in the cells (times) of a file with another delimiter', () => {
    const header = fc.stringMatching(/^[A-Z][a-z_]{0,8}$/);
    const cell = fc.stringMatching(/^[A-Za-z0-9 .:-]{0,12}$/).filter((c) => c.trim() === c);
    const table = fc.integer({ min: 2, max: 5 }).chain((columns) =>
      fc.record({
        headers: fc.uniqueArray(header, { minLength: columns, maxLength: columns }),
        rows: fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 8 }),
      }),
    );
    fc.assert(
      fc.property(table, fc.constantFrom(',', ';', '\t', '|'), ({ headers, rows }, delimiter) => {
        const text = [headers, ...rows].map((row) => row.join(delimiter)).join('\n');
        expect(parseCsv(text).delimiter).toBe(delimiter);
      }),
      { numRuns: 300 },
    );
    expect(parseCsv('Code,Time\nA,10:30:00\nB,11:45:10\n').delimiter).toBe(',');
  });

  it('falls back to a comma for a single column', () => {
    const parsed = parseCsv('Code\nA\nB\n');
    expect(parsed.delimiter).toBe(',');
    expect(parsed.rows.map((row) => row.cells)).toEqual([['A'], ['B']]);
  });
});

describe('parseCsv: cells', () => {
  it('keeps every value as text: leading zeros, numbers, dates', () => {
    const parsed = parseCsv('EAN,Qty,Date\n000123,007,2024-01-05\n');
    expect(parsed.rows[0].cells).toEqual(['000123', '007', '2024-01-05']);
  });

  it('reads quoted cells with embedded newlines, delimiters and doubled quotes', () => {
    const text = 'Code,Note\nA,"line one\nline two, still ""quoted"""\nB,plain\n';
    const parsed = parseCsv(text);
    expect(parsed.rows).toEqual([
      { rowNumber: 2, cells: ['A', 'line one\nline two, still "quoted"'] },
      // A multi-line cell is still one spreadsheet row, so B is row 3.
      { rowNumber: 3, cells: ['B', 'plain'] },
    ]);
  });

  it('skips empty lines but keeps the row numbers people see', () => {
    const parsed = parseCsv('a,b\n1,2\n\n,\n3,4\n\n\n');
    expect(parsed.rows).toEqual([
      { rowNumber: 2, cells: ['1', '2'] },
      { rowNumber: 5, cells: ['3', '4'] },
    ]);
  });

  it('pads short rows and drops trailing empty cells', () => {
    const parsed = parseCsv('a,b,c\n1\n1,2,3,,,\n');
    expect(parsed.rows.map((row) => row.cells)).toEqual([
      ['1', '', ''],
      ['1', '2', '3'],
    ]);
  });

  it('trims header names and ignores trailing empty header cells', () => {
    expect(parseCsv(' Code , Name ,,\nA,B\n').headers).toEqual(['Code', 'Name']);
  });

  it('accepts a header without data rows', () => {
    expect(parseCsv('Code,Name\n')).toEqual({ headers: ['Code', 'Name'], rows: [], delimiter: ',' });
  });
});

describe('parseCsv: refusals', () => {
  it('refuses an empty file', () => {
    expectFileError(() => parseCsv(''), 'INVALID_DATA', 'The file is empty; its first row must hold the column names.');
    expectFileError(() => parseCsv('\n\r\n  \n'), 'INVALID_DATA', /empty/);
  });

  it('refuses a file whose first row is empty', () => {
    expectFileError(
      () => parseCsv(',,\nA,B\n'),
      'INVALID_DATA',
      'Row 1 is empty, but the first row must hold the column names.',
    );
  });

  it('refuses an unclosed quote, naming the row', () => {
    expectFileError(
      () => parseCsv('a,b\n1,2\n3,"oops\n4,5\n'),
      'INVALID_DATA',
      /^Row 3 opens a quoted value that is never closed/,
    );
  });

  it('refuses text after a closing quote', () => {
    expectFileError(() => parseCsv('a,b\n"1"x,2\n'), 'INVALID_DATA', /^Row 2 has text right after the closing quote/);
  });

  it('refuses a value in a column the header does not name', () => {
    expectFileError(
      () => parseCsv('a,b\n1,2,3\n'),
      'INVALID_DATA',
      'Row 2 has a value in column 3, but the header row names only 2 columns.',
    );
  });

  it('refuses 201 columns and accepts 200', () => {
    const header = (count: number): string => Array.from({ length: count }, (_, i) => `c${i}`).join(',');
    expect(parseCsv(`${header(200)}\n`).headers).toHaveLength(200);
    expectFileError(
      () => parseCsv(`${header(201)}\n`),
      'HEADER_LIMIT_EXCEEDED',
      'The file has 201 columns; at most 200 are allowed.',
    );
  });

  it('refuses 25,001 data rows and accepts 25,000', () => {
    const rows = (count: number): string => `Code,Qty\n${'A,1\n'.repeat(count)}`;
    const accepted = parseCsv(rows(25_000));
    expect(accepted.rows).toHaveLength(25_000);
    expect(accepted.rows[24_999].rowNumber).toBe(25_001);
    expectFileError(
      () => parseCsv(rows(25_001)),
      'LIMIT_EXCEEDED',
      'The file has 25,001 data rows; at most 25,000 are allowed.',
    );
  });

  it('counts rows far past the limit without failing early', () => {
    expectFileError(
      () => parseCsv(`a\n${'1\n'.repeat(10)}`, { maxDataRows: 3 }),
      'LIMIT_EXCEEDED',
      'The file has 10 data rows; at most 3 are allowed.',
    );
  });

  it('refuses an overlong cell, naming row and column', () => {
    const long = 'x'.repeat(32_001);
    expectFileError(
      () => parseCsv(`Code,Description\nA,${long}\n`),
      'INVALID_DATA',
      "Row 2, column 2 ('Description') has 32,001 characters; at most 32,000 are allowed.",
    );
    expect(parseCsv(`Code,Description\nA,${'x'.repeat(32_000)}\n`).rows).toHaveLength(1);
  });

  it('counts an emoji as one character', () => {
    expect(parseCsv(`a\n${'😀'.repeat(5)}\n`, { maxCellChars: 5 }).rows).toHaveLength(1);
    expectFileError(
      () => parseCsv(`a\n${'😀'.repeat(6)}\n`, { maxCellChars: 5 }),
      'INVALID_DATA',
      /has 6 characters; at most 5/,
    );
  });

  it('refuses an overlong header cell', () => {
    expectFileError(
      () => parseCsv(`abcdef,b\n1,2\n`, { maxCellChars: 5 }),
      'INVALID_DATA',
      /^Row 1, column 1 has 6 characters/,
    );
  });
});
