import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildResultCsv, RESULT_COLUMNS, type ResultRow } from './result-csv';

const HEADERS = ['Code', 'Name', 'Qty'];

const ROWS: ResultRow[] = [
  {
    rowNumber: 2,
    cells: ['000123', 'Apple', '5'],
    outcome: { status: 'ADDED', recordId: '5725767000000524001', errors: [] },
  },
  {
    rowNumber: 4,
    cells: ['', 'Pear, "green"\nlarge', '-12.50'],
    outcome: {
      status: 'SKIPPED',
      errors: [
        { code: 'MANDATORY_NOT_FOUND', column: 'Code', message: 'Code is required.' },
        { code: 'DUPLICATE_DATA', column: 'EAN', message: 'EAN 859 is used by item B7.' },
        { code: 'MANDATORY_NOT_FOUND', column: 'Name', message: 'Name is required.' },
      ],
    },
  },
  {
    rowNumber: 5,
    cells: ['=HYPERLINK("http://evil")', '@cmd', '-5'],
    outcome: { status: 'UPDATED', recordId: '7', errors: [] },
  },
];

function parseBack(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

describe('buildResultCsv', () => {
  const csv = buildResultCsv(HEADERS, ROWS);

  it('starts with a UTF-8 BOM and uses CRLF line ends only', () => {
    expect(csv.startsWith('\uFEFFCode,Name,Qty,ROW_NUMBER,STATUS,RECORD_ID,ERRORS,ERROR_MESSAGE\r\n')).toBe(true);
    expect(csv.replace(/"[^"]*"/g, '').match(/(?<!\r)\n/)).toBeNull();
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('keeps every original column, then the result columns', () => {
    const [header, added] = parseBack(csv);
    expect(header).toEqual([...HEADERS, ...RESULT_COLUMNS]);
    expect(added).toEqual(['000123', 'Apple', '5', '2', 'ADDED', '5725767000000524001', '', '']);
  });

  it('writes errors in Zoho form and messages for people', () => {
    const skipped = parseBack(csv)[2];
    expect(skipped).toEqual([
      '',
      'Pear, "green"\nlarge',
      '-12.50',
      '4',
      'SKIPPED',
      '',
      'MANDATORY_NOT_FOUND-Code,Name:DUPLICATE_DATA-EAN',
      'Code is required.; EAN 859 is used by item B7.; Name is required.',
    ]);
  });

  it('quotes cells with commas, quotes and newlines', () => {
    expect(csv).toContain('"Pear, ""green""\nlarge"');
  });

  it('neutralises formulas but leaves negative numbers alone', () => {
    const updated = parseBack(csv)[3];
    expect(updated.slice(0, 3)).toEqual(['\'=HYPERLINK("http://evil")', "'@cmd", '-5']);
  });

  it('neutralises formulas in headers and messages too', () => {
    const hostile = buildResultCsv(
      ['=cmd'],
      [
        {
          rowNumber: 2,
          cells: ['x'],
          outcome: {
            status: 'SKIPPED',
            errors: [{ code: 'INVALID_DATA', column: '=cmd', message: '=evil is not valid' }],
          },
        },
      ],
    );
    const [header, row] = parseBack(hostile);
    expect(header[0]).toBe("'=cmd");
    expect(row.slice(-2)).toEqual(['INVALID_DATA-=cmd', "'=evil is not valid"]);
  });

  it('pads short rows and cuts long ones to the header', () => {
    const [, row] = parseBack(
      buildResultCsv(
        ['a', 'b'],
        [{ rowNumber: 2, cells: ['1'], outcome: { status: 'ADDED', recordId: '9', errors: [] } }],
      ),
    );
    expect(row).toEqual(['1', '', '2', 'ADDED', '9', '', '']);
    const [, cut] = parseBack(
      buildResultCsv(['a'], [{ rowNumber: 2, cells: ['1', '2'], outcome: { status: 'ADDED', errors: [] } }]),
    );
    expect(cut).toEqual(['1', '2', 'ADDED', '', '', '']);
  });

  it('writes just the header for no rows', () => {
    expect(buildResultCsv(['a'], [])).toBe('\uFEFFa,ROW_NUMBER,STATUS,RECORD_ID,ERRORS,ERROR_MESSAGE\r\n');
  });

  it('writes what Papa.unparse would, cell for cell, for awkward cells', () => {
    const awkward = [
      '',
      ' lead',
      'trail ',
      'a,b',
      'say "hi"',
      'line\r\nbreak',
      'lone\rcr',
      '"',
      ',',
      'žluťoučký kůň',
      '\ttab',
      '=1+1',
    ];
    const rows: ResultRow[] = awkward.map((cell, i) => ({
      rowNumber: i + 2,
      cells: [cell, `x${cell}`],
      outcome: { status: 'ADDED', errors: [] },
    }));
    const ours = buildResultCsv(['A', 'B'], rows);
    const guarded = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
    const papa = Papa.unparse(
      {
        fields: ['A', 'B', ...RESULT_COLUMNS],
        data: rows.map((r) => [guarded(r.cells[0]), r.cells[1], String(r.rowNumber), 'ADDED', '', '', '']),
      },
      { newline: '\r\n', quotes: false },
    );
    expect(ours).toBe(`\uFEFF${papa}\r\n`);
    expect(
      parseBack(ours)
        .slice(1)
        .map((row) => row[1]),
    ).toEqual(awkward.map((cell) => `x${cell}`));
  });
});
