import { inArray } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { document, item, partner, stocktake, warehouse } from '@/db/schema';
import { parseId } from '@/lib/ids';
import type { TableRow } from '@/lib/import/files';
import type { LookupModule } from '@/lib/modules';
import { canonicalKey } from '@/lib/text/canonical-key';
import { canonicalEan } from '@/lib/validation/ean';
import { mappingFor, type DocumentContext } from './context';
import { readCell } from './row-values';

/** Lookup field → (key as written in the file → record id), loaded once per chunk. */
export type Lookups = Map<string, Map<string, bigint>>;

// Codes are found as they read (`abc-1` finds `ABC-1`), EANs as a scanner reads them: by their canonical columns.
const TABLES = {
  Items: { table: item, columns: { Code: item.codeKey, EAN: item.ean, id: item.id } },
  Partners: { table: partner, columns: { Code: partner.codeKey, id: partner.id } },
  Warehouses: { table: warehouse, columns: { Code: warehouse.codeKey, id: warehouse.id } },
  // By its number as assigned (a transfer arrival names its transfer); the core checks it is a transfer.
  Transfers: { table: document, columns: { Number: document.number, id: document.id } },
  // Any document by its number (a return names the sale or purchase its goods go back on); the core checks its kind.
  Documents: { table: document, columns: { Number: document.number, id: document.id } },
  // A count by its number (ST-…); the core checks it is still open.
  Stocktakes: { table: stocktake, columns: { Number: stocktake.number, id: stocktake.id } },
} as const;
const CANONICAL: Record<string, (text: string) => string> = {
  Code: canonicalKey,
  EAN: canonicalEan,
  id: (text) => text,
};

export async function loadKeys(
  tx: DbOrTx,
  module: LookupModule,
  findBy: string,
  keys: string[],
): Promise<Map<string, bigint>> {
  const { table, columns } = TABLES[module];
  const column = (columns as Record<string, PgColumn>)[findBy];
  const canonical = CANONICAL[findBy] ?? ((text: string) => text);
  const usable = findBy === 'id' ? keys.filter((key) => parseId(key) !== null) : keys;
  if (usable.length === 0) return new Map();
  const wanted = findBy === 'id' ? usable.map((key) => parseId(key)!) : [...new Set(usable.map(canonical))];
  const rows = await tx.select({ id: table.id, key: column }).from(table).where(inArray(column, wanted));
  const idByKey = new Map(rows.map((row) => [String(row.key), row.id]));
  // Keyed by the text as written in the file, which is what the rows look up.
  return new Map(
    usable.flatMap((text) => {
      const id = idByKey.get(findBy === 'id' ? String(parseId(text)) : canonical(text));
      return id === undefined ? [] : [[text, id] as const];
    }),
  );
}

/**
 * Resolves every Partner, Warehouse and Item of a chunk: one query per lookup field, by its find_by (Code by default).
 */
export async function loadLookups(tx: DbOrTx, ctx: DocumentContext, rows: TableRow[]): Promise<Lookups> {
  const lookups: Lookups = new Map();
  for (const field of ctx.module.fields) {
    const mapping = mappingFor(ctx, field.apiName);
    if (!field.lookup || !mapping) continue;
    const keys = new Set<string>();
    for (const row of rows) {
      const text = readCell(row, mapping);
      if (text !== null) keys.add(text.trim());
    }
    // Without a find_by, the lookup's first key (Code; a transfer's Number).
    lookups.set(
      field.apiName,
      await loadKeys(tx, field.lookup.module, mapping.findBy ?? field.lookup.findBy[0], [...keys]),
    );
  }
  return lookups;
}
