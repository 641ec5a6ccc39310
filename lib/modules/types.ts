import type { Permission } from '@/lib/auth/roles';
import type { DocumentKind } from '@/lib/inventory/kinds';

/*
 * The module catalogue's shapes. One declaration per module (lib/modules/catalog.ts, documents.ts) is
 * read by every door that speaks Zoho's protocol: the records API binds each field to its column, the
 * importer reads cells by it, the templates and the OpenAPI document are generated from it. Plain data,
 * so the import page (a client component) can read it too.
 */

export const OPERATIONS = ['insert', 'update', 'upsert'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** How a value is read (a cell, a criteria value) before the shared zod schema, which owns every rule about it. */
export type FieldKind = 'text' | 'enum' | 'decimal' | 'integer' | 'boolean' | 'date' | 'lookup' | 'id' | 'serials';

export type LookupModule = 'Items' | 'Partners' | 'Warehouses' | 'Transfers' | 'Documents' | 'Stocktakes';

export interface ModuleField {
  /** The Zoho API name: field_mappings, template headers, records API keys. */
  apiName: string;
  /** The key of the shared zod schema (the lib's input) this field fills; absent for read-only or structural fields. */
  key?: string;
  kind: FieldKind;
  /** Lookup fields: the module they point at and the unique fields that may name the record (find_by, {"Code": …}). */
  lookup?: { module: LookupModule; findBy: readonly string[] };
  /** A sample value for the downloadable templates. */
  example: string;
  description?: string;
  /** Part of the records API's quick `?word=` search. */
  word?: boolean;
  nullable?: boolean;
  /** The allowed values of an enum field. */
  values?: readonly string[];
  /**
   * Input only: the field steers a write (what becomes of an expected receipt's missing serials) and has no column,
   * so reads, exports and the read schemas leave it out; the OpenAPI document and the import page mark it write-only.
   */
  writeOnly?: boolean;
}

interface ModuleBase {
  apiName: string;
  /** Zoho clients parse module ids as 64-bit integers, so they are fixed numeric strings. */
  id: string;
  label: string;
  /** For messages: "item", "goods receipt". */
  singular: string;
  description: string;
  read: Permission;
  write: Permission;
  /** Every field as the importer sees it, in template order (the flat file of a document included). */
  fields: readonly ModuleField[];
  /** Fields that must be mapped for an insert. */
  mandatory: readonly string[];
  operations: readonly Operation[];
  /** Unique fields a job's find_by (and the records API's duplicate_check_fields, without id) may name. */
  findBy: readonly string[];
  /** A record as a client would send it, for the OpenAPI examples and the reference page. */
  example: Record<string, unknown>;
}

export interface CatalogModule extends ModuleBase {
  kind: 'catalog';
  entity: 'item' | 'partner' | 'warehouse';
}

export interface DocumentModule extends ModuleBase {
  kind: 'document';
  documentKind: DocumentKind;
  /** The document's own fields (one value per document); Number names the document in a file. */
  headerFields: readonly ModuleField[];
  /** The fields of one line (Lines in the records API; one row per line in a file). */
  lineFields: readonly ModuleField[];
}

/**
 * Rows written into another record through its core functions, one by one (insert only): Stocktake_Entries, the
 * scans and counts of an open stocktake.
 */
export interface EntriesModule extends ModuleBase {
  kind: 'entries';
}

export type AppModule = CatalogModule | DocumentModule | EntriesModule;

/**
 * A child module of a parent/child bulk write job (Zoho's subform files): its rows belong to a row of its
 * parent resource's file, named by Parent_Id. Not a module of its own in the records API: its rows become
 * the lines and serials of the document they join (lib/modules/children.ts).
 */
export interface ChildModule {
  kind: 'child';
  apiName: 'Document_Lines' | 'Document_Serials';
  id: string;
  label: string;
  description: string;
  /** The resource whose file Parent_Id points into: the document's own file, or the lines file. */
  parent: 'document' | 'Document_Lines';
  /** The parent resource's field whose column Parent_Id matches when the request gives no parent_column_index. */
  parentKey: string;
  fields: readonly ModuleField[];
  mandatory: readonly string[];
}

/** What a job's field_mappings can name the fields of. */
export type MappedModule = AppModule | ChildModule;
