import JSZip from 'jszip';
import Papa from 'papaparse';
import {
  documentFileOf,
  documentLinesOf,
  DOCUMENT_SERIALS,
  findModule,
  LINE_FIELDS,
  mappableFields,
  type AppModule,
  type DocumentModule,
  type ModuleField,
} from '@/lib/modules';
import { buildXlsx } from './template-xlsx';

/** Header row (field API names, which map themselves) and one example row per module. */
export function templateRows(importModule: AppModule): string[][] {
  const fields = mappableFields(importModule);
  return [fields.map((field) => field.apiName), fields.map((field) => field.example)];
}

export type TemplateFile = { body: Buffer; contentType: string; fileName: string };

/** UTF-8 with a byte order mark, so Excel shows accented letters correctly on a double click. */
function csvText(rows: string[][]): string {
  return `\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
}

const fieldNamed = (fields: readonly ModuleField[], apiName: string) =>
  fields.find((field) => field.apiName === apiName)!;

/**
 * The parent/child layout of a document module: its documents, their lines (serial numbers left to the third
 * file) and the lines' serial numbers, one per row, linked by Parent_Id; the example is the flat template's.
 */
export function parentChildTemplates(module: DocumentModule): { fileName: string; rows: string[][] }[] {
  const lines = documentLinesOf(module);
  const lineFields = lines.fields.filter((field) => field.kind !== 'serials');
  const lineId = fieldNamed(lines.fields, 'Line_Id').example;
  const serials = fieldNamed(LINE_FIELDS, 'Serial_Numbers').example.split(';');
  return [
    { fileName: `${module.apiName}.csv`, rows: templateRows(documentFileOf(module)) },
    { fileName: `${lines.apiName}.csv`, rows: [lineFields.map((f) => f.apiName), lineFields.map((f) => f.example)] },
    {
      fileName: `${DOCUMENT_SERIALS.apiName}.csv`,
      rows: [DOCUMENT_SERIALS.fields.map((f) => f.apiName), ...serials.map((serial) => [lineId, serial])],
    },
  ];
}

async function parentChildZip(module: DocumentModule): Promise<Buffer> {
  const zip = new JSZip();
  for (const file of parentChildTemplates(module)) zip.file(file.fileName, csvText(file.rows));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * `Items.csv`, `Goods_Receipts.xlsx` (the flat file: one row per line), `Goods_Receipts.zip` (the parent/child
 * layout of a document module): null for an unknown module or extension.
 */
export async function templateFile(fileName: string): Promise<TemplateFile | null> {
  const match = fileName.match(/^([A-Za-z_]+)\.(csv|xlsx|zip)$/);
  const importModule = match ? findModule(match[1]) : undefined;
  if (!match || !importModule) return null;
  const name = `${importModule.apiName}.${match[2]}`;
  if (match[2] === 'zip') {
    return importModule.kind === 'document'
      ? { body: await parentChildZip(importModule), contentType: 'application/zip', fileName: name }
      : null;
  }
  const rows = templateRows(importModule);
  if (match[2] === 'csv')
    return { body: Buffer.from(csvText(rows)), contentType: 'text/csv; charset=utf-8', fileName: name };
  return {
    body: await buildXlsx(rows, importModule.apiName),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: name,
  };
}
