import Papa from 'papaparse';
import { findModule, mappableFields, type AppModule } from '@/lib/modules';
import { buildXlsx } from './template-xlsx';

/** Header row (field API names, which map themselves) and one example row per module. */
export function templateRows(importModule: AppModule): string[][] {
  const fields = mappableFields(importModule);
  return [fields.map((field) => field.apiName), fields.map((field) => field.example)];
}

export type TemplateFile = { body: Buffer; contentType: string; fileName: string };

/** `Items.csv`, `Goods_Receipts.xlsx`, …: null for an unknown module or extension. */
export async function templateFile(fileName: string): Promise<TemplateFile | null> {
  const match = fileName.match(/^([A-Za-z_]+)\.(csv|xlsx)$/);
  const importModule = match ? findModule(match[1]) : undefined;
  if (!match || !importModule) return null;
  const rows = templateRows(importModule);
  if (match[2] === 'csv') {
    // UTF-8 with a byte order mark, so Excel shows accented letters correctly on a double click.
    const text = `\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
    return { body: Buffer.from(text), contentType: 'text/csv; charset=utf-8', fileName: `${importModule.apiName}.csv` };
  }
  return {
    body: await buildXlsx(rows, importModule.apiName),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `${importModule.apiName}.xlsx`,
  };
}
