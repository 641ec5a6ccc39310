import type { DocumentInput } from '@/lib/validation/documents';
import { fromScaled, toScaled } from '@/lib/decimal';
import { QUANTITY_SCALE, quantitySchema } from '@/lib/validation/decimal';
import type { ModuleField } from '@/lib/modules';
import { mappingFor, type DocumentContext } from './context';
import type { DocumentRow, HeaderField } from './document-rows';

type LineInput = DocumentInput['lines'][number];

/**
 * A document as the lib takes it, with which source rows made each line and each serial: on insert the
 * whole document for postDocument, on update the fields to change for patchDocument (lines null: kept).
 */
export interface BuiltDocument {
  fields: Record<string, unknown>;
  lines: LineInput[] | null;
  /** Every source row of the document. */
  rows: number[];
  lineRows: number[][];
  serialRows: Map<string, number[]>[];
  /** Header fields no row gave (or an update cleared): their errors read as "mandatory, not found". */
  blankHeader: Set<HeaderField>;
}

const QUANTITY = quantitySchema('Quantity');

/** A row's quantity through the line schema's own quantity rule; a serial-only row counts its serials. */
function rowQuantity(row: DocumentRow): bigint | null {
  const written = row.quantity ?? (row.serials.length > 0 ? String(row.serials.length) : '');
  const parsed = QUANTITY.safeParse(written);
  if (parsed.success) return toScaled(parsed.data, QUANTITY_SCALE);
  row.errors.push({
    code: written === '' ? 'MANDATORY_NOT_FOUND' : 'INVALID_DATA',
    column: 'Quantity',
    message: parsed.error.issues[0].message,
  });
  return null;
}

type Line = {
  itemId: bigint | '';
  unitPrice?: string;
  vatRate?: string;
  quantity: bigint;
  serials: string[];
  rows: number[];
  serialRows: Map<string, number[]>;
};

/**
 * Rows of one document with the same item, unit price and VAT rate are one line: a receipt of 25,000
 * serial numbers written one per row becomes one line of 25,000 serials, as the form would post it.
 */
function mergeLines(rows: DocumentRow[]): Line[] {
  const lines = new Map<string, Line>();
  for (const row of rows) {
    const quantity = rowQuantity(row);
    if (quantity === null) continue;
    const key = `${row.itemId}|${row.unitPrice ?? ''}|${row.vatRate ?? ''}`;
    let line = lines.get(key);
    if (!line) {
      line = {
        itemId: row.itemId,
        unitPrice: row.unitPrice,
        vatRate: row.vatRate,
        quantity: 0n,
        serials: [],
        rows: [],
        serialRows: new Map(),
      };
      lines.set(key, line);
    }
    line.quantity += quantity;
    line.rows.push(row.rowNumber);
    for (const serial of row.serials) {
      line.serials.push(serial);
      const owners = line.serialRows.get(serial);
      if (owners) owners.push(row.rowNumber);
      else line.serialRows.set(serial, [row.rowNumber]);
    }
  }
  return [...lines.values()];
}

/**
 * The header of a new document, field by field from the module's declaration (the key each API name fills).
 * The file's own Number is the document's external number unless an External_Number column says otherwise,
 * so importing the same file again finds the documents already there.
 */
function insertHeader(ctx: DocumentContext, header: DocumentRow['header'], number: string) {
  const fields: Record<string, unknown> = {
    date: '',
    partnerId: null,
    warehouseId: '',
    note: '',
    externalNumber: number,
  };
  for (const field of ctx.module.headerFields)
    if (header[field.apiName] !== undefined) fields[field.key!] = header[field.apiName];
  return { fields, blank: ctx.module.headerFields.filter((f) => isRequired(f) && header[f.apiName] === undefined) };
}

/**
 * The header fields an update changes: those mapped in the file. An empty cell clears its field, or leaves it
 * as it is with ignore_empty (a switch has no empty value: it stays). The field the document was found by is
 * its key, not a change.
 */
function updateHeader(ctx: DocumentContext, header: DocumentRow['header']) {
  const fields: Record<string, unknown> = {};
  const blank: ModuleField[] = [];
  for (const field of ctx.module.headerFields) {
    if (field.apiName === ctx.findBy || !mappingFor(ctx, field.apiName)) continue;
    const value = header[field.apiName];
    if (value !== undefined) fields[field.key!] = value;
    else if (!ctx.ignoreEmpty && field.kind !== 'boolean') {
      fields[field.key!] = field.nullable ? null : '';
      if (isRequired(field)) blank.push(field);
    }
  }
  return { fields, blank };
}

/** A header field the lib refuses to leave empty (the note may be). */
const isRequired = (field: ModuleField) => !field.nullable && field.kind !== 'boolean' && field.key !== 'note';

/** Whether an update replaces the document's lines: it does when the file maps any line column. */
export const replacesLines = (ctx: DocumentContext) =>
  ctx.module.lineFields.some((field) => mappingFor(ctx, field.apiName));

/**
 * Builds the document (insert) or the change (update); null when a row already has an error (the document
 * is then skipped whole). An update that maps no line column keeps the document's lines.
 */
export function buildDocument(
  ctx: DocumentContext,
  rows: DocumentRow[],
  header: DocumentRow['header'],
  number: string,
  update = false,
): BuiltDocument | null {
  const lines = !update || replacesLines(ctx) ? mergeLines(rows) : null;
  if (rows.some((row) => row.errors.length > 0)) return null;
  const { fields, blank } = update ? updateHeader(ctx, header) : insertHeader(ctx, header, number);
  return {
    fields,
    lines:
      lines &&
      lines.map((line) => ({
        itemId: line.itemId,
        quantity: fromScaled(line.quantity, QUANTITY_SCALE),
        unitPrice: line.unitPrice,
        vatRate: line.vatRate,
        serials: line.serials,
      })),
    rows: rows.map((row) => row.rowNumber),
    lineRows: lines?.map((line) => line.rows) ?? [],
    serialRows: lines?.map((line) => line.serialRows) ?? [],
    blankHeader: new Set(blank.map((field) => field.apiName)),
  };
}
