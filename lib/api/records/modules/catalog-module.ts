import { getTableColumns } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { duplicateCheckFields, type CatalogModule, type FieldKind } from '@/lib/modules';
import { canonicalKey } from '@/lib/text/canonical-key';
import { canonicalEan } from '@/lib/validation/ean';
import type { Edit } from '@/lib/versions';
import { dataField, idField, timeField, type Field, type ValueKind } from '../fields';
import type { RecordModule } from '../module';
import { catalogWrites } from '../write/catalog';

type CatalogTable = PgTable & { id: PgColumn; createdAt: PgColumn; updatedAt: PgColumn };

const VALUE_KINDS: Partial<Record<FieldKind, ValueKind>> = {
  text: 'text',
  enum: 'enum',
  decimal: 'decimal',
  integer: 'integer',
  boolean: 'boolean',
  date: 'date',
};

/**
 * Codes and EANs are compared as they read (their canonical columns): `Code:equals:lap-14` finds LAP-14,
 * and an upsert matching on Code updates the record whose code reads the same instead of refusing a new one.
 */
function keyedFilter(field: Field, columns: Record<string, PgColumn>): Field {
  if (field.api === 'Code') {
    return {
      ...field,
      wordFilter: field.filter,
      filter: { kind: 'text', canonical: canonicalKey, apply: (compare) => compare(columns.codeKey) },
    };
  }
  if (field.api === 'EAN')
    return {
      ...field,
      wordFilter: field.filter,
      filter: { kind: 'text', canonical: canonicalEan, apply: (compare) => compare(columns.ean) },
    };
  return field;
}

/**
 * A catalog module of the records API, built from its declaration in lib/modules: each declared field
 * is bound to the table's column of the same key and takes its request shape from the shared zod schema.
 */
export function catalogRecordModule<I>(
  declaration: CatalogModule,
  table: CatalogTable,
  schema: z.ZodObject,
  ops: {
    create: (db: DbOrTx, input: I, edit: Edit) => Promise<bigint>;
    update: (db: DbOrTx, id: bigint, changes: Partial<I>, edit: Edit) => Promise<unknown>;
    remove: (db: DbOrTx, id: bigint) => Promise<void>;
  },
): RecordModule {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const data = declaration.fields
    .filter((f) => f.key !== undefined)
    .map((f) =>
      dataField(f.apiName, columns[f.key!], VALUE_KINDS[f.kind] ?? 'text', {
        in: schema.shape[f.key!] as z.ZodType,
        input: f.key,
        word: f.word,
        description: f.description,
        nullable: f.nullable,
        values: f.values,
      }),
    );
  const fields: Field[] = [
    idField(table.id),
    ...data.map((f) => keyedFilter(f, columns)),
    timeField('Created_Time', table.createdAt),
    timeField('Modified_Time', table.updatedAt),
  ];
  return {
    api: declaration.apiName,
    singular: declaration.singular,
    description: declaration.description,
    read: declaration.read,
    write: declaration.write,
    table,
    fields,
    defaultOrder: [table.id],
    example: declaration.example,
    writes: catalogWrites<I>(fields, { ...ops, duplicateCheckFields: duplicateCheckFields(declaration) }),
    declaration,
  };
}
