import { GOODS_ISSUES, GOODS_RECEIPTS, PURCHASE_INVOICES, SALES_INVOICES } from '@/lib/modules';
import { documentRecordModule } from './modules/documents';
import { items } from './modules/items';
import { partners } from './modules/partners';
import { serialNumbers } from './modules/serial-numbers';
import { stock } from './modules/stock';
import { warehouses } from './modules/warehouses';
import type { RecordModule } from './module';

/** Every module of the records API, in the order the reference lists them. */
export const RECORD_MODULES: readonly RecordModule[] = [
  items, partners, warehouses, ...[GOODS_RECEIPTS, GOODS_ISSUES, PURCHASE_INVOICES, SALES_INVOICES].map(documentRecordModule), serialNumbers, stock,
];

/** Module names are matched like Zoho's: exactly, but a client's different letter case is forgiven. */
export function findRecordModule(name: string): RecordModule | undefined {
  return RECORD_MODULES.find((m) => m.api === name) ?? RECORD_MODULES.find((m) => m.api.toLowerCase() === name.toLowerCase());
}
