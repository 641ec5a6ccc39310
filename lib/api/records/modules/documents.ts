import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { document, documentLine, item, partner, warehouse } from '@/db/schema';
import { DOCUMENT_KINDS } from '@/db/schema/inventory';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import type { DocumentModule, ModuleField } from '@/lib/modules';
import { rows } from '@/lib/sql-rows';
import { documentLineSchema, documentSchema } from '@/lib/validation/documents';
import {
  column,
  dataField,
  decimalOut,
  documentLinkJson,
  decimalText,
  idField,
  idOut,
  idText,
  refJson,
  refOut,
  timeField,
  userField,
  via,
  writeOnlyField,
  type Field,
  type SubField,
} from '../fields';
import type { RecordModule } from '../module';
import { groupBy } from '../query/read';
import { documentWrites } from '../write/documents';

const ref = (keys: string) =>
  z
    .object({ id: z.string().optional(), Code: z.string().optional() })
    .describe(`Give one of: ${keys}. Responses carry id, Code and Name.`);
const itemRef = z
  .object({ id: z.string().optional(), Code: z.string().optional(), EAN: z.string().optional() })
  .describe('Give one of: {"Code": "…"}, {"id": "…"}, {"EAN": "…"}.');
const docRef = z.object({ id: idOut, Number: z.string() });

/** The sub-fields of Lines, from the module's line declaration; an item is named like any lookup. */
function lineFieldsOf(declaration: DocumentModule): SubField[] {
  const l = documentLineSchema.shape as Record<string, z.ZodType>;
  return declaration.lineFields.map((f) => ({
    api: f.apiName,
    input: f.key!,
    in: f.kind === 'lookup' ? itemRef : l[f.key!],
    description: f.description,
  }));
}
/** A line in responses: the declared line fields (a transfer's carry no price or VAT). */
function lineOutOf(declaration: DocumentModule) {
  const shapes: Record<string, z.ZodType> = {
    Item: refOut,
    Quantity: decimalOut('Quantity'),
    Unit_Price: decimalOut('Unit price'),
    VAT_Rate: decimalOut('VAT rate'),
    Serial_Numbers: z.array(z.string()),
  };
  return z.object(Object.fromEntries(declaration.lineFields.map((f) => [f.apiName, shapes[f.apiName]])));
}

/** The records API field of one declared header field, bound to its column. */
function headerField(f: ModuleField): Field {
  const d = documentSchema.shape;
  switch (f.apiName) {
    case 'Date':
      return dataField('Date', document.date, 'date', { in: d.date, input: 'date', description: f.description });
    case 'Partner':
      return lookupField(f, document.partnerId, partner);
    case 'Warehouse':
      return lookupField(f, document.warehouseId, warehouse);
    case 'Destination_Warehouse':
      return lookupField(f, document.destinationWarehouseId, warehouse);
    case 'Transfer':
      return documentRefField(f, document.transferId);
    case 'Return_Of':
      return documentRefField(f, document.returnOfId);
    case 'Expected_Receipt':
      return documentRefField(f, document.expectedReceiptId);
    case 'In_Transit':
      return dataField('In_Transit', document.inTransit, 'boolean', {
        in: d.inTransit,
        input: 'inTransit',
        description: f.description,
      });
    case 'Note':
      return dataField('Note', document.note, 'text', {
        in: d.note,
        input: 'note',
        word: f.word,
        description: f.description,
      });
    case 'External_Number':
      return dataField('External_Number', document.externalNumber, 'text', {
        in: d.externalNumber,
        input: 'externalNumber',
        word: f.word,
        nullable: true,
        description: f.description,
      });
    case 'Drop_Missing_Expected':
      return writeOnlyField(f.apiName, f.key!, z.boolean().optional(), f.description);
    case 'Create_Stock_Document':
      return dataField('Create_Stock_Document', document.createStockDocument, 'boolean', {
        in: d.createStockDocument,
        input: 'createStockDocument',
        description: f.description,
      });
    default:
      throw new Error(`No column for document field ${f.apiName}`);
  }
}

/**
 * A document module of the records API from its declaration in lib/modules: its header, Lines and what the database
 * adds.
 */
export function documentRecordModule(declaration: DocumentModule): RecordModule {
  const kind = declaration.documentKind;
  const info = KINDS[kind];
  const lines = lineFieldsOf(declaration);
  const fields: Field[] = [
    idField(document.id),
    dataField('Number', document.number, 'text', {
      word: true,
      description: `Assigned on insert (${info.prefix}-YYYY-NNNNN); read-only.`,
    }),
    ...declaration.headerFields.map(headerField),
    ...linkFields(kind),
    {
      api: 'Lines',
      out: z.array(lineOutOf(declaration)),
      in: z.array(z.object(Object.fromEntries(lines.map((f) => [f.api, f.in])))),
      input: 'lines',
      of: lines,
      expand: (db, ids) => loadLines(db, ids, info.priced),
      description: 'The lines, replaced as a whole on update.',
    },
    timeField('Created_Time', document.createdAt),
    timeField('Modified_Time', document.updatedAt),
    userField('Created_By', document.createdBy),
    userField('Modified_By', document.updatedBy),
  ];
  return {
    api: declaration.apiName,
    singular: declaration.singular,
    description: declaration.description,
    read: declaration.read,
    write: declaration.write,
    table: document,
    where: eq(document.kind, kind),
    fields,
    defaultOrder: [document.id],
    example: declaration.example,
    writes: documentWrites(kind, fields, lines),
    declaration,
  };
}

/**
 * An invoice links the goods document it created; a goods document an invoice may create links that invoice; a transfer
 * neither.
 */
function linkFields(kind: DocumentKind): Field[] {
  const generates = KINDS[kind].generates;
  if (generates) {
    return [
      linkField(
        'Stock_Document',
        document.stockDocumentId,
        `The ${KINDS[generates].label.toLowerCase()} this invoice created; null when it creates none.`,
      ),
    ];
  }
  if (!DOCUMENT_KINDS.some((other) => KINDS[other].generates === kind)) return [];
  return [
    linkField(
      'Source_Invoice',
      document.sourceInvoiceId,
      'The invoice that created this document, which owns it; null when entered directly.',
    ),
  ];
}

function lookupField(f: ModuleField, fk: PgColumn, table: typeof partner | typeof warehouse): Field {
  const schema = ref('{"Code": "…"}, {"id": "…"}');
  const required = !f.nullable;
  return {
    api: f.apiName,
    description: f.description ?? '',
    out: required ? refOut : refOut.nullable(),
    in: required ? schema : schema.nullable().optional(),
    input: f.key,
    select: refJson(table, table.id, table.code, table.name, fk),
    subFilters: { id: column('id', fk), Code: via('text', fk, table, table.id, table.code) },
    word: true,
  };
}

/**
 * The transfer an arrival names, the document a return names, the expected receipt a receipt confirms (optional):
 * given and answered as {"id": …, "Number": …}.
 */
function documentRefField(f: ModuleField, fk: PgColumn): Field {
  const transfer = z
    .object({ id: z.string().optional(), Number: z.string().optional() })
    .describe('Give one of: {"Number": "…"}, {"id": "…"}.');
  return {
    api: f.apiName,
    description: f.description,
    out: f.nullable ? docRef.nullable() : docRef,
    in: f.nullable ? transfer.nullable().optional() : transfer,
    input: f.key,
    select: documentLinkJson(fk),
    subFilters: { id: column('id', fk) },
  };
}

/** Another document by id and number. */
function linkField(api: string, fk: PgColumn, description: string): Field {
  return {
    api,
    description,
    out: docRef.nullable(),
    select: documentLinkJson(fk),
    subFilters: { id: column('id', fk) },
  };
}

/** The lines of a page of documents with their serials; an invoice's serials live on the document it created. */
async function loadLines(db: DbOrTx, ids: bigint[], priced: boolean): Promise<Map<string, unknown>> {
  const lines = await db
    .select({
      documentId: idText(documentLine.documentId),
      lineNo: documentLine.lineNo,
      Item: refJson(item, item.id, item.code, item.name, documentLine.itemId),
      Quantity: decimalText(documentLine.quantity),
      Unit_Price: decimalText(documentLine.unitPrice),
      VAT_Rate: decimalText(documentLine.vatRate),
    })
    .from(documentLine)
    .where(inArray(documentLine.documentId, ids))
    .orderBy(asc(documentLine.documentId), asc(documentLine.lineNo));
  // An expected receipt's serials are its expected list (expected_serial), not movements.
  const serials = await rows<{ doc: string; lineNo: number; serial: string }>(
    db,
    sql`
    select doc, "lineNo", serial from (
      select d.id::text as doc, gl.line_no as "lineNo", s.serial, m.id as ord from document d
      join document_line gl on gl.document_id = coalesce(d.stock_document_id, d.id)
      join serial_movement m on m.line_id = gl.id join serial_number s on s.id = m.serial_id
      where d.id in ${ids}
      union all
      select e.document_id::text, l.line_no, e.serial, e.id from expected_serial e join document_line l on l.id = e.line_id
      where e.document_id in ${ids}
    ) x order by ord`,
  );
  const byLine = groupBy(serials, (s) => `${s.doc}:${s.lineNo}`);
  const withSerials = lines.map(({ lineNo, ...line }) => ({
    ...line,
    Serial_Numbers: (byLine.get(`${line.documentId}:${lineNo}`) ?? []).map((s) => s.serial),
  }));
  const byDocument = groupBy(withSerials, (line) => line.documentId);
  return new Map(
    [...byDocument].map(([id, list]) => [
      id,
      list.map(({ Item, Quantity, Unit_Price, VAT_Rate, Serial_Numbers }) =>
        priced ? { Item, Quantity, Unit_Price, VAT_Rate, Serial_Numbers } : { Item, Quantity, Serial_Numbers },
      ),
    ]),
  );
}
