import { warehouse } from '@/db/schema';
import { createWarehouse, updateWarehouse } from '@/lib/catalog/warehouses';
import { warehouseSchema, type WarehouseInput } from '@/lib/validation/catalog';
import { dataField, idField, timeField, type Field } from '../fields';
import type { RecordModule } from '../module';
import { deleteWarehouse } from '@/lib/catalog/delete';
import { catalogWrites } from '../write/catalog';

const s = warehouseSchema.shape;

const fields: Field[] = [
  idField(warehouse.id),
  dataField('Code', warehouse.code, 'text', { in: s.code, input: 'code', word: true, description: 'Unique warehouse code.' }),
  dataField('Name', warehouse.name, 'text', { in: s.name, input: 'name', word: true }),
  timeField('Created_Time', warehouse.createdAt),
  timeField('Modified_Time', warehouse.updatedAt),
];

export const warehouses: RecordModule = {
  api: 'Warehouses',
  singular: 'warehouse',
  description: 'The warehouses stock and serial numbers are kept in.',
  read: 'warehouses.read',
  write: 'warehouses.write',
  table: warehouse,
  fields,
  defaultOrder: [warehouse.id],
  example: { Code: 'MAIN', Name: 'Main warehouse' },
  writes: catalogWrites<WarehouseInput>(fields, {
    create: createWarehouse,
    update: updateWarehouse,
    remove: deleteWarehouse,
    duplicateCheckFields: ['Code'],
  }),
};
