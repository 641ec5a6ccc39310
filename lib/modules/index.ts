import type { DocumentKind } from '@/lib/inventory/kinds';
import { ITEMS, PARTNERS, WAREHOUSES } from './catalog';
import {
  EXPECTED_RECEIPTS,
  GOODS_ISSUES,
  GOODS_RECEIPTS,
  PURCHASE_INVOICES,
  SALES_INVOICES,
  TRANSFER_ARRIVALS,
  TRANSFERS,
  CUSTOMER_RETURNS,
  SUPPLIER_RETURNS,
  CREDIT_NOTES,
} from './documents';
import { STOCKTAKE_ENTRIES } from './stocktake-entries';
import type { AppModule, DocumentModule, ModuleField, Operation } from './types';
import type { MappedModule } from './types';

export * from './types';
export { ID_FIELD, ITEMS, PARTNERS, WAREHOUSES } from './catalog';
export {
  EXPECTED_RECEIPTS,
  GOODS_ISSUES,
  GOODS_RECEIPTS,
  LINE_FIELDS,
  PURCHASE_INVOICES,
  SALES_INVOICES,
  TRANSFER_ARRIVALS,
  TRANSFERS,
  CUSTOMER_RETURNS,
  SUPPLIER_RETURNS,
  CREDIT_NOTES,
} from './documents';
export { ENTRY_FIELDS, NO_STOCKTAKE_MESSAGE, STOCKTAKE_ENTRIES } from './stocktake-entries';

/** Every module the Zoho-compatible doors write, in the order the import page and the reference list them. */
export const MODULES: readonly AppModule[] = [
  ITEMS,
  PARTNERS,
  WAREHOUSES,
  GOODS_RECEIPTS,
  GOODS_ISSUES,
  PURCHASE_INVOICES,
  SALES_INVOICES,
  TRANSFERS,
  TRANSFER_ARRIVALS,
  CUSTOMER_RETURNS,
  SUPPLIER_RETURNS,
  CREDIT_NOTES,
  EXPECTED_RECEIPTS,
  STOCKTAKE_ENTRIES,
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

export function findField(module: Pick<MappedModule, 'fields'>, apiName: string): ModuleField | undefined {
  return (
    module.fields.find((field) => field.apiName === apiName) ??
    module.fields.find((field) => field.apiName.toLowerCase() === apiName.toLowerCase())
  );
}

/** The fields people map from a file (the record id only serves as a find_by key). */
export function mappableFields(module: AppModule): ModuleField[] {
  return module.fields.filter((field) => field.kind !== 'id');
}

/**
 * The fields a job must map: an insert's mandatory ones; the find_by field of an update (for documents their
 * Number, which groups a document's rows and, with no External_Number column, is its external number); an
 * upsert both. A document update that maps any line column replaces the lines, so it needs Item and Quantity (an
 * expected receipt, whose lines count their serials, Item and Serial_Numbers).
 */
export function requiredFields(
  module: MappedModule,
  operation: Operation,
  findBy: string | null,
  mapped: ReadonlySet<string>,
): string[] {
  const forInsert = operation === 'update' ? [] : module.mandatory;
  const forFind = operation === 'insert' ? [] : module.kind === 'document' ? ['Number'] : findBy ? [findBy] : [];
  const forLines =
    module.kind === 'document' && module.lineFields.some((field) => mapped.has(field.apiName))
      ? ['Item', module.mandatory.includes('Serial_Numbers') ? 'Serial_Numbers' : 'Quantity']
      : [];
  return [...new Set([...forInsert, ...forFind, ...forLines])];
}

/** The unique fields an upsert through the records API may match on (duplicate_check_fields): find_by without id. */
export function duplicateCheckFields(module: AppModule): string[] {
  return module.findBy.filter((key) => key !== 'id');
}
export { toZoho, ZOHO_CODES } from './zoho';
export {
  childModulesOf,
  documentFileOf,
  documentLinesOf,
  DOCUMENT_SERIALS,
  findChildModule,
  isChildModuleName,
} from './children';
