import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { likePattern } from '@/lib/data-table/params';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import { rows } from '@/lib/sql-rows';
import { canonicalKey } from '@/lib/text/canonical-key';
import { canonicalEan } from '@/lib/validation/ean';

/** What a document line needs to know about its item (prices become the line's defaults). */
export type LineItemOption = {
  id: string;
  code: string;
  name: string;
  unit: string;
  trackSerials: boolean;
  purchasePrice: string;
  salePrice: string;
  vatRate: string;
};

const itemColumns = sql`id::text, code, name, unit, track_serials as "trackSerials",
  trim_scale(purchase_price)::text as "purchasePrice", trim_scale(sale_price)::text as "salePrice", trim_scale(vat_rate)::text as "vatRate"`;

/** A scanned or typed code: the item code (as it reads: any case or width) or the EAN, active items only. */
export async function findItemByCodeOrEan(db: DbOrTx, text: string): Promise<LineItemOption | null> {
  const key = canonicalKey(text);
  const [row] = await rows<LineItemOption>(
    db,
    sql`
    select ${itemColumns} from item where active and (code_key = ${key} or ean = ${canonicalEan(text)})
    order by (code_key = ${key}) desc limit 1`,
  );
  return row ?? null;
}

/** An active item by id: the line a receipt or issue started from the item's page begins with. */
export async function findLineItemById(db: DbOrTx, id: bigint): Promise<LineItemOption | null> {
  const [row] = await rows<LineItemOption>(db, sql`select ${itemColumns} from item where active and id = ${id}`);
  return row ?? null;
}

/** The item picker: code or name contains the text (trigram index on name), or the exact EAN. */
export async function searchLineItems(db: DbOrTx, text: string, limit = 20): Promise<LineItemOption[]> {
  const pattern = likePattern(text);
  return rows<LineItemOption>(
    db,
    sql`
    select ${itemColumns} from item
    where active and (${text} = '' or code ilike ${pattern} or name ilike ${pattern} or ean = ${text})
    order by code limit ${limit}`,
  );
}

export type PartnerOption = { id: string; code: string; name: string };

/** Suppliers for receipts and purchase invoices, customers for issues and sales invoices ("both" fits either). */
const fitsKind = (kind: DocumentKind) => sql`type in (${KINDS[kind].partnerRole}, 'both')`;

/**
 * The partner picker: code or name contains the text. No trigram index like the items': partners number
 * in the thousands, where PostgreSQL prefers reading them all (a few milliseconds) even when one exists.
 */
export async function searchPartnerOptions(
  db: DbOrTx,
  kind: DocumentKind,
  text: string,
  limit = 20,
): Promise<PartnerOption[]> {
  const pattern = likePattern(text);
  return rows<PartnerOption>(
    db,
    sql`
    select id::text, code, name from partner
    where ${fitsKind(kind)} and (${text} = '' or code ilike ${pattern} or name ilike ${pattern})
    order by partner.name, partner.id limit ${limit}`,
  );
}

/** The partner a list is filtered by, for its label; null when it is gone or does not fit the kind. */
export async function partnerOptionById(db: DbOrTx, kind: DocumentKind, id: bigint): Promise<PartnerOption | null> {
  const [row] = await rows<PartnerOption>(
    db,
    sql`select id::text, code, name from partner where id = ${id} and ${fitsKind(kind)}`,
  );
  return row ?? null;
}

/** The role of a document that exists, so an action can check the permission of its real kind. */
export async function documentKindOf(db: DbOrTx, id: bigint): Promise<DocumentKind | null> {
  const [row] = await rows<{ kind: DocumentKind }>(db, sql`select kind from document where id = ${id}`);
  return row?.kind ?? null;
}
