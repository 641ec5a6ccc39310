import { PARTNER_TYPES } from '@/db/schema/catalog';
import { OPERATIONS, type CatalogModule, type ModuleField } from './types';

/** The record id: a find_by key, never mapped from a file. */
export const ID_FIELD: ModuleField = { apiName: 'id', kind: 'id', example: '' };

export const ITEMS: CatalogModule = {
  apiName: 'Items', id: '7100000000001', label: 'Items (price list)', singular: 'item', kind: 'catalog', entity: 'item',
  description: 'The price list: items with prices, VAT rate, EAN and whether they track serial numbers.',
  read: 'items.read', write: 'items.write',
  operations: OPERATIONS, mandatory: ['Code', 'Name'], findBy: ['Code', 'EAN', 'id'],
  fields: [
    { apiName: 'Code', key: 'code', kind: 'text', example: 'SCAN-100', word: true,
      description: 'Unique item code; codes that read the same (case, width, look-alike letters) are one code.' },
    { apiName: 'Name', key: 'name', kind: 'text', example: 'Barcode scanner', word: true },
    { apiName: 'Unit', key: 'unit', kind: 'text', example: 'pcs', description: 'Unit of measure; "pcs" when left out.' },
    { apiName: 'Purchase_Price', key: 'purchasePrice', kind: 'decimal', example: '80.00' },
    { apiName: 'Sale_Price', key: 'salePrice', kind: 'decimal', example: '119.90' },
    { apiName: 'VAT_Rate', key: 'vatRate', kind: 'decimal', example: '21', description: 'VAT rate in percent; 21 when left out.' },
    { apiName: 'EAN', key: 'ean', kind: 'text', example: '8594000000013', nullable: true, word: true,
      description: 'Barcode (8, 12, 13 or 14 digits with a valid GS1 check digit), unique.' },
    { apiName: 'Description', key: 'description', kind: 'text', example: 'Handheld 2D scanner' },
    { apiName: 'Active', key: 'active', kind: 'boolean', example: 'true' },
    { apiName: 'Track_Serial_Numbers', key: 'trackSerials', kind: 'boolean', example: 'true',
      description: 'Whether every unit carries a serial number. Can only be switched while no stock would be left without (or with) serials.' },
    { apiName: 'Min_Stock', key: 'minStock', kind: 'decimal', example: '5', nullable: true },
    ID_FIELD,
  ],
  example: { Code: 'PHN-100', Name: 'Phone 100', Unit: 'pcs', Purchase_Price: '180.00', Sale_Price: '249.90', VAT_Rate: '21', EAN: '8590000000015', Track_Serial_Numbers: true },
};

export const PARTNERS: CatalogModule = {
  apiName: 'Partners', id: '7100000000002', label: 'Partners', singular: 'partner', kind: 'catalog', entity: 'partner',
  description: 'Suppliers and customers: the partners of receipts, issues and invoices.',
  read: 'partners.read', write: 'partners.write',
  operations: OPERATIONS, mandatory: ['Code', 'Name', 'Type'], findBy: ['Code', 'id'],
  fields: [
    { apiName: 'Code', key: 'code', kind: 'text', example: 'ACME', word: true, description: 'Unique partner code.' },
    { apiName: 'Name', key: 'name', kind: 'text', example: 'Acme s.r.o.', word: true },
    { apiName: 'Type', key: 'type', kind: 'enum', values: PARTNER_TYPES, example: 'supplier', description: 'supplier, customer or both.' },
    { apiName: 'VAT_ID', key: 'vatId', kind: 'text', example: 'CZ12345678', nullable: true, word: true },
    { apiName: 'Email', key: 'email', kind: 'text', example: 'orders@acme.example', nullable: true },
    { apiName: 'Phone', key: 'phone', kind: 'text', example: '+420 123 456 789', nullable: true },
    { apiName: 'Address', key: 'address', kind: 'text', example: 'Main 1, Praha', nullable: true },
    ID_FIELD,
  ],
  example: { Code: 'ACME', Name: 'Acme Ltd.', Type: 'supplier', VAT_ID: 'CZ12345678', Email: 'orders@acme.example' },
};

export const WAREHOUSES: CatalogModule = {
  apiName: 'Warehouses', id: '7100000000003', label: 'Warehouses', singular: 'warehouse', kind: 'catalog', entity: 'warehouse',
  description: 'The warehouses stock and serial numbers are kept in.',
  read: 'warehouses.read', write: 'warehouses.write',
  operations: OPERATIONS, mandatory: ['Code', 'Name'], findBy: ['Code', 'id'],
  fields: [
    { apiName: 'Code', key: 'code', kind: 'text', example: 'MAIN', word: true, description: 'Unique warehouse code.' },
    { apiName: 'Name', key: 'name', kind: 'text', example: 'Main warehouse', word: true },
    ID_FIELD,
  ],
  example: { Code: 'MAIN', Name: 'Main warehouse' },
};
