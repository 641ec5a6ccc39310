import { inArray, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { document, item, partner, stocktake, warehouse } from '@/db/schema';
import { parseId } from '@/lib/ids';
import { canonicalKey } from '@/lib/text/canonical-key';
import { canonicalEan } from '@/lib/validation/ean';
import { ProtocolError } from '@/lib/errors';

/**
 * A record another record refers to, and the unique fields a client may name it by: each field's
 * stored canonical column and how a sent value becomes comparable with it (a code as it reads, so
 * `abc-1` finds `ABC-1`; an EAN without spaces or full-width digits).
 */
type RefKey = { column: PgColumn; canonical: (value: string) => string };
export type RefTarget = { what: string; table: PgTable; id: PgColumn; keys: Record<string, RefKey> };

const codeKey = (column: PgColumn): RefKey => ({ column, canonical: canonicalKey });
export const ITEM_REF: RefTarget = {
  what: 'item',
  table: item,
  id: item.id,
  keys: { Code: codeKey(item.codeKey), EAN: { column: item.ean, canonical: canonicalEan } },
};
export const PARTNER_REF: RefTarget = {
  what: 'partner',
  table: partner,
  id: partner.id,
  keys: { Code: codeKey(partner.codeKey) },
};
export const WAREHOUSE_REF: RefTarget = {
  what: 'warehouse',
  table: warehouse,
  id: warehouse.id,
  keys: { Code: codeKey(warehouse.codeKey) },
};
/** A transfer by the number SerialStock assigned it (the core checks that the document is a transfer). */
export const TRANSFER_REF: RefTarget = {
  what: 'transfer',
  table: document,
  id: document.id,
  keys: { Number: { column: document.number, canonical: (text) => text } },
};

/** Any document by its number (a return's Return_Of); the core checks that its kind fits the return. */
export const DOCUMENT_REF: RefTarget = {
  what: 'document',
  table: document,
  id: document.id,
  keys: { Number: { column: document.number, canonical: (text) => text } },
};

/** A stocktake by the number SerialStock assigned it (ST-YYYY-NNNNN); whether it is open is the core's to say. */
export const STOCKTAKE_REF: RefTarget = {
  what: 'stocktake',
  table: stocktake,
  id: stocktake.id,
  keys: { Number: { column: stocktake.number, canonical: (text) => text } },
};

/** The value as the lookup compares it: an id's digits, or the key field's canonical form. */
function comparable(target: RefTarget, key: string, text: string): string {
  return key === 'id' ? String(parseId(text) ?? '') : target.keys[key].canonical(text);
}

type Where = { apiName: string; jsonPath: string };

/**
 * Turns {"id": …}, {"Code": …} or {"EAN": …} into the id the lib takes (id wins when several are
 * given, as in a record read back from GET). Missing → '' so the lib's own "Choose the …" message
 * applies; a lookup that matches nothing → RESOURCE_NOT_FOUND naming the field. One query per key
 * kind, however many lines refer to items.
 */
export async function resolveRefs(
  db: DbOrTx,
  target: RefTarget,
  values: unknown[],
  wheres: Where[],
): Promise<(bigint | '')[]> {
  const wanted = values.map((value, i) =>
    value === undefined || value === null || value === '' ? null : refKey(target, value, wheres[i]),
  );
  const found = new Map<string, bigint>();
  for (const key of new Set(wanted.flatMap((w) => (w ? [w[0]] : [])))) {
    const texts = [...new Set(wanted.flatMap((w) => (w && w[0] === key ? [w[1]] : [])))];
    const col = key === 'id' ? target.id : target.keys[key].column;
    const params = key === 'id' ? texts.map((t) => parseId(t) ?? -1n) : texts.map((t) => comparable(target, key, t));
    const rows = await db
      .select({ id: target.id, value: sql<string>`${col}::text` })
      .from(target.table)
      .where(inArray(col, params));
    for (const row of rows) found.set(`${key}:${row.value}`, row.id as bigint);
  }
  return wanted.map((w, i) => {
    if (!w) return '';
    const id = found.get(`${w[0]}:${comparable(target, w[0], w[1])}`);
    if (id === undefined) {
      throw new ProtocolError('RESOURCE_NOT_FOUND', `No ${target.what} with ${w[0]} ${w[1]} exists.`, {
        api_name: wheres[i].apiName,
        json_path: wheres[i].jsonPath,
      });
    }
    return id;
  });
}

export async function resolveRef(db: DbOrTx, target: RefTarget, value: unknown, where: Where): Promise<bigint | ''> {
  return (await resolveRefs(db, target, [value], [where]))[0];
}

function refKey(target: RefTarget, value: unknown, where: Where): [string, string] {
  const keys = ['id', ...Object.keys(target.keys)];
  if (typeof value === 'object' && !Array.isArray(value)) {
    const ref = value as Record<string, unknown>;
    for (const key of keys) {
      const v = ref[key];
      if ((typeof v === 'string' && v.trim() !== '') || typeof v === 'number') return [key, String(v).trim()];
    }
  }
  const forms = keys
    .map((k) => `{"${k}": "…"}`)
    .join(', ')
    .replace(/, ([^,]*)$/, ' or $1');
  throw new ProtocolError('INVALID_DATA', `${where.apiName} must name the ${target.what} as ${forms}.`, {
    api_name: where.apiName,
    json_path: where.jsonPath,
  });
}
