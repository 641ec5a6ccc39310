import { describe, expect, it } from 'vitest';
import type { UploadedTable } from '@/lib/import/files';
import { buildResultCsv } from '@/lib/import/results';
import { ResultFiles, ResultLines } from './result-lines';
import type { RowOutcomeRecord } from './outcomes';

const table: UploadedTable = {
  fileName: 'receipt.csv',
  kind: 'csv',
  encoding: 'utf-8',
  delimiter: ',',
  headers: ['Number', 'Serial'],
  rows: [
    { rowNumber: 2, cells: ['R-1', 'SN-1'] },
    { rowNumber: 3, cells: ['R-2', '=cmd'] },
    { rowNumber: 4, cells: ['R-1', 'SN-2'] },
    { rowNumber: 5, cells: ['R-3', 'SN-3'] },
  ],
};

const added = (rowNumber: number, recordId: string): RowOutcomeRecord => ({
  rowNumber,
  status: 'ADDED',
  recordId,
  errors: [],
});
const refused: RowOutcomeRecord = {
  rowNumber: 3,
  status: 'SKIPPED',
  recordId: null,
  errors: [{ code: 'DUPLICATE_DATA', column: 'Serial', message: 'Serial =cmd is in stock.' }],
};
const NOT_PROCESSED = {
  status: 'SKIPPED' as const,
  errors: [{ code: 'CANNOT_PROCESS', column: '', message: 'This row was not processed.' }],
};

describe('ResultLines', () => {
  it('gives the CSV of every row in file order, whatever order the chunks reported them in', () => {
    const lines = new ResultLines(table);
    // A document's rows need not be next to each other: R-1 holds rows 2 and 4.
    lines.add([added(2, '10'), added(4, '10')]);
    lines.writeAdded();
    lines.add([refused]);
    expect(lines.csv()).toBe(
      buildResultCsv(table.headers, [
        { ...table.rows[0], outcome: { status: 'ADDED', recordId: '10', errors: [] } },
        { ...table.rows[1], outcome: { status: 'SKIPPED', errors: refused.errors } },
        { ...table.rows[2], outcome: { status: 'ADDED', recordId: '10', errors: [] } },
        { ...table.rows[3], outcome: NOT_PROCESSED },
      ]),
    );
  });

  it('says "not processed" for every row when no outcome was added', () => {
    expect(new ResultLines(table).csv()).toBe(
      buildResultCsv(
        table.headers,
        table.rows.map((row) => ({ ...row, outcome: NOT_PROCESSED })),
      ),
    );
  });
});

describe('ResultFiles', () => {
  it('gives each file of a job its own result CSV, named after it, with the outcomes of its rows', () => {
    const lines: UploadedTable = {
      ...table,
      fileName: 'lines.csv',
      headers: ['Parent_Id'],
      rows: [{ rowNumber: 2, cells: ['R-1'] }],
    };
    const files = new ResultFiles([table, lines]);
    files.add([added(2, '10'), { ...added(2, '10'), file: 1 }]);
    const [first, second] = files.entries();
    expect(first.name).toBe('receipt_result.csv');
    expect(second).toEqual({
      name: 'lines_result.csv',
      content: buildResultCsv(
        ['Parent_Id'],
        [{ rowNumber: 2, cells: ['R-1'], outcome: { status: 'ADDED', recordId: '10', errors: [] } }],
      ),
    });
  });
});
