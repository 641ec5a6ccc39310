import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildXlsx } from './__fixtures__/build-xlsx';
import { craftZip } from './__fixtures__/craft-zip';
import { encodeWindows1250 } from './__fixtures__/encode';
import { fileError } from './__fixtures__/expect-error';
import { readUploadedTable, readUploadedTables } from './read-upload';

async function zipOf(files: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('readUploadedTable: accepted uploads', () => {
  it('reads a bare CSV, reporting encoding and delimiter', async () => {
    const table = await readUploadedTable(Buffer.from('\uFEFFCode;Name\n000123;Apple\n'), 'items.csv');
    expect(table).toEqual({
      fileName: 'items.csv',
      kind: 'csv',
      encoding: 'UTF-8',
      delimiter: ';',
      headers: ['Code', 'Name'],
      rows: [{ rowNumber: 2, cells: ['000123', 'Apple'] }],
    });
  });

  it('reads a Windows-1250 CSV and honours an explicit encoding', async () => {
    const bytes = encodeWindows1250('Kód,Název\n1,Příliš žluťoučký kůň\n');
    const detected = await readUploadedTable(bytes, 'cz.csv');
    expect(detected.encoding).toBe('windows-1250');
    expect(detected.rows[0].cells[1]).toBe('Příliš žluťoučký kůň');
    const explicit = await readUploadedTable(bytes, 'cz.csv', { characterEncoding: 'windows-1252' });
    expect(explicit.encoding).toBe('windows-1252');
  });

  it('reads a Zoho-style ZIP with one CSV, naming the file inside', async () => {
    const bytes = await zipOf({ 'export/items.csv': 'Code,Name\nA,Apple\n', 'readme.txt': 'ignored' });
    const table = await readUploadedTable(bytes, 'upload.zip');
    expect(table).toMatchObject({
      fileName: 'items.csv',
      kind: 'csv',
      encoding: 'UTF-8',
      delimiter: ',',
      headers: ['Code', 'Name'],
    });
  });

  it('reads a bare .xlsx', async () => {
    const table = await readUploadedTable(
      await buildXlsx([
        ['Code', 'Qty'],
        ['000123', 3],
      ]),
      'items.xlsx',
    );
    expect(table).toEqual({
      fileName: 'items.xlsx',
      kind: 'xlsx',
      encoding: null,
      delimiter: null,
      headers: ['Code', 'Qty'],
      rows: [{ rowNumber: 2, cells: ['000123', '3'] }],
    });
  });

  it('reads a Zoho-style ZIP holding an .xlsx', async () => {
    const bytes = await zipOf({ 'items.xlsx': await buildXlsx([['Code'], ['A']]) });
    expect(await readUploadedTable(bytes, 'upload.zip')).toMatchObject({
      fileName: 'items.xlsx',
      kind: 'xlsx',
      headers: ['Code'],
    });
  });

  it('reads UTF-16 "Unicode text" from Excel', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kód\tNázev\r\n1\tČaj\r\n', 'utf16le')]);
    expect(await readUploadedTable(bytes, 'C:\\fakepath\\cz.txt')).toEqual({
      fileName: 'cz.txt',
      kind: 'csv',
      encoding: 'UTF-16LE',
      delimiter: '\t',
      headers: ['Kód', 'Název'],
      rows: [{ rowNumber: 2, cells: ['1', 'Čaj'] }],
    });
  });

  it('decides by content, not by name', async () => {
    const table = await readUploadedTable(Buffer.from('a,b\n1,2\n'), 'looks-like.xlsx');
    expect(table.kind).toBe('csv');
  });
});

describe('readUploadedTable: refusals', () => {
  it('refuses uploads over the size limit', async () => {
    await expect(readUploadedTable(Buffer.alloc(25 * 1024 * 1024 + 1, 0x61), 'big.csv')).rejects.toEqual(
      fileError(
        'FILE_TOO_LARGE',
        'The file is 25.0 MB (26,214,401 bytes); at most 25 MB (26,214,400 bytes) are allowed.',
      ),
    );
    await expect(
      readUploadedTable(Buffer.from('a,b\n1,2\n'), 'x.csv', { limits: { maxUploadBytes: 5 } }),
    ).rejects.toEqual(fileError('FILE_TOO_LARGE'));
  });

  it('refuses a ZIP with two CSV files', async () => {
    const bytes = await zipOf({ 'a.csv': 'x\n1\n', 'b.csv': 'y\n2\n' });
    await expect(readUploadedTable(bytes, 'two.zip')).rejects.toEqual(
      fileError(
        'INVALID_FILE_FORMAT',
        "The ZIP archive contains 2 data files ('a.csv', 'b.csv'); put exactly one .csv or .xlsx file in it.",
      ),
    );
  });

  it('refuses a ZIP without a data file', async () => {
    await expect(readUploadedTable(await zipOf({ 'notes.txt': 'hi' }), 'none.zip')).rejects.toEqual(
      fileError('INVALID_FILE_FORMAT', 'The ZIP archive contains no .csv or .xlsx file; put exactly one in it.'),
    );
    await expect(
      readUploadedTable(await new JSZip().generateAsync({ type: 'nodebuffer' }), 'empty.zip'),
    ).rejects.toEqual(fileError('INVALID_FILE_FORMAT', /no \.csv or \.xlsx file/));
  });

  it('refuses a ZIP inside the ZIP, by name or by content', async () => {
    const inner = await zipOf({ 'a.csv': 'a\n1\n' });
    await expect(readUploadedTable(await zipOf({ 'inner.zip': inner }), 'x.zip')).rejects.toEqual(
      fileError('FILE_NOT_SUPPORTED', /nested/),
    );
    await expect(readUploadedTable(await zipOf({ 'data.csv': inner }), 'x.zip')).rejects.toEqual(
      fileError('FILE_NOT_SUPPORTED', /nested/),
    );
  });

  it('refuses a path-traversal entry', async () => {
    const bytes = craftZip([{ name: '../evil.csv', content: Buffer.from('a\n1\n') }]);
    await expect(readUploadedTable(bytes, 'evil.zip')).rejects.toEqual(
      fileError('INVALID_FILE_FORMAT', "The ZIP entry '../evil.csv' has a path that leaves the archive; refused."),
    );
  });

  it('refuses a ZIP bomb hiding behind small declared sizes', async () => {
    const bytes = craftZip([{ name: 'bomb.csv', content: Buffer.alloc(16 * 1024 * 1024, 0x61), declaredSize: 10 }]);
    await expect(readUploadedTable(bytes, 'bomb.zip')).rejects.toEqual(fileError('INVALID_FILE_FORMAT', /ZIP bombs/));
  });

  it('makes an .xlsx inside a ZIP share the inflation budget', async () => {
    const xlsx = await buildXlsx([['Code'], ['A']]);
    const bytes = await zipOf({ 'items.xlsx': xlsx });
    await expect(readUploadedTable(bytes, 'x.zip', { limits: { maxInflatedBytes: xlsx.length + 50 } })).rejects.toEqual(
      fileError('FILE_TOO_LARGE'),
    );
  });

  it('applies row limits inside a ZIP', async () => {
    const bytes = await zipOf({ 'items.csv': `Code\n${'A\n'.repeat(4)}` });
    await expect(readUploadedTable(bytes, 'x.zip', { limits: { maxDataRows: 3 } })).rejects.toEqual(
      fileError('LIMIT_EXCEEDED', 'The file has 4 data rows; at most 3 are allowed.'),
    );
  });

  it.each([
    ['a PDF', Buffer.from('%PDF-1.4\n%âãÏÓ\n', 'latin1')],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
    ['binary with NUL bytes', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41])],
  ])('refuses %s', async (_, bytes) => {
    await expect(readUploadedTable(bytes, 'upload.csv')).rejects.toEqual(
      fileError('INVALID_FILE_FORMAT', /only ZIP, CSV and XLSX files are supported/),
    );
  });

  it('refuses an empty upload', async () => {
    await expect(readUploadedTable(Buffer.alloc(0), 'empty.csv')).rejects.toEqual(fileError('INVALID_DATA', /empty/));
  });

  it('refuses an unknown character encoding', async () => {
    await expect(readUploadedTable(Buffer.from('a\n1\n'), 'a.csv', { characterEncoding: 'klingon' })).rejects.toEqual(
      fileError('INVALID_DATA', /'klingon' is not supported/),
    );
  });
});

describe('readUploadedTables: the files of a parent/child job', () => {
  it("reads every .csv and .xlsx of a ZIP, in the archive's order, each named as in the archive", async () => {
    const bytes = await zipOf({
      'receipts.csv': 'Number\nR-1\n',
      'data/lines.xlsx': await buildXlsx([['Parent_Id'], ['R-1']]),
      'readme.txt': 'ignored',
    });
    const tables = await readUploadedTables(bytes, 'upload.zip');
    expect(tables.map((t) => [t.fileName, t.kind, t.headers, t.rows.length])).toEqual([
      ['receipts.csv', 'csv', ['Number'], 1],
      ['lines.xlsx', 'xlsx', ['Parent_Id'], 1],
    ]);
  });

  it('reads a lone CSV or workbook as one table', async () => {
    expect(await readUploadedTables(Buffer.from('a\n1\n'), 'a.csv')).toHaveLength(1);
    expect(await readUploadedTables(await buildXlsx([['a'], ['1']]), 'a.xlsx')).toHaveLength(1);
  });

  it('refuses two data files of one name, which file_names could not tell apart', async () => {
    const bytes = await zipOf({ 'a/lines.csv': 'x\n1\n', 'b/lines.csv': 'y\n2\n' });
    await expect(readUploadedTables(bytes, 'two.zip')).rejects.toEqual(
      fileError(
        'INVALID_FILE_FORMAT',
        "The ZIP archive holds 2 data files named 'lines.csv' ('a/lines.csv', 'b/lines.csv'); give each file its own name.",
      ),
    );
  });
});
