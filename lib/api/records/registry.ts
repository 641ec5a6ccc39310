import { MODULES, type DocumentModule } from '@/lib/modules';
import { documentRecordModule } from './modules/documents';
import { items } from './modules/items';
import { partners } from './modules/partners';
import { serialNumbers } from './modules/serial-numbers';
import { stock } from './modules/stock';
import { stocktakeEntries } from './modules/stocktake-entries';
import { stocktakes } from './modules/stocktakes';
import { warehouses } from './modules/warehouses';
import type { RecordModule } from './module';

/** Every module of the records API, in the order the reference lists them. */
export const RECORD_MODULES: readonly RecordModule[] = [
  items,
  partners,
  warehouses,
  ...MODULES.filter((module): module is DocumentModule => module.kind === 'document').map(documentRecordModule),
  serialNumbers,
  stock,
  stocktakes,
  stocktakeEntries,
];

/** Module names are matched like Zoho's: exactly, but a client's different letter case is forgiven. */
export function findRecordModule(name: string): RecordModule | undefined {
  return (
    RECORD_MODULES.find((m) => m.api === name) ?? RECORD_MODULES.find((m) => m.api.toLowerCase() === name.toLowerCase())
  );
}
