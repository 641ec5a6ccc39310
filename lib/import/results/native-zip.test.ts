import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readUploadedTable, readUploadedTables } from '@/lib/import/files';
import { buildResultCsv } from './result-csv';
import { zipFiles, zipOneFile } from './native-zip';

describe('zipOneFile', () => {
  it('round-trips a result CSV through JSZip and through our own upload reader', async () => {
    const csv = buildResultCsv(
      ['Název', 'Kód'],
      Array.from({ length: 3000 }, (_, i) => ({
        rowNumber: i + 2,
        cells: [`Příliš žluťoučký kůň ${i}`, `K-${i}`],
        outcome: { status: 'ADDED' as const, recordId: String(i), errors: [] },
      })),
    );
    const bytes = await zipOneFile('items_result.csv', csv);
    expect(bytes.readUInt16LE(8)).toBe(8);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(['items_result.csv']);
    expect(await zip.file('items_result.csv')!.async('string')).toBe(csv);
    const table = await readUploadedTable(bytes, 'result.zip');
    expect(table.rows).toHaveLength(3000);
    expect(table.rows[2999].cells.slice(0, 2)).toEqual(['Příliš žluťoučký kůň 2999', 'K-2999']);
  });

  it('keeps the entry name a plain file name', async () => {
    expect(Object.keys((await JSZip.loadAsync(await zipOneFile('../../etc/evil.csv', 'a'))).files)).toEqual([
      'evil.csv',
    ]);
    expect(Object.keys((await JSZip.loadAsync(await zipOneFile('..', 'a'))).files)).toEqual(['result.csv']);
  });

  it('zips several result files, each readable on its own', async () => {
    const bytes = await zipFiles([
      { name: 'receipts_result.csv', content: 'a\r\n1\r\n' },
      { name: 'lines_result.csv', content: Buffer.from('b\r\n2\r\n') },
    ]);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(['receipts_result.csv', 'lines_result.csv']);
    expect(await zip.file('lines_result.csv')!.async('string')).toBe('b\r\n2\r\n');
    expect((await readUploadedTables(bytes, 'result.zip')).map((t) => t.headers)).toEqual([['a'], ['b']]);
  });
});
