import { warehouse } from '@/db/schema';
import { deleteWarehouse } from '@/lib/catalog/delete';
import { createWarehouse, updateWarehouse } from '@/lib/catalog/warehouses';
import { WAREHOUSES } from '@/lib/modules';
import { warehouseSchema, type WarehouseInput } from '@/lib/validation/catalog';
import { catalogRecordModule } from './catalog-module';

export const warehouses = catalogRecordModule<WarehouseInput>(WAREHOUSES, warehouse, warehouseSchema, {
  create: createWarehouse,
  update: updateWarehouse,
  remove: deleteWarehouse,
});
