import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { document, documentLine, item, partner, warehouse } from '@/db/schema';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import { rows } from '@/lib/sql-rows';
import { documentLineSchema, documentSchema } from '@/lib/validation/documents';
import {
  column, dataField, decimalOut, documentLinkJson, decimalText, idField, idOut, idText, refJson, refOut, timeField, userField, via,
  type Field, type SubField,
} from '../fields';
import type { ApiRecord, RecordModule } from '../module';
import { groupBy } from '../query/read';
import { documentWrites } from '../write/documents';

/** The API module name of each document kind (a serial's history names the module of each document). */
export const DOCUMENT_MODULE_NAMES: Record<DocumentKind, string> = {
  goods_receipt: 'Goods_Receipts', goods_issue: 'Goods_Issues', purchase_invoice: 'Purchase_Invoices', sales_invoice: 'Sales_Invoices',
};

const ref = (keys: string) => z.object({ id: z.string().optional(), Code: z.string().optional() })
  .describe(`Give one of: ${keys}. Responses carry id, Code and Name.`);
const itemRef = z.object({ id: z.string().optional(), Code: z.string().optional(), EAN: z.string().optional() })
  .describe('Give one of: {"Code": "…"}, {"id": "…"}, {"EAN": "…"}.');
const docRef = z.object({ id: idOut, Number: z.string() });

const l = documentLineSchema.shape;
export const LINE_FIELDS: SubField[] = [
  { api: 'Item', input: 'itemId', in: itemRef },
  { api: 'Quantity', input: 'quantity', in: l.quantity, description: 'A serial-tracked item needs a whole quantity equal to the number of serials.' },
  { api: 'Unit_Price', input: 'unitPrice', in: l.unitPrice },
  { api: 'VAT_Rate', input: 'vatRate', in: l.vatRate },
  { api: 'Serial_Numbers', input: 'serials', in: l.serials, description: 'Serial numbers of the line, exactly as printed.' },
];
const lineOut = z.object({
  Item: refOut, Quantity: decimalOut('Quantity'), Unit_Price: decimalOut('Unit price'), VAT_Rate: decimalOut('VAT rate'),
  Serial_Numbers: z.array(z.string()),
});

/** A document's fields; invoices add the stock-document switch, receipts and issues the invoice that made them. */
export function documentModule(kind: DocumentKind, opts: { description: string; example: ApiRecord }): RecordModule {
  const info = KINDS[kind];
  const d = documentSchema.shape;
  const fields: Field[] = [
    idField(document.id),
    dataField('Number', document.number, 'text', { word: true, description: `Assigned on insert (${info.prefix}-YYYY-NNNNN); read-only.` }),
    dataField('Date', document.date, 'date', { in: d.date, input: 'date' }),
    lookupField('Partner', document.partnerId, partner, ref('{"Code": "…"}, {"id": "…"}'), info.partnerRequired, `The ${info.partnerRole}.`),
    lookupField('Warehouse', document.warehouseId, warehouse, ref('{"Code": "…"}, {"id": "…"}'), true, 'The warehouse the goods move in or out of.'),
    dataField('Note', document.note, 'text', { in: d.note, input: 'note', word: true }),
    ...(info.generates ? invoiceFields(kind) : [linkField('Source_Invoice', document.sourceInvoiceId, 'The invoice that created this document, which owns it; null when entered directly.')]),
    { api: 'Lines', out: z.array(lineOut), in: z.array(z.object(Object.fromEntries(LINE_FIELDS.map((f) => [f.api, f.in])))), input: 'lines', of: LINE_FIELDS, expand: loadLines,
      description: 'The lines, replaced as a whole on update.' },
    timeField('Created_Time', document.createdAt),
    timeField('Modified_Time', document.updatedAt),
    userField('Created_By', document.createdBy),
    userField('Modified_By', document.updatedBy),
  ];
  return {
    api: DOCUMENT_MODULE_NAMES[kind], singular: info.label.toLowerCase(), description: opts.description,
    read: info.readPermission, write: info.writePermission, table: document, where: eq(document.kind, kind),
    fields, defaultOrder: [document.id], example: opts.example, writes: documentWrites(kind, fields, LINE_FIELDS),
  };
}

function invoiceFields(kind: DocumentKind): Field[] {
  const generated = KINDS[kind].generates === 'goods_receipt' ? 'goods receipt' : 'goods issue';
  return [
    dataField('Create_Stock_Document', document.createStockDocument, 'boolean', { in: documentSchema.shape.createStockDocument, input: 'createStockDocument',
      description: `Whether saving creates the ${generated} that moves the stock and serials (true when left out).` }),
    linkField('Stock_Document', document.stockDocumentId, `The ${generated} this invoice created; null when it creates none.`),
  ];
}

function lookupField(api: string, fk: PgColumn, table: typeof partner | typeof warehouse, schema: z.ZodType, required: boolean, description: string): Field {
  return {
    api, description, out: required ? refOut : refOut.nullable(), in: required ? schema : schema.nullable().optional(), input: api === 'Partner' ? 'partnerId' : 'warehouseId',
    select: refJson(table, table.id, table.code, table.name, fk),
    subFilters: { id: column('id', fk), Code: via('text', fk, table, table.id, table.code) },
    word: true,
  };
}

/** Another document by id and number. */
function linkField(api: string, fk: PgColumn, description: string): Field {
  return {
    api, description, out: docRef.nullable(), select: documentLinkJson(fk),
    subFilters: { id: column('id', fk) },
  };
}

/** The lines of a page of documents with their serials; an invoice's serials live on the document it created. */
async function loadLines(db: DbOrTx, ids: bigint[]): Promise<Map<string, unknown>> {
  const lines = await db.select({
    documentId: idText(documentLine.documentId), lineNo: documentLine.lineNo, Item: refJson(item, item.id, item.code, item.name, documentLine.itemId),
    Quantity: decimalText(documentLine.quantity), Unit_Price: decimalText(documentLine.unitPrice), VAT_Rate: decimalText(documentLine.vatRate),
  }).from(documentLine).where(inArray(documentLine.documentId, ids)).orderBy(asc(documentLine.documentId), asc(documentLine.lineNo));
  const serials = await rows<{ doc: string; lineNo: number; serial: string }>(db, sql`
    select d.id::text as doc, gl.line_no as "lineNo", s.serial from document d
    join document_line gl on gl.document_id = coalesce(d.stock_document_id, d.id)
    join serial_movement m on m.line_id = gl.id join serial_number s on s.id = m.serial_id
    where d.id in ${ids} order by m.id`);
  const byLine = groupBy(serials, (s) => `${s.doc}:${s.lineNo}`);
  const withSerials = lines.map(({ lineNo, ...line }) => ({ ...line, Serial_Numbers: (byLine.get(`${line.documentId}:${lineNo}`) ?? []).map((s) => s.serial) }));
  const byDocument = groupBy(withSerials, (line) => line.documentId);
  return new Map([...byDocument].map(([id, list]) => [id, list.map(({ Item, Quantity, Unit_Price, VAT_Rate, Serial_Numbers }) => ({ Item, Quantity, Unit_Price, VAT_Rate, Serial_Numbers }))]));
}
