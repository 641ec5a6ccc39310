import type { DocumentKind } from '@/lib/inventory/kinds';

export const OPERATIONS = ['insert', 'update', 'upsert'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** How a cell is read before it reaches the shared zod schema (which owns every rule about the value). */
export type FieldKind = 'text' | 'decimal' | 'boolean' | 'date' | 'lookup' | 'id' | 'serials';

export type LookupModule = 'Items' | 'Partners' | 'Warehouses';

export interface ImportField {
  /** The Zoho API name used in field_mappings and as the template's column header. */
  apiName: string;
  /** The key of the shared zod schema this field feeds (catalog modules). */
  key?: string;
  kind: FieldKind;
  /** Lookup fields: the module they point at and the unique fields a mapping's find_by may name. */
  lookup?: { module: LookupModule; findBy: readonly string[] };
  /** A sample value for the downloadable templates. */
  example: string;
}

interface ModuleBase {
  apiName: string;
  /** Zoho clients parse module ids as 64-bit integers, so they are fixed numeric strings. */
  id: string;
  label: string;
  fields: readonly ImportField[];
  /** Fields that must be mapped for an insert. */
  mandatory: readonly string[];
  operations: readonly Operation[];
}

export interface CatalogModule extends ModuleBase {
  kind: 'catalog';
  entity: 'item' | 'partner' | 'warehouse';
  /** Unique fields a job's find_by may name for update and upsert. */
  findBy: readonly string[];
}

export interface DocumentModule extends ModuleBase {
  kind: 'document';
  documentKind: DocumentKind;
  findBy: readonly string[];
}

export type ImportModule = CatalogModule | DocumentModule;

const idField: ImportField = { apiName: 'id', kind: 'id', example: '' };

const ITEMS: CatalogModule = {
  apiName: 'Items', id: '7100000000001', label: 'Items (price list)', kind: 'catalog', entity: 'item',
  operations: OPERATIONS, mandatory: ['Code', 'Name'], findBy: ['Code', 'EAN', 'id'],
  fields: [
    { apiName: 'Code', key: 'code', kind: 'text', example: 'SCAN-100' },
    { apiName: 'Name', key: 'name', kind: 'text', example: 'Barcode scanner' },
    { apiName: 'Unit', key: 'unit', kind: 'text', example: 'pcs' },
    { apiName: 'Purchase_Price', key: 'purchasePrice', kind: 'decimal', example: '80.00' },
    { apiName: 'Sale_Price', key: 'salePrice', kind: 'decimal', example: '119.90' },
    { apiName: 'VAT_Rate', key: 'vatRate', kind: 'decimal', example: '21' },
    { apiName: 'EAN', key: 'ean', kind: 'text', example: '8594000000013' },
    { apiName: 'Description', key: 'description', kind: 'text', example: 'Handheld 2D scanner' },
    { apiName: 'Active', key: 'active', kind: 'boolean', example: 'true' },
    { apiName: 'Track_Serial_Numbers', key: 'trackSerials', kind: 'boolean', example: 'true' },
    { apiName: 'Min_Stock', key: 'minStock', kind: 'decimal', example: '5' },
    idField,
  ],
};

const PARTNERS: CatalogModule = {
  apiName: 'Partners', id: '7100000000002', label: 'Partners', kind: 'catalog', entity: 'partner',
  operations: OPERATIONS, mandatory: ['Code', 'Name', 'Type'], findBy: ['Code', 'id'],
  fields: [
    { apiName: 'Code', key: 'code', kind: 'text', example: 'ACME' },
    { apiName: 'Name', key: 'name', kind: 'text', example: 'Acme s.r.o.' },
    { apiName: 'Type', key: 'type', kind: 'text', example: 'supplier' },
    { apiName: 'VAT_ID', key: 'vatId', kind: 'text', example: 'CZ12345678' },
    { apiName: 'Email', key: 'email', kind: 'text', example: 'orders@acme.example' },
    { apiName: 'Phone', key: 'phone', kind: 'text', example: '+420 123 456 789' },
    { apiName: 'Address', key: 'address', kind: 'text', example: 'Main 1, Praha' },
    idField,
  ],
};

const WAREHOUSES: CatalogModule = {
  apiName: 'Warehouses', id: '7100000000003', label: 'Warehouses', kind: 'catalog', entity: 'warehouse',
  operations: OPERATIONS, mandatory: ['Code', 'Name'], findBy: ['Code', 'id'],
  fields: [
    { apiName: 'Code', key: 'code', kind: 'text', example: 'MAIN' },
    { apiName: 'Name', key: 'name', kind: 'text', example: 'Main warehouse' },
    idField,
  ],
};

const lookup = (module: LookupModule, findBy: readonly string[]) => ({ module, findBy });

function documentFields(invoice: boolean): ImportField[] {
  return [
    { apiName: 'Number', kind: 'text', example: 'R-1' },
    { apiName: 'Date', kind: 'date', example: '2026-01-15' },
    { apiName: 'Partner', kind: 'lookup', lookup: lookup('Partners', ['Code', 'id']), example: 'ACME' },
    { apiName: 'Warehouse', kind: 'lookup', lookup: lookup('Warehouses', ['Code', 'id']), example: 'MAIN' },
    { apiName: 'Item', kind: 'lookup', lookup: lookup('Items', ['Code', 'EAN', 'id']), example: 'SCAN-100' },
    { apiName: 'Quantity', kind: 'decimal', example: '2' },
    { apiName: 'Unit_Price', kind: 'decimal', example: '80.00' },
    { apiName: 'VAT_Rate', kind: 'decimal', example: '21' },
    { apiName: 'Serial_Numbers', kind: 'serials', example: 'SN-0001;SN-0002' },
    { apiName: 'Note', kind: 'text', example: '' },
    ...(invoice ? [{ apiName: 'Create_Stock_Document', kind: 'boolean' as const, example: 'true' }] : []),
  ];
}

function documentModule(apiName: string, id: string, label: string, documentKind: DocumentKind, invoice: boolean): DocumentModule {
  const mandatory = ['Number', 'Date', 'Warehouse', 'Item', 'Quantity', ...(invoice ? ['Partner'] : [])];
  return { apiName, id, label, kind: 'document', documentKind, operations: ['insert'], mandatory, findBy: [], fields: documentFields(invoice) };
}

/** Every module a bulk write job may target, in the order the import page offers them. */
export const IMPORT_MODULES: readonly ImportModule[] = [
  ITEMS, PARTNERS, WAREHOUSES,
  documentModule('Goods_Receipts', '7100000000004', 'Goods receipts', 'goods_receipt', false),
  documentModule('Goods_Issues', '7100000000005', 'Goods issues', 'goods_issue', false),
  documentModule('Purchase_Invoices', '7100000000006', 'Purchase invoices', 'purchase_invoice', true),
  documentModule('Sales_Invoices', '7100000000007', 'Sales invoices', 'sales_invoice', true),
];

/** Zoho module names are matched case-insensitively by its own API; so are ours. */
export function findModule(apiName: string): ImportModule | undefined {
  const wanted = apiName.trim().toLowerCase();
  return IMPORT_MODULES.find((module) => module.apiName.toLowerCase() === wanted);
}

export function findField(module: ImportModule, apiName: string): ImportField | undefined {
  return module.fields.find((field) => field.apiName === apiName)
    ?? module.fields.find((field) => field.apiName.toLowerCase() === apiName.toLowerCase());
}

/** The fields people map from a file (the record id only serves as a find_by key). */
export function mappableFields(module: ImportModule): ImportField[] {
  return module.fields.filter((field) => field.kind !== 'id');
}
