import type { DocumentKind } from '@/lib/inventory/kinds';
import { ITEMS, PARTNERS, WAREHOUSES } from './catalog';
import { GOODS_ISSUES, GOODS_RECEIPTS, PURCHASE_INVOICES, SALES_INVOICES, TRANSFER_ARRIVALS, TRANSFERS } from './documents';
import type { AppModule, DocumentModule, ModuleField } from './types';

export * from './types';
export { ID_FIELD, ITEMS, PARTNERS, WAREHOUSES } from './catalog';
export { GOODS_ISSUES, GOODS_RECEIPTS, LINE_FIELDS, PURCHASE_INVOICES, SALES_INVOICES, TRANSFER_ARRIVALS, TRANSFERS } from './documents';

/** Every module the Zoho-compatible doors write, in the order the import page and the reference list them. */
export const MODULES: readonly AppModule[] = [
  ITEMS, PARTNERS, WAREHOUSES, GOODS_RECEIPTS, GOODS_ISSUES, PURCHASE_INVOICES, SALES_INVOICES, TRANSFERS, TRANSFER_ARRIVALS,
];

const DOCUMENT_MODULES = MODULES.filter((module): module is DocumentModule => module.kind === 'document');

/** The module of a document kind (a serial's history names the module of each document). */
export function documentModuleOf(kind: DocumentKind): DocumentModule {
  return DOCUMENT_MODULES.find((module) => module.documentKind === kind)!;
}

/** Zoho module names are matched case-insensitively by its own API; so are ours. */
export function findModule(apiName: string): AppModule | undefined {
  const wanted = apiName.trim().toLowerCase();
  return MODULES.find((module) => module.apiName.toLowerCase() === wanted);
}

export function findField(module: AppModule, apiName: string): ModuleField | undefined {
  return module.fields.find((field) => field.apiName === apiName)
    ?? module.fields.find((field) => field.apiName.toLowerCase() === apiName.toLowerCase());
}

/** The fields people map from a file (the record id only serves as a find_by key). */
export function mappableFields(module: AppModule): ModuleField[] {
  return module.fields.filter((field) => field.kind !== 'id');
}

/** The unique fields an upsert through the records API may match on (duplicate_check_fields): find_by without id. */
export function duplicateCheckFields(module: AppModule): string[] {
  return module.findBy.filter((key) => key !== 'id');
}
export { toZoho, ZOHO_CODES } from './zoho';
