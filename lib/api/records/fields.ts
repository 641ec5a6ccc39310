import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { document, user } from '@/db/schema';

/** How a value in a criteria, a list filter or a duplicate check is read and compared. */
export type ValueKind = 'text' | 'enum' | 'boolean' | 'id' | 'decimal' | 'integer' | 'date' | 'datetime';

/**
 * Where a field can be searched: `apply` receives the comparison and puts it on the right column —
 * the field's own, or the code of a record it refers to (Partner.Code) through a subquery.
 */
export type Filter = {
  kind: ValueKind;
  values?: readonly string[];
  apply: (compare: (column: SQLWrapper) => SQL) => SQL;
  /** A column of canonical keys is compared with the key of the sent text (a serial as it reads). */
  canonical?: (text: string) => string;
};

/** A sub-field of a list field (a document's Lines): how it is named on the wire and in the lib input. */
export type SubField = { api: string; input: string; in: z.ZodType; description?: string };

/**
 * One field of a module, declared once: the wire name, the response and request shapes (OpenAPI is
 * generated from them), the lib input key it maps to, and how it is read, sorted and searched.
 */
export type Field = {
  api: string;
  description?: string;
  /** The shape in responses. */
  out: z.ZodType;
  /** The shape in requests; a field without one is read-only (sent values are ignored). */
  in?: z.ZodType;
  /** The key of the lib's input (the shared zod schema) this field fills. */
  input?: string;
  /** Sub-fields of a list (document lines), for mapping their errors back to API names. */
  of?: SubField[];
  select?: SQL | PgColumn;
  sort?: SQLWrapper;
  filter?: Filter;
  /** Lookups search by the referred record's id or code: `Partner.Code`. */
  subFilters?: Record<string, Filter>;
  /**
   * Part of the quick `?word=` search: true, case-insensitive anywhere in the text; 'key', a column of canonical keys
   * searched as serials are everywhere (lib/search/key-search.ts: anywhere in the key, served by its trigram index,
   * exact and starting matches first).
   */
  word?: boolean | 'key';
  /**
   * Where the quick search looks when not at `filter` (a code is found by its key, but searched as typed, by its
   * trigram index).
   */
  wordFilter?: Filter;
  /** Loaded after the main query for a whole page at once, keyed by record id. */
  expand?: (db: DbOrTx, ids: bigint[]) => Promise<Map<string, unknown>>;
  /** Only in single-record answers unless asked for with `fields` (a serial's full history). */
  detailOnly?: boolean;
  /**
   * Sent, never answered: the field steers a write and has no column (ModuleField.writeOnly). Reads, `fields` and the
   * read schema leave it out; `out` is only its shape.
   */
  writeOnly?: boolean;
};

/** The fields a read may answer: every field but the write-only ones. */
export const readableFields = (fields: Field[]): Field[] => fields.filter((f) => !f.writeOnly);

/** A write-only input of the lib (ModuleField.writeOnly): no column, no select, never in an answer. */
export function writeOnlyField(api: string, input: string, schema: z.ZodType, description?: string): Field {
  return { api, description, out: schema, in: schema, input, writeOnly: true };
}

export const column = (kind: ValueKind, col: SQLWrapper, values?: readonly string[]): Filter => ({
  kind,
  values,
  apply: (compare) => compare(col),
});

/** Searches a foreign key by a column of the referred table: `fk in (select id from t where …)`. */
export const via = (kind: ValueKind, fk: SQLWrapper, table: PgTable, id: PgColumn, col: PgColumn): Filter => ({
  kind,
  apply: (compare) => sql`${fk} in (select ${id} from ${table} where ${compare(col)})`,
});

// Wire formats. Decimals leave as strings so no client float ever rounds a price or a quantity.
export const idOut = z.string().regex(/^\d+$/).describe('Numeric id, sent as a string (64-bit).');
export const decimalOut = (what: string) =>
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .describe(`${what}: an exact decimal sent as a JSON string (e.g. "12.5"), never a float.`);
export const timeOut = z.iso.datetime({ offset: true }).describe('ISO 8601 date-time with offset.');
export const dateOut = z.iso.date().describe('Date as YYYY-MM-DD.');
export const userOut = z.object({ id: idOut, name: z.string() }).describe('A user of SerialStock.');
export const refOut = z.object({ id: idOut, Code: z.string(), Name: z.string() });

export const idText = (col: SQLWrapper) => sql<string>`${col}::text`;
export const decimalText = (col: SQLWrapper) => sql<string | null>`trim_scale(${col})::text`;
export const isoTime = (col: SQLWrapper) =>
  sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"')`;

/**
 * A column with its table's name. Drizzle writes columns placed directly in a single-table select
 * without it, which inside a correlated subquery could bind to the inner table (a document referring
 * to another document); a nested SQL keeps the table name.
 */
export const qualified = (col: SQLWrapper) => sql`${col}`;

/** A referred record as {id, Code, Name}, read by a correlated subquery (null when the key is null). */
export const refJson = (table: PgTable, id: PgColumn, code: PgColumn, name: PgColumn, fk: SQLWrapper) =>
  refJsonOf(table, id, { Code: code, Name: name }, fk);
export const userJson = (fk: SQLWrapper) => refJsonOf(user, user.id, { name: user.name }, fk);

/** A document linked to a document (an invoice's goods document), under an alias so the outer row stays apart. */
const linked = alias(document, 'linked');
export const documentLinkJson = (fk: SQLWrapper) =>
  refJsonOf(linked, linked.id, { Number: linked.number }, fk, sql`${document} as ${sql.identifier('linked')}`);

/** {id, …props} of the record a foreign key points at; `from` names an aliased table. */
export function refJsonOf(
  table: PgTable,
  id: PgColumn,
  props: Record<string, PgColumn>,
  fk: SQLWrapper,
  from: SQL = sql`${table}`,
) {
  const pairs = Object.entries(props).map(
    ([key, col]) => sql`${sql.raw(`'${key.replace(/\W/g, '')}'`)}, ${qualified(col)}`,
  );
  return sql`(select json_build_object('id', ${qualified(id)}::text, ${sql.join(pairs, sql`, `)}) from ${from} where ${qualified(id)} = ${qualified(fk)})`;
}

/**
 * A stored column the API reads and (with `input`) writes: selected as text where exactness matters,
 * sorted and searched on the column itself.
 */
export function dataField(
  api: string,
  col: PgColumn,
  kind: ValueKind,
  opts: {
    in?: z.ZodType;
    input?: string;
    out?: z.ZodType;
    values?: readonly string[];
    nullable?: boolean;
    word?: boolean | 'key';
    description?: string;
  } = {},
): Field {
  const base = opts.out ?? outFor(kind, api, opts.values);
  return {
    api,
    description: opts.description,
    out: opts.nullable ? base.nullable() : base,
    in: opts.in,
    input: opts.input,
    select: kind === 'decimal' ? decimalText(col) : kind === 'date' ? sql<string>`${col}::text` : col,
    sort: col,
    filter: column(kind, col, opts.values),
    word: opts.word,
  };
}

function outFor(kind: ValueKind, api: string, values?: readonly string[]): z.ZodType {
  if (kind === 'decimal') return decimalOut(api.replaceAll('_', ' '));
  if (kind === 'integer') return z.int();
  if (kind === 'boolean') return z.boolean();
  if (kind === 'enum' && values) return z.enum(values as [string, ...string[]]);
  if (kind === 'date') return dateOut;
  if (kind === 'datetime') return timeOut;
  if (kind === 'id') return idOut;
  return z.string();
}

export function idField(col: PgColumn): Field {
  return { api: 'id', out: idOut, select: idText(col), sort: col, filter: column('id', col) };
}

export function timeField(api: 'Created_Time' | 'Modified_Time', col: PgColumn): Field {
  const what = api === 'Created_Time' ? 'When the record was created.' : 'When the record was last changed.';
  return { api, description: what, out: timeOut, select: isoTime(col), sort: col, filter: column('datetime', col) };
}

export function userField(api: 'Created_By' | 'Modified_By', fk: PgColumn): Field {
  const out = api === 'Created_By' ? userOut : userOut.nullable();
  return { api, out, select: userJson(fk), subFilters: { id: column('id', fk) } };
}
