import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stockCsv } from '@/lib/inventory/queries/stock-csv';
import type { StockRow } from '@/lib/inventory/queries/stock';
import { buildResultCsv } from '@/lib/import/results/result-csv';

/**
 * Our CSV files separate cells with commas, but a spreadsheet in a `;` locale (Czech, German, French Excel
 * and LibreOffice) splits every line at `;` instead. Then a new cell starts wherever a `;` or a line break
 * stands, also in the middle of one of our cells, and a formula there runs (issue 14, finding 5).
 */

/** How a spreadsheet reads a CSV line by line with the given separator: quotes count only at a cell's start. */
export function readAsSpreadsheet(text: string, separator: ',' | ';'): string[] {
  const cells: string[] = [];
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  while (i <= text.length) {
    let cell = '';
    if (text[i] === '"') {
      for (i++; i < text.length; i++) {
        if (text[i] === '"' && text[i + 1] === '"') cell += text[i++];
        else if (text[i] === '"') break;
        else cell += text[i];
      }
      i++;
    }
    while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') cell += text[i++];
    cells.push(cell);
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    i++;
  }
  return cells;
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/** A cell a spreadsheet would compute: = + - @ first (leading blanks aside), unless it is a plain number. */
export function runsAsFormula(cell: string): boolean {
  const text = cell.replace(/^[\s]+/, '');
  return /^[=+\-@]/.test(text) && !PLAIN_NUMBER.test(text);
}

const awkward = fc.string({
  unit: fc.constantFrom('=', '+', '-', '@', ';', ',', '"', '\n', '\r', '\t', ' ', "'", 'a', '1', '(', ')'),
});
const formulasIn = (csv: string) =>
  [',', ';'].flatMap((separator) =>
    readAsSpreadsheet(csv, separator as ',' | ';')
      .filter(runsAsFormula)
      .map((cell) => `${separator}: ${JSON.stringify(cell)}`),
  );

describe('exports are formula-safe in comma and semicolon locales', () => {
  it.each([
    ';=1+1',
    'x;=1+1',
    'x;+cmd|/C calc!A0',
    'a,b;@SUM(1)',
    'line\n=1+1',
    'line\r\n-2+3',
    'x; =1+1',
    'x;"=1+1"',
    'x;',
  ])('result file and stock CSV: %j', (cell) => {
    const result = buildResultCsv(
      ['Code', cell],
      [
        {
          rowNumber: 2,
          cells: [cell, 'b'],
          outcome: { status: 'SKIPPED', errors: [{ code: 'INVALID_DATA', column: 'Code', message: cell }] },
        },
      ],
    );
    expect(formulasIn(result)).toEqual([]);
    const stock: StockRow = {
      itemId: '1',
      itemCode: 'A',
      itemName: cell,
      unit: 'pcs',
      trackSerials: false,
      warehouseId: '1',
      warehouseCode: cell,
      warehouseName: 'W',
      quantity: '-5',
    };
    expect(formulasIn(stockCsv([stock]))).toEqual([]);
  });

  it('no cell of any file runs as a formula, whatever the cells hold', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(awkward, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        (rows) => {
          const width = rows[0].length;
          const result = buildResultCsv(
            rows[0],
            rows.slice(1).map((cells, index) => ({
              rowNumber: index + 2,
              cells: cells.slice(0, width),
              outcome: {
                status: 'SKIPPED' as const,
                errors: [{ code: 'INVALID_DATA', column: rows[0][0], message: cells[0] }],
              },
            })),
          );
          expect(formulasIn(result)).toEqual([]);
          const stock = rows.map(([a, b = '', c = '', d = '']) => ({
            itemId: '1',
            itemCode: a,
            itemName: b,
            unit: c,
            trackSerials: false,
            warehouseId: '1',
            warehouseCode: d,
            warehouseName: a,
            quantity: '1',
          }));
          expect(formulasIn(stockCsv(stock))).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('still leaves plain data as it was: numbers, and text without a formula after a separator', () => {
    const [, row] = buildResultCsv(
      ['a', 'b', 'c'],
      [{ rowNumber: 2, cells: ['Nut; bolt', '-12.50', 'a;b'], outcome: { status: 'ADDED', errors: [] } }],
    ).split('\r\n');
    expect(row).toBe('Nut; bolt,-12.50,a;b,2,ADDED,,,');
  });

  it('guards a signed number at the start of a line: a ; locale reads "-1,…" up to the first ; as one cell', () => {
    const [, row] = buildResultCsv(
      ['a', 'b'],
      [{ rowNumber: 2, cells: ['-1', '5*2'], outcome: { status: 'ADDED', errors: [] } }],
    ).split('\r\n');
    expect(row.startsWith("'-1,5*2,")).toBe(true);
  });
});
