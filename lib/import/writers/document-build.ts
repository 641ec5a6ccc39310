import type { DocumentInput } from '@/lib/validation/documents';
import { fromScaled, toScaled } from '@/lib/decimal';
import { QUANTITY_SCALE, quantitySchema } from '@/lib/validation/decimal';
import type { DocumentContext } from './context';
import type { DocumentRow, HeaderField } from './document-rows';

/** A document ready for postDocument, with which source rows made each line and each serial. */
export interface BuiltDocument {
  input: DocumentInput;
  lineRows: number[][];
  serialRows: Map<string, number[]>[];
  /** Header fields no row gave: their errors read as "mandatory, not found". */
  blankHeader: Set<HeaderField>;
}

const QUANTITY = quantitySchema('Quantity');

/** A row's quantity through the line schema's own quantity rule; a serial-only row counts its serials. */
function rowQuantity(row: DocumentRow): bigint | null {
  const written = row.quantity ?? (row.serials.length > 0 ? String(row.serials.length) : '');
  const parsed = QUANTITY.safeParse(written);
  if (parsed.success) return toScaled(parsed.data, QUANTITY_SCALE);
  row.errors.push({ code: written === '' ? 'MANDATORY_NOT_FOUND' : 'INVALID_DATA', column: 'Quantity', message: parsed.error.issues[0].message });
  return null;
}

type Line = { itemId: bigint | ''; unitPrice?: string; vatRate?: string; quantity: bigint; serials: string[]; rows: number[]; serialRows: Map<string, number[]> };

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
      line = { itemId: row.itemId, unitPrice: row.unitPrice, vatRate: row.vatRate, quantity: 0n, serials: [], rows: [], serialRows: new Map() };
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
 * The header as the lib's input, field by field from the module's declaration (the key each API name fills).
 * The file's own Number is the document's external number unless an External_Number column says otherwise,
 * so importing the same file again finds the documents already there.
 */
function headerInput(ctx: DocumentContext, header: DocumentRow['header'], number: string) {
  const input: Record<string, unknown> & Pick<DocumentInput, 'date' | 'warehouseId'> = { date: '', partnerId: null, warehouseId: '', note: '', externalNumber: number };
  for (const field of ctx.module.headerFields) if (header[field.apiName] !== undefined) input[field.key!] = header[field.apiName];
  return input;
}

/** Builds the document input; null when a row already has an error (the document is then skipped whole). */
export function buildDocument(ctx: DocumentContext, rows: DocumentRow[], header: DocumentRow['header'], number: string): BuiltDocument | null {
  const lines = mergeLines(rows);
  if (rows.some((row) => row.errors.length > 0)) return null;
  const blankHeader = new Set<HeaderField>(ctx.module.headerFields.filter((f) => !f.nullable && f.kind !== 'boolean' && f.key !== 'note'
    && header[f.apiName] === undefined).map((f) => f.apiName));
  return {
    input: {
      ...headerInput(ctx, header, number),
      kind: ctx.module.documentKind,
      lines: lines.map((line) => ({
        itemId: line.itemId, quantity: fromScaled(line.quantity, QUANTITY_SCALE), unitPrice: line.unitPrice, vatRate: line.vatRate, serials: line.serials,
      })),
    },
    lineRows: lines.map((line) => line.rows),
    serialRows: lines.map((line) => line.serialRows),
    blankHeader,
  };
}
