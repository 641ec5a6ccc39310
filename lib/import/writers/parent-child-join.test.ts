import { describe, expect, it } from 'vitest';
import { readUploadedTables, type UploadedTable } from '@/lib/import/files';
import { parseJobRequest } from '@/lib/import/request/job-request';
import { resolveJobResources } from '@/lib/import/request/job-resources';
import { resolveMappings, type MappingRequest } from '@/lib/import/request/mappings';
import { templateFile } from '@/lib/import/request/templates';
import type { RowOutcomeRecord } from '@/lib/import/results/outcomes';
import { GOODS_RECEIPTS } from '@/lib/modules';
import { joinParentChild, type JoinFile, type ParentChildFiles } from './parent-child-join';
import { outcomeSplitter } from './parent-child-split';
import { readCell } from './row-values';

const table = (fileName: string, rows: string[][]): UploadedTable => ({
  fileName,
  kind: 'csv',
  encoding: 'UTF-8',
  delimiter: ',',
  headers: rows[0],
  rows: rows.slice(1).map((cells, i) => ({ rowNumber: i + 2, cells })),
});

/** The files of a job as creating it would resolve them: mappings by header, Parent_Id to the parent's key. */
function filesOf(documents: string[][], lines: string[][], serials?: string[][]): ParentChildFiles {
  const tables = [
    table('receipts.csv', documents),
    table('lines.csv', lines),
    ...(serials ? [table('serials.csv', serials)] : []),
  ];
  const request = parseJobRequest({
    operation: 'insert',
    resource: tables.map((t, i) => ({
      module: ['Goods_Receipts', 'Document_Lines', 'Document_Serials'][i],
      file_id: '1',
      file_names: [t.fileName],
    })),
  });
  const resources = resolveJobResources(
    request,
    tables.map((t) => ({ ...t, rowCount: t.rows.length })),
  );
  const file = (i: number): JoinFile => ({ table: tables[i], mappings: resources[i].mappings, file: i });
  return { documents: file(0), lines: file(1), serials: serials ? file(2) : null };
}

/** A flat row as the document writer reads it: field by field. */
const valuesOf = (row: { cells: string[] }, mappings: MappingRequest[]) =>
  Object.fromEntries(mappings.map((m) => [m.apiName, readCell({ rowNumber: 0, cells: row.cells }, m)]));

const DOCUMENTS = [
  ['Number', 'Date', 'Warehouse'],
  ['R-1', '2026-01-15', 'MAIN'],
  ['R-2', '2026-01-16', 'MAIN'],
];
const LINES = [
  ['Parent_Id', 'Line_Id', 'Item', 'Quantity'],
  ['R-1', 'L1', 'ACME-1', '2'],
  ['R-2', 'L2', 'CABLE', '3'],
  ['R-1', 'L3', 'CABLE', '1'],
];
const SERIALS = [
  ['Parent_Id', 'Serial'],
  ['L1', 'SN-1'],
  ['L1', ' SN-2 '],
];

describe('joinParentChild', () => {
  it('makes the flat file of the parent/child template: the same values, field by field', async () => {
    const [flat, zip] = await Promise.all([templateFile('Goods_Receipts.csv'), templateFile('Goods_Receipts.zip')]);
    const [flatTable] = await readUploadedTables(flat!.body, flat!.fileName);
    const tables = await readUploadedTables(zip!.body, zip!.fileName);
    expect(tables.map((t) => t.fileName)).toEqual(['Goods_Receipts.csv', 'Document_Lines.csv', 'Document_Serials.csv']);
    const files = filesOf(
      ...(tables.map((t) => [t.headers, ...t.rows.map((r) => r.cells)]) as [string[][], string[][], string[][]]),
    );
    const joined = joinParentChild(files);
    expect(joined.refused).toEqual([]);
    const flatMappings = resolveMappings(null, flatTable.headers, GOODS_RECEIPTS, 'insert', null);
    expect(joined.documents.map((d) => d.lines.map((l) => valuesOf(l.flat, joined.mappings)))).toEqual([
      [valuesOf(flatTable.rows[0], flatMappings)],
    ]);
  });

  it('gives each document its lines in file order and each line its serials, one flat row per line', () => {
    const joined = joinParentChild(filesOf(DOCUMENTS, LINES, SERIALS));
    expect(joined.refused).toEqual([]);
    expect(joined.documents.map((d) => [d.number, d.lines.map((l) => l.flat.rowNumber)])).toEqual([
      ['R-1', [2, 4]],
      ['R-2', [3]],
    ]);
    expect(joined.documents[0].lines.map((l) => valuesOf(l.flat, joined.mappings))).toEqual([
      {
        Number: 'R-1',
        Date: '2026-01-15',
        Warehouse: 'MAIN',
        Item: 'ACME-1',
        Quantity: '2',
        Serial_Numbers: 'SN-1;SN-2',
      },
      { Number: 'R-1', Date: '2026-01-15', Warehouse: 'MAIN', Item: 'CABLE', Quantity: '1', Serial_Numbers: null },
    ]);
  });

  it('refuses children that name no parent or two, and documents that cannot take their lines', () => {
    const joined = joinParentChild(
      filesOf(
        [...DOCUMENTS, ['R-3', '2026-01-17', 'MAIN'], ['R-3', '2026-01-18', 'MAIN'], ['R-4', '2026-01-18', 'MAIN']],
        [...LINES, ['R-9', 'L9', 'CABLE', '1'], ['', 'L10', 'CABLE', '1'], ['R-3', 'L11', 'CABLE', '1']],
        [...SERIALS, ['L404', 'SN-3'], ['L11', 'SN-4']],
      ),
    );
    const refused = (file: number) =>
      joined.refused
        .filter((o) => (o.file ?? 0) === file)
        .map((o) => [o.rowNumber, o.errors.map((e) => `${e.code}-${e.column}: ${e.message}`)]);
    expect(refused(0)).toEqual([
      [
        4,
        [
          'INVALID_DATA-Number: R-3 is on rows 4, 5 of receipts.csv: the lines cannot tell which document they belong to.',
        ],
      ],
      [
        5,
        [
          'INVALID_DATA-Number: R-3 is on rows 4, 5 of receipts.csv: the lines cannot tell which document they belong to.',
        ],
      ],
      [6, ['MANDATORY_NOT_FOUND-: Document R-4 has no lines: no row of lines.csv names it in Parent_Id.']],
    ]);
    expect(refused(1)).toEqual([
      [5, ['RESOURCE_NOT_FOUND-Parent_Id: No row of receipts.csv has R-9 in Number.']],
      [
        6,
        ['MANDATORY_NOT_FOUND-Parent_Id: Enter Parent_Id: the Number of the row of receipts.csv this row belongs to.'],
      ],
      [
        7,
        [
          'INVALID_DATA-Parent_Id: R-3 names 2 rows of receipts.csv (4, 5): it cannot tell which one this row belongs to.',
        ],
      ],
    ]);
    expect(refused(2)).toEqual([
      [4, ['RESOURCE_NOT_FOUND-Parent_Id: No row of lines.csv has L404 in Line_Id.']],
      [5, ['CANNOT_PROCESS-: Its line was not imported: see row 7 of lines.csv.']],
    ]);
    expect(joined.documents.map((d) => d.number)).toEqual(['R-1', 'R-2']);
  });

  it('refuses a whole document for a serial it cannot carry or a line key two lines share', () => {
    const joined = joinParentChild(
      filesOf(DOCUMENTS, [...LINES, ['R-2', 'L2', 'ACME-1', '1']], [...SERIALS, ['L1', ''], ['L2', 'SN;5']]),
    );
    expect(joined.documents).toEqual([]);
    const messages = Object.fromEntries(
      joined.refused.map((o) => [`${o.file ?? 0}:${o.rowNumber}`, o.errors[0].message]),
    );
    expect(messages).toEqual({
      '2:4': 'Enter the serial number.',
      '0:2': 'Document R-1 was not imported: see row 4 of serials.csv.',
      '1:2': 'Document R-1 was not imported: see row 4 of serials.csv.',
      '1:4': 'Document R-1 was not imported: see row 4 of serials.csv.',
      '2:2': 'Document R-1 was not imported: see row 4 of serials.csv.',
      '2:3': 'Document R-1 was not imported: see row 4 of serials.csv.',
      '1:3': 'L2 is on rows 3, 5 of lines.csv: the serial numbers cannot tell which line they belong to.',
      '1:5': 'L2 is on rows 3, 5 of lines.csv: the serial numbers cannot tell which line they belong to.',
      '2:5': 'L2 names 2 rows of lines.csv (3, 5): it cannot tell which one this row belongs to.',
      '0:3': 'Document R-2 was not imported: see rows 3, 5 of lines.csv.',
    });
  });

  it('names the first rows of a long list and counts the rest, since the message is copied to each of them', () => {
    const lines = [LINES[0], ...Array.from({ length: 7 }, () => ['R-1', 'L1', 'ACME-1', '1'])];
    const joined = joinParentChild(filesOf(DOCUMENTS.slice(0, 2), lines, [SERIALS[0], ['L1', 'SN-1']]));
    expect(joined.refused.find((o) => o.file === 1)!.errors[0].message).toBe(
      'L1 is on rows 2, 3, 4, 5, 6 and 2 more of lines.csv: the serial numbers cannot tell which line they belong to.',
    );
  });
});

describe('outcomeSplitter', () => {
  const files = filesOf(DOCUMENTS, LINES, SERIALS);
  const joined = joinParentChild(files);
  const split = outcomeSplitter(files, joined.documents);
  const byRow = (outcomes: RowOutcomeRecord[]) =>
    Object.fromEntries(
      outcomes.map((o) => [`${o.file ?? 0}:${o.rowNumber}`, [o.status, o.recordId, o.errors.map((e) => e.message)]]),
    );

  it('gives every row of a posted document its status and id', () => {
    const added = (rowNumber: number, recordId: string): RowOutcomeRecord => ({
      rowNumber,
      status: 'ADDED',
      recordId,
      errors: [],
    });
    expect(byRow(split([added(2, '7'), added(4, '7'), added(3, '8')]))).toEqual({
      '0:2': ['ADDED', '7', []],
      '1:2': ['ADDED', '7', []],
      '1:4': ['ADDED', '7', []],
      '2:2': ['ADDED', '7', []],
      '2:3': ['ADDED', '7', []],
      '0:3': ['ADDED', '8', []],
      '1:3': ['ADDED', '8', []],
    });
  });

  it("puts a refused document's errors on the rows they are about, and points the others to them", () => {
    const serialError = {
      code: 'DUPLICATE_DATA',
      column: 'Serial_Numbers',
      message: 'Serial SN-2 is in stock.',
      serial: 'SN-2',
    };
    const headerError = { code: 'RESOURCE_NOT_FOUND', column: 'Warehouse', message: 'No warehouse has Code MAIN.' };
    const outcomes = split([
      { rowNumber: 2, status: 'SKIPPED', recordId: null, errors: [headerError, serialError] },
      { rowNumber: 4, status: 'SKIPPED', recordId: null, errors: [headerError] },
    ]);
    expect(byRow(outcomes)).toEqual({
      '0:2': ['SKIPPED', null, ['No warehouse has Code MAIN.']],
      '1:2': ['SKIPPED', null, ['Document R-1 was not imported: see row 2 of receipts.csv and row 3 of serials.csv.']],
      '1:4': ['SKIPPED', null, ['Document R-1 was not imported: see row 2 of receipts.csv and row 3 of serials.csv.']],
      '2:2': ['SKIPPED', null, ['Document R-1 was not imported: see row 2 of receipts.csv and row 3 of serials.csv.']],
      '2:3': ['SKIPPED', null, ['Serial SN-2 is in stock.']],
    });
  });
});
