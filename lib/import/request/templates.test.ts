import { describe, expect, it } from 'vitest';
import { readUploadedTable, readUploadedTables } from '@/lib/import/files';
import { MODULES } from '@/lib/modules';
import { templateFile } from './templates';

describe('import templates', () => {
  it.each(MODULES.flatMap((module) => [`${module.apiName}.csv`, `${module.apiName}.xlsx`]))(
    '%s reads back through the upload reader',
    async (name) => {
      const file = await templateFile(name);
      expect(file).not.toBeNull();
      const table = await readUploadedTable(file!.body, file!.fileName);
      expect(table.kind).toBe(name.endsWith('.csv') ? 'csv' : 'xlsx');
      // Code or Number first (Stocktake for Stocktake_Entries, which names the count it writes into).
      expect(table.headers[0]).toMatch(/^(Code|Number|Stocktake)$/);
      expect(table.rows).toHaveLength(1);
    },
  );

  it('keeps leading zeros and refuses unknown names', async () => {
    const table = await readUploadedTable((await templateFile('Items.xlsx'))!.body, 'Items.xlsx');
    expect(table.rows[0].cells[table.headers.indexOf('EAN')]).toBe('8594000000013');
    expect(await templateFile('Leads.csv')).toBeNull();
    expect(await templateFile('../Items.csv')).toBeNull();
  });

  it.each(MODULES.filter((module) => module.kind === 'document').map((module) => module.apiName))(
    '%s.zip holds the documents, lines and serials files',
    async (apiName) => {
      const file = await templateFile(`${apiName}.zip`);
      const tables = await readUploadedTables(file!.body, file!.fileName);
      expect(tables.map((t) => [t.fileName, t.headers[0], t.rows.length])).toEqual([
        [`${apiName}.csv`, 'Number', 1],
        ['Document_Lines.csv', 'Parent_Id', 1],
        ['Document_Serials.csv', 'Parent_Id', 2],
      ]);
      expect(tables[0].headers).not.toContain('Item');
      expect(tables[1].headers).not.toContain('Serial_Numbers');
    },
  );

  it('has no parent/child ZIP for a catalog module', async () => {
    expect(await templateFile('Items.zip')).toBeNull();
  });
});
