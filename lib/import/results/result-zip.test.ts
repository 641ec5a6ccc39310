import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildResultCsv } from './result-csv';
import { buildResultZip } from './result-zip';

describe('buildResultZip', () => {
  it('round-trips the CSV, BOM and Czech letters included, compressed with DEFLATE', async () => {
    const csv = buildResultCsv(['Název'], [
      { rowNumber: 2, cells: ['Příliš žluťoučký kůň'.repeat(20)], outcome: { status: 'ADDED', recordId: '1', errors: [] } },
    ]);
    const bytes = await buildResultZip(csv, 'items_result.csv');
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(['items_result.csv']);
    const file = zip.file('items_result.csv');
    expect(file).not.toBeNull();
    const raw = await file!.async('nodebuffer');
    expect(raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(raw.toString('utf8')).toBe(csv);
    // General purpose header: method 8 (DEFLATE) at offset 8 of the local header.
    expect(bytes.readUInt16LE(8)).toBe(8);
  });

  it('keeps the entry name a plain file name', async () => {
    const zip = await JSZip.loadAsync(await buildResultZip('a\r\n', '../../etc/evil.csv'));
    expect(Object.keys(zip.files)).toEqual(['evil.csv']);
    const fallback = await JSZip.loadAsync(await buildResultZip('a\r\n', '..'));
    expect(Object.keys(fallback.files)).toEqual(['result.csv']);
  });
});
