import type { TableRow } from '@/lib/import/files';
import type { RowError } from '@/lib/import/results';
import { findField, type DocumentModule, type ModuleField } from '@/lib/modules';
import { mappingFor, type DocumentContext } from './context';
import type { Lookups } from './document-lookups';
import { convertCell, readCell, splitSerials } from './row-values';

/** A header field by its API name: the module's declaration (lib/modules) lists them. */
export type HeaderField = string;

/** One source row of a document: its share of the header and its line, as read from the file. */
export interface DocumentRow {
  rowNumber: number;
  header: Record<HeaderField, string | bigint | boolean>;
  itemId: bigint | '';
  quantity: string | null;
  unitPrice: string | undefined;
  vatRate: string | undefined;
  serials: string[];
  errors: RowError[];
}

/** The row's Number: rows with the same Number form one document. */
export function numberOf(ctx: DocumentContext, row: TableRow): string | null {
  const mapping = mappingFor(ctx, 'Number');
  const text = mapping ? readCell(row, mapping) : null;
  return text === null ? null : text.trim();
}

function text(ctx: DocumentContext, row: TableRow, apiName: string): string | null {
  const mapping = mappingFor(ctx, apiName);
  return mapping ? readCell(row, mapping) : null;
}

function converted(ctx: DocumentContext, row: TableRow, apiName: string, errors: RowError[]): string | null {
  const value = text(ctx, row, apiName);
  const field = findField(ctx.module, apiName);
  if (value === null || !field) return value;
  const result = convertCell(field, value, mappingFor(ctx, apiName)!);
  if ('error' in result) {
    errors.push(result.error);
    return null;
  }
  return result.value;
}

function lookedUp(
  ctx: DocumentContext,
  row: TableRow,
  apiName: string,
  lookups: Lookups,
  errors: RowError[],
): bigint | null {
  const value = text(ctx, row, apiName);
  if (value === null) return null;
  const id = lookups.get(apiName)?.get(value.trim());
  if (id === undefined) {
    const findBy = mappingFor(ctx, apiName)?.findBy ?? findField(ctx.module, apiName)?.lookup?.findBy[0] ?? 'Code';
    errors.push({
      code: 'RESOURCE_NOT_FOUND',
      column: apiName,
      message: `No ${apiName.toLowerCase()} has ${findBy} ${value.trim()}.`,
    });
    return null;
  }
  return id;
}

/**
 * One header cell as the lib takes it: a lookup's id, a converted date or flag, or the text; null when blank or wrong.
 */
function headerValue(
  ctx: DocumentContext,
  row: TableRow,
  field: ModuleField,
  lookups: Lookups,
  errors: RowError[],
): string | bigint | boolean | null {
  if (field.kind === 'lookup') return lookedUp(ctx, row, field.apiName, lookups, errors);
  if (field.kind === 'date') return converted(ctx, row, field.apiName, errors);
  if (field.kind === 'boolean') {
    const flag = converted(ctx, row, field.apiName, errors);
    return flag === null ? null : flag === 'true';
  }
  return text(ctx, row, field.apiName);
}

/** Reads a row's cells; lookups that match nothing and misspelt values become the row's errors. */
export function readDocumentRow(ctx: DocumentContext, row: TableRow, lookups: Lookups): DocumentRow {
  const errors: RowError[] = [];
  const header: DocumentRow['header'] = {};
  for (const field of ctx.module.headerFields) {
    const value = headerValue(ctx, row, field, lookups, errors);
    if (value !== null) header[field.apiName] = value;
  }
  const itemId = lookedUp(ctx, row, 'Item', lookups, errors);
  return {
    rowNumber: row.rowNumber,
    header,
    errors,
    itemId: itemId ?? '',
    quantity: text(ctx, row, 'Quantity'),
    unitPrice: text(ctx, row, 'Unit_Price') ?? undefined,
    vatRate: text(ctx, row, 'VAT_Rate') ?? undefined,
    serials: splitSerials(text(ctx, row, 'Serial_Numbers')),
  };
}

/**
 * The document's header: each field from the first row that gives it. A later row giving a different
 * value is an error on that row, since the file would otherwise say two things about one document.
 */
export function documentHeader(module: DocumentModule, rows: DocumentRow[], number: string): DocumentRow['header'] {
  const header: DocumentRow['header'] = {};
  const firstRow: Record<HeaderField, number> = {};
  for (const row of rows) {
    for (const { apiName: field } of module.headerFields) {
      const value = row.header[field];
      if (value === undefined) continue;
      if (header[field] === undefined) {
        header[field] = value;
        firstRow[field] = row.rowNumber;
      } else if (header[field] !== value) {
        row.errors.push({
          code: 'INVALID_DATA',
          column: field,
          message: `Document ${number}: row ${row.rowNumber} gives a different ${field} than row ${firstRow[field]}.`,
        });
      }
    }
  }
  return header;
}
