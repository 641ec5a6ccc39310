import {
  isArrival,
  isExpectedReceipt,
  isReturn,
  isTransfer,
  KINDS,
  returnOfLabels,
  type DocumentKind,
} from '@/lib/inventory/kinds';
import { OPERATIONS, type DocumentModule, type LookupModule, type ModuleField } from './types';

const lookup = (module: LookupModule, findBy: readonly string[]) => ({ module, findBy });

/** A transfer's other side: where its goods go. */
const DESTINATION: ModuleField = {
  apiName: 'Destination_Warehouse',
  key: 'destinationWarehouseId',
  kind: 'lookup',
  lookup: lookup('Warehouses', ['Code', 'id']),
  example: 'SHOP',
  word: true,
  description: 'The warehouse the goods move to; another than Warehouse.',
};
const IN_TRANSIT: ModuleField = {
  apiName: 'In_Transit',
  key: 'inTransit',
  kind: 'boolean',
  example: 'false',
  description:
    'true: the goods leave Warehouse now and arrive at Destination_Warehouse with Transfer_Arrivals (their serials are in transit until ' +
    'then); false (when left out): they arrive with the transfer.',
};
/** The in-transit transfer an arrival brings goods of. */
const TRANSFER: ModuleField = {
  apiName: 'Transfer',
  key: 'transferId',
  kind: 'lookup',
  lookup: lookup('Transfers', ['Number', 'id']),
  example: 'TR-2026-00001',
  word: true,
  description: 'The transfer, sent in transit, whose goods arrived.',
};

/**
 * Goods receipts only: the expected receipt whose serials this receipt confirms. Serials it expected that the
 * receipt does not bring stay expected on it (the remainder), unless Drop_Missing_Expected drops them.
 */
const EXPECTED_RECEIPT: ModuleField = {
  apiName: 'Expected_Receipt',
  key: 'expectedReceiptId',
  kind: 'lookup',
  lookup: lookup('Documents', ['Number', 'id']),
  example: '',
  word: true,
  nullable: true,
  description:
    'The expected receipt (ER-…) this receipt confirms: its serials that arrive are received, the rest stay expected on it.',
};
/**
 * What becomes of the expected serials that did not arrive, as the web's confirm screen asks: the same schema key
 * (missingExpected), true for "drop". Decided when the receipt is posted, so it has no column: write-only.
 */
const DROP_MISSING_EXPECTED: ModuleField = {
  apiName: 'Drop_Missing_Expected',
  key: 'missingExpected',
  kind: 'boolean',
  example: 'false',
  writeOnly: true,
  description:
    'With Expected_Receipt: true drops (releases) its expected serials this receipt does not bring; false (when left ' +
    'out) keeps them expected for a later receipt. Decided when the receipt is inserted (an update keeps it); ' +
    "write-only: what it did reads back as the expected receipt's serials.",
};

/** The document a return or credit note sends goods back on, by its number as assigned. */
function returnOfField(kind: DocumentKind): ModuleField {
  return {
    apiName: 'Return_Of',
    key: 'returnOfId',
    kind: 'lookup',
    lookup: lookup('Documents', ['Number', 'id']),
    example: KINDS[kind].returnOf![0] === 'sales_invoice' ? 'SI-2026-00001' : 'PI-2026-00001',
    word: true,
    description: `The document the goods go back on: ${returnOfLabels(kind)}. Only what moved with it (and has not gone back yet) can.`,
  };
}

const WAREHOUSE_ROLES = {
  other: 'The warehouse the goods move in or out of.',
  expected: 'The warehouse the goods are expected in; the receipts that confirm them are received there.',
  transfer: 'The warehouse the goods leave.',
  arrival: "The warehouse the goods arrived in: the transfer's Destination_Warehouse.",
};

/** Whose number External_Number is, per kind. */
function externalNumberField(kind: DocumentKind): ModuleField {
  const role = KINDS[kind].partnerRole;
  const label = KINDS[kind].label.toLowerCase();
  const whose =
    role === null
      ? `Your own number of the ${label} (a consignment note; or the number an imported file gave it). Unique among ${label}s as it reads`
      : `The ${role}'s own number of the document (or the number an imported file gave it). Unique per kind and partner as it reads`;
  return {
    apiName: 'External_Number',
    key: 'externalNumber',
    kind: 'text',
    example: role === null ? 'CN-4711' : 'DL-4711',
    word: true,
    nullable: true,
    description: `${whose}: the same paper entered or imported twice is refused.`,
  };
}

/**
 * A document's own fields: a transfer names its destination instead of a partner; invoices add the switch that creates
 * their goods document.
 */
function headerFields(kind: DocumentKind): ModuleField[] {
  const info = KINDS[kind];
  const date: ModuleField = { apiName: 'Date', key: 'date', kind: 'date', example: '2026-01-15' };
  const warehouse: ModuleField = {
    apiName: 'Warehouse',
    key: 'warehouseId',
    kind: 'lookup',
    lookup: lookup('Warehouses', ['Code', 'id']),
    example: 'MAIN',
    word: true,
    description:
      WAREHOUSE_ROLES[
        isArrival(kind) ? 'arrival' : isTransfer(kind) ? 'transfer' : isExpectedReceipt(kind) ? 'expected' : 'other'
      ],
  };
  const note: ModuleField = { apiName: 'Note', key: 'note', kind: 'text', example: '', word: true };
  if (isArrival(kind)) return [date, TRANSFER, { ...warehouse, example: 'SHOP' }, externalNumberField(kind), note];
  if (isTransfer(kind)) return [date, warehouse, DESTINATION, externalNumberField(kind), note, IN_TRANSIT];
  const generated = info.generates ? KINDS[info.generates].label.toLowerCase() : '';
  return [
    date,
    ...(isReturn(kind) ? [returnOfField(kind)] : []),
    ...(kind === 'goods_receipt' ? [EXPECTED_RECEIPT] : []),
    {
      apiName: 'Partner',
      key: 'partnerId',
      kind: 'lookup',
      lookup: lookup('Partners', ['Code', 'id']),
      example: 'ACME',
      word: true,
      nullable: !info.partnerRequired,
      description: `The ${info.partnerRole}.`,
    },
    warehouse,
    externalNumberField(kind),
    note,
    ...(kind === 'goods_receipt' ? [DROP_MISSING_EXPECTED] : []),
    ...(info.generates
      ? [
          {
            apiName: 'Create_Stock_Document',
            key: 'createStockDocument',
            kind: 'boolean' as const,
            example: 'true',
            description: `Whether saving creates the ${generated} that moves the stock and serials (true when left out).`,
          },
        ]
      : []),
  ];
}

/** The fields of one document line. */
export const LINE_FIELDS: readonly ModuleField[] = [
  {
    apiName: 'Item',
    key: 'itemId',
    kind: 'lookup',
    lookup: lookup('Items', ['Code', 'EAN', 'id']),
    example: 'SCAN-100',
  },
  {
    apiName: 'Quantity',
    key: 'quantity',
    kind: 'decimal',
    example: '2',
    description: 'A serial-tracked item needs a whole quantity equal to the number of serials.',
  },
  { apiName: 'Unit_Price', key: 'unitPrice', kind: 'decimal', example: '80.00' },
  { apiName: 'VAT_Rate', key: 'vatRate', kind: 'decimal', example: '21' },
  {
    apiName: 'Serial_Numbers',
    key: 'serials',
    kind: 'serials',
    example: 'SN-0001;SN-0002',
    description:
      'Serial numbers of the line, as printed; ones that read the same (case, width, look-alike letters) are one serial.',
  },
];

/** The line fields of a kind: a transfer's lines carry no price or VAT. */
function lineFields(kind: DocumentKind): readonly ModuleField[] {
  return KINDS[kind].priced ? LINE_FIELDS : LINE_FIELDS.filter((f) => f.key !== 'unitPrice' && f.key !== 'vatRate');
}

/**
 * Rows with the same Number form one document in a file. On insert it is the document's external number unless
 * External_Number is mapped; an update or upsert with find_by Number reads it as the document's own number.
 */
const NUMBER_FIELD: ModuleField = { apiName: 'Number', kind: 'text', example: 'R-1' };

/**
 * How an update or upsert finds a document: by its External_Number as an
 * insert gives it (the External_Number column, else the file's Number), with the row's Partner when two
 * partners' documents share it (lib/import/writers/document-targets.ts).
 */
const FIND_BY = ['External_Number', 'Number'] as const;

type DocumentDeclaration = { apiName: string; id: string; description: string; example: Record<string, unknown> };

function documentModule(kind: DocumentKind, d: DocumentDeclaration): DocumentModule {
  const info = KINDS[kind];
  const header = headerFields(kind);
  const lines = lineFields(kind);
  const named = (apiName: string) => header.filter((f) => f.apiName === apiName);
  const lookups = header.filter((f) => f.kind === 'lookup');
  const rest = header.filter((f) => f.kind !== 'lookup' && f.apiName !== 'Date' && f.apiName !== 'External_Number');
  return {
    kind: 'document',
    documentKind: kind,
    apiName: d.apiName,
    id: d.id,
    label: info.plural,
    singular: info.label.toLowerCase(),
    description: d.description,
    read: info.readPermission,
    write: info.writePermission,
    operations: OPERATIONS,
    findBy: FIND_BY,
    mandatory: [
      'Number',
      'Date',
      'Warehouse',
      ...(isTransfer(kind) ? ['Destination_Warehouse'] : []),
      ...(isArrival(kind) ? ['Transfer'] : []),
      ...(isReturn(kind) ? ['Return_Of'] : []),
      'Item',
      // A supplier's list of serials needs no quantity column: each line counts its serials.
      ...(isExpectedReceipt(kind) ? ['Serial_Numbers'] : ['Quantity']),
      ...(info.partnerRequired ? ['Partner'] : []),
    ],
    headerFields: header,
    lineFields: lines,
    // The flat file of one row per line, in the templates' column order.
    fields: [NUMBER_FIELD, ...named('Date'), ...lookups, ...lines, ...rest, ...named('External_Number')],
    example: d.example,
  };
}

export const GOODS_RECEIPTS = documentModule('goods_receipt', {
  apiName: 'Goods_Receipts',
  id: '7100000000004',
  description: 'Goods receipts: goods received into a warehouse, with the serial numbers of tracked items.',
  example: {
    Date: '2026-11-22',
    Partner: { Code: 'ACME' },
    Warehouse: { Code: 'MAIN' },
    Note: 'Delivery 4711',
    Lines: [{ Item: { Code: 'PHN-100' }, Quantity: '2', Unit_Price: '180', Serial_Numbers: ['SN-0001', 'SN-0002'] }],
  },
});

export const GOODS_ISSUES = documentModule('goods_issue', {
  apiName: 'Goods_Issues',
  id: '7100000000005',
  description: 'Goods issues: goods leaving a warehouse; tracked items name the serial numbers in stock that leave.',
  example: {
    Date: '2026-11-22',
    Partner: { Code: 'SHOP-7' },
    Warehouse: { Code: 'MAIN' },
    Lines: [{ Item: { Code: 'PHN-100' }, Quantity: '1', Serial_Numbers: ['SN-0001'] }],
  },
});

export const PURCHASE_INVOICES = documentModule('purchase_invoice', {
  apiName: 'Purchase_Invoices',
  id: '7100000000006',
  description: 'Purchase invoices; with Create_Stock_Document (the default) saving one also creates its goods receipt.',
  example: {
    Date: '2026-11-22',
    Partner: { Code: 'ACME' },
    Warehouse: { Code: 'MAIN' },
    Create_Stock_Document: true,
    Lines: [
      {
        Item: { EAN: '8590000020013' },
        Quantity: '2',
        Unit_Price: '180',
        VAT_Rate: '21',
        Serial_Numbers: ['SN-0003', 'SN-0004'],
      },
    ],
  },
});

export const SALES_INVOICES = documentModule('sales_invoice', {
  apiName: 'Sales_Invoices',
  id: '7100000000007',
  description: 'Sales invoices; with Create_Stock_Document (the default) saving one also creates its goods issue.',
  example: {
    Date: '2026-11-22',
    Partner: { Code: 'SHOP-7' },
    Warehouse: { Code: 'MAIN' },
    Lines: [
      { Item: { Code: 'PHN-100' }, Quantity: '1', Unit_Price: '249.90', VAT_Rate: '21', Serial_Numbers: ['SN-0003'] },
    ],
  },
});

export const TRANSFERS = documentModule('transfer', {
  apiName: 'Transfers',
  id: '7100000000008',
  description:
    'Transfers: goods and serial numbers moving from one warehouse to another in one document; serials must be in stock in the source.',
  example: {
    Date: '2026-11-22',
    Warehouse: { Code: 'MAIN' },
    Destination_Warehouse: { Code: 'SHOP' },
    Note: 'Weekly restock',
    Lines: [{ Item: { Code: 'PHN-100' }, Quantity: '1', Serial_Numbers: ['SN-0002'] }],
  },
});

export const TRANSFER_ARRIVALS = documentModule('transfer_arrival', {
  apiName: 'Transfer_Arrivals',
  id: '7100000000009',
  description:
    'Transfer arrivals: what arrived at the destination of a transfer sent in transit (In_Transit); ' +
    'only goods and serials the transfer sent and that have not arrived yet. What has not arrived stays in transit.',
  example: {
    Date: '2026-11-24',
    Transfer: { Number: 'TR-2026-00001' },
    Warehouse: { Code: 'SHOP' },
    Lines: [{ Item: { Code: 'PHN-100' }, Quantity: '1', Serial_Numbers: ['SN-0002'] }],
  },
});

export const CUSTOMER_RETURNS = documentModule('customer_return', {
  apiName: 'Customer_Returns',
  id: '7100000000010',
  description:
    'Customer returns: sold goods coming back into a warehouse, named by the sales invoice or goods issue they left ' +
    'with (Return_Of); only serials that left with it and are still out, counted goods up to what it issued.',
  example: {
    Date: '2026-11-25',
    Return_Of: { Number: 'SI-2026-00001' },
    Warehouse: { Code: 'MAIN' },
    Lines: [{ Item: { Code: 'PHN-100' }, Quantity: '1', Unit_Price: '249.90', Serial_Numbers: ['SN-0003'] }],
  },
});

export const SUPPLIER_RETURNS = documentModule('supplier_return', {
  apiName: 'Supplier_Returns',
  id: '7100000000011',
  description:
    'Returns to suppliers: bought goods going back, named by the purchase invoice or goods receipt they came with ' +
    '(Return_Of); only serials it received that are still in stock in Warehouse.',
  example: {
    Date: '2026-11-25',
    Return_Of: { Number: 'PI-2026-00001' },
    Warehouse: { Code: 'MAIN' },
    Lines: [{ Item: { Code: 'PHN-100' }, Quantity: '1', Unit_Price: '180', Serial_Numbers: ['SN-0004'] }],
  },
});

export const CREDIT_NOTES = documentModule('credit_note', {
  apiName: 'Credit_Notes',
  id: '7100000000012',
  description:
    'Credit notes to customers on a sales invoice or goods issue (Return_Of); with Create_Stock_Document (the ' +
    'default) saving one also creates the customer return that takes the goods back.',
  example: {
    Date: '2026-11-25',
    Partner: { Code: 'SHOP-7' },
    Return_Of: { Number: 'SI-2026-00001' },
    Warehouse: { Code: 'MAIN' },
    Lines: [
      { Item: { Code: 'PHN-100' }, Quantity: '1', Unit_Price: '249.90', VAT_Rate: '21', Serial_Numbers: ['SN-0003'] },
    ],
  },
});

export const EXPECTED_RECEIPTS = documentModule('expected_receipt', {
  apiName: 'Expected_Receipts',
  id: '7100000000013',
  description:
    "Expected receipts: a supplier's list of serial numbers prepared before the goods come. They move no stock; each " +
    'serial is reserved (refused when in stock or expected elsewhere) until a goods receipt confirms it by scanning.',
  example: {
    Date: '2026-11-20',
    Partner: { Code: 'ACME' },
    Warehouse: { Code: 'MAIN' },
    External_Number: 'ASN-4711',
    Lines: [{ Item: { Code: 'PHN-100' }, Quantity: '2', Unit_Price: '180', Serial_Numbers: ['SN-0101', 'SN-0102'] }],
  },
});
