import { item } from '@/db/schema';
import { createItem, updateItem } from '@/lib/catalog/items';
import { itemSchema, type ItemInput } from '@/lib/validation/catalog';
import { dataField, idField, timeField, type Field } from '../fields';
import type { RecordModule } from '../module';
import { deleteItem } from '@/lib/catalog/delete';
import { catalogWrites } from '../write/catalog';

const s = itemSchema.shape;

const fields: Field[] = [
  idField(item.id),
  dataField('Code', item.code, 'text', { in: s.code, input: 'code', word: true, description: 'Unique item code.' }),
  dataField('Name', item.name, 'text', { in: s.name, input: 'name', word: true }),
  dataField('Unit', item.unit, 'text', { in: s.unit, input: 'unit', description: 'Unit of measure; "pcs" when left out.' }),
  dataField('Purchase_Price', item.purchasePrice, 'decimal', { in: s.purchasePrice, input: 'purchasePrice' }),
  dataField('Sale_Price', item.salePrice, 'decimal', { in: s.salePrice, input: 'salePrice' }),
  dataField('VAT_Rate', item.vatRate, 'decimal', { in: s.vatRate, input: 'vatRate', description: 'VAT rate in percent; 21 when left out.' }),
  dataField('EAN', item.ean, 'text', { in: s.ean, input: 'ean', nullable: true, word: true, description: 'Barcode (8, 12, 13 or 14 digits), unique.' }),
  dataField('Description', item.description, 'text', { in: s.description, input: 'description' }),
  dataField('Active', item.active, 'boolean', { in: s.active, input: 'active' }),
  dataField('Track_Serial_Numbers', item.trackSerials, 'boolean', { in: s.trackSerials, input: 'trackSerials',
    description: 'Whether every unit carries a serial number. Can only be switched while no stock would be left without (or with) serials.' }),
  dataField('Min_Stock', item.minStock, 'decimal', { in: s.minStock, input: 'minStock', nullable: true }),
  timeField('Created_Time', item.createdAt),
  timeField('Modified_Time', item.updatedAt),
];

export const items: RecordModule = {
  api: 'Items',
  singular: 'item',
  description: 'The price list: items with prices, VAT rate, EAN and whether they track serial numbers.',
  read: 'items.read',
  write: 'items.write',
  table: item,
  fields,
  defaultOrder: [item.id],
  example: { Code: 'PHN-100', Name: 'Phone 100', Unit: 'pcs', Purchase_Price: '180.00', Sale_Price: '249.90', VAT_Rate: '21', EAN: '8590000000015', Track_Serial_Numbers: true },
  writes: catalogWrites<ItemInput>(fields, {
    create: createItem,
    update: updateItem,
    remove: deleteItem,
    duplicateCheckFields: ['Code', 'EAN'],
  }),
};
