import { describe, expect, it } from 'vitest';
import { readUploadedTable } from '@/lib/import/files';
import { MODULES } from '@/lib/modules';
import { templateFile } from './templates';

describe('import templates', () => {
  it.each(MODULES.flatMap((module) => [`${module.apiName}.csv`, `${module.apiName}.xlsx`]))('%s reads back through the upload reader', async (name) => {
    const file = await templateFile(name);
    expect(file).not.toBeNull();
    const table = await readUploadedTable(file!.body, file!.fileName);
    expect(table.kind).toBe(name.endsWith('.csv') ? 'csv' : 'xlsx');
    expect(table.headers[0]).toMatch(/^(Code|Number)$/);
    expect(table.rows).toHaveLength(1);
  });

  it('keeps leading zeros and refuses unknown names', async () => {
    const table = await readUploadedTable((await templateFile('Items.xlsx'))!.body, 'Items.xlsx');
    expect(table.rows[0].cells[table.headers.indexOf('EAN')]).toBe('8594000000013');
    expect(await templateFile('Leads.csv')).toBeNull();
    expect(await templateFile('../Items.csv')).toBeNull();
  });
});
