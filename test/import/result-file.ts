import JSZip from 'jszip';
import Papa from 'papaparse';
import { expect } from 'vitest';
import type { Caller } from './api';

/** The rows of a job's result CSV, by column name (BOM stripped). */
export async function resultRows(api: Caller, id: string) {
  const response = await api.result(id);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/zip');
  const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
  const names = Object.keys(zip.files);
  expect(names).toHaveLength(1);
  const text = (await zip.file(names[0])!.async('string')).replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}
