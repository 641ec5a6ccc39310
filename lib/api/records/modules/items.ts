import { item } from '@/db/schema';
import { deleteItem } from '@/lib/catalog/delete';
import { createItem, updateItem } from '@/lib/catalog/items';
import { ITEMS } from '@/lib/modules';
import { itemSchema, type ItemInput } from '@/lib/validation/catalog';
import { catalogRecordModule } from './catalog-module';

export const items = catalogRecordModule<ItemInput>(ITEMS, item, itemSchema, {
  create: createItem,
  update: updateItem,
  remove: deleteItem,
});
