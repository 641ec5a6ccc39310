import type { SQL, SQLWrapper } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import type { Principal } from '@/lib/auth/principal';
import type { Permission } from '@/lib/auth/roles';
import type { AppModule } from '@/lib/modules';
import type { Field, Filter } from './fields';

/** A record as it travels: API field names to JSON values. */
export type ApiRecord = Record<string, unknown>;

export type WriteContext = {
  db: DbOrTx;
  principal: Principal;
  module: RecordModule;
  /** json_path prefix of this record, e.g. $.data[3] */
  path: string;
};

export type Inserted = { id: bigint; details: Record<string, unknown> };

/**
 * How a module writes: each operation maps the API record to the lib's input and calls THE lib
 * function (createItem, postDocument, …). Absent operations answer 405 NOT_SUPPORTED with their `refusals` text.
 */
export type WriteOps = {
  /** The new record's id; or, with what the answer's details add to the stored summary (a scan's finding). */
  insert?: (record: ApiRecord, ctx: WriteContext) => Promise<bigint | Inserted>;
  /**
   * Receives only the fields sent, for a record known to exist: an update changes only those, and the
   * module lays them over the stored record where no concurrent write can slip in between.
   */
  update?: (id: bigint, record: ApiRecord, ctx: WriteContext) => Promise<void>;
  remove?: (id: bigint, ctx: WriteContext) => Promise<void>;
  /** Unique fields an upsert may match on; the first is the default. */
  duplicateCheckFields?: readonly string[];
  /** Why an operation this module lacks is refused, by operation. */
  refusals?: Partial<Record<WriteOperation, string>>;
};
export type WriteOperation = 'insert' | 'update' | 'upsert' | 'delete';
const WRITE_OPERATIONS: readonly WriteOperation[] = ['insert', 'update', 'upsert', 'delete'];

/** The writes of a read-only module: every operation refused with the same reason. */
export function readOnly(reason: string): WriteOps {
  return { refusals: Object.fromEntries(WRITE_OPERATIONS.map((op) => [op, reason])) };
}

export type RecordModule = {
  api: string;
  /** For messages: "item", "goods receipt". */
  singular: string;
  description: string;
  read: Permission;
  write?: Permission;
  table: PgTable;
  /** Restricts the table to this module's rows (a document kind). */
  where?: SQL;
  fields: Field[];
  defaultOrder: SQLWrapper[];
  /** Plain query parameters of the list (Serial_Numbers' item, warehouse, status). */
  queryFilters?: Record<string, Filter & { description: string }>;
  /** A record as a client would send it, for the OpenAPI examples and the reference page. */
  example?: ApiRecord;
  writes?: WriteOps;
  /** The module's declaration in lib/modules, for the modules both Zoho-compatible doors write. */
  declaration?: AppModule;
};

export function fieldOf(module: RecordModule, api: string): Field | undefined {
  return module.fields.find((f) => f.api === api);
}

export function hasRecordUrl(module: RecordModule): boolean {
  return fieldOf(module, 'id') !== undefined;
}

/** Whether a module offers a write operation (the OpenAPI document lists only these). */
export function supports(module: RecordModule, op: WriteOperation): boolean {
  const w = module.writes;
  if (op === 'insert') return Boolean(w?.insert);
  if (op === 'update') return Boolean(w?.update);
  if (op === 'delete') return Boolean(w?.remove);
  return Boolean(w?.insert && w.update && w.duplicateCheckFields?.length);
}

export function refusalOf(module: RecordModule, op: WriteOperation): string {
  return module.writes?.refusals?.[op] ?? `${module.api} does not support ${op}.`;
}
