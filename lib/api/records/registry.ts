import { goodsIssues } from './modules/goods-issues';
import { goodsReceipts } from './modules/goods-receipts';
import { items } from './modules/items';
import { partners } from './modules/partners';
import { purchaseInvoices } from './modules/purchase-invoices';
import { salesInvoices } from './modules/sales-invoices';
import { serialNumbers } from './modules/serial-numbers';
import { stock } from './modules/stock';
import { warehouses } from './modules/warehouses';
import type { RecordModule } from './module';

/** Every module of the records API, in the order the reference lists them. */
export const RECORD_MODULES: readonly RecordModule[] = [
  items, partners, warehouses, goodsReceipts, goodsIssues, purchaseInvoices, salesInvoices, serialNumbers, stock,
];

/** Module names are matched like Zoho's: exactly, but a client's different letter case is forgiven. */
export function findModule(name: string): RecordModule | undefined {
  return RECORD_MODULES.find((m) => m.api === name) ?? RECORD_MODULES.find((m) => m.api.toLowerCase() === name.toLowerCase());
}
