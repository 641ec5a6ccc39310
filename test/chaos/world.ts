// The small world the chaos clients fight over: 2 warehouses, 3 items (2 serial-tracked), 8 serial
// numbers per tracked item, 2 suppliers and 2 customers, one API key per client. Small on purpose, so that
// operations collide.
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { partner } from '@/db/schema';
import { withCodeKeys } from '@/lib/catalog/code-key';
import type { Principal } from '@/lib/auth/principal';
import { keyFor } from '@/test/api/records-client';
import { seedWorld } from '@/test/fixtures';
import { principalOf } from '@/test/import/jobs';
import { partnerSide, type Content } from './history';

export const SERIALS_PER_ITEM = 8;
export const WAREHOUSE_CODES = ['MAIN', 'SHOP'] as const;
export const ITEM_CODES = ['ACME-1', 'ACME-2', 'CABLE'] as const;
export const TRACKED_ITEMS = [0, 1] as const;
/** The fixtures' SUP and CUS, and a second of each, so that edits can switch a document's partner. */
export const SUPPLIER_CODES = ['SUP', 'SUP-2'] as const;
export const CUSTOMER_CODES = ['CUS', 'CUS-2'] as const;
const SERIAL_PREFIXES = ['A', 'B'] as const;

export type World = {
  db: Db;
  actor: { userId: number };
  itemIds: bigint[];
  warehouseIds: bigint[];
  /** In SUPPLIER_CODES and CUSTOMER_CODES order. */
  supplierIds: bigint[];
  customerIds: bigint[];
  apiKeys: string[];
  importer: Principal;
};

/** The pool of serial texts of a tracked item: A01 … A08 for ACME-1, B01 … B08 for ACME-2. */
export function serialPool(item: 0 | 1): string[] {
  return Array.from(
    { length: SERIALS_PER_ITEM },
    (_, i) => `${SERIAL_PREFIXES[item]}${String(i + 1).padStart(2, '0')}`,
  );
}

/** The code of the partner a content names (what the API door and the importer send), or null. */
export function partnerCodeOf(content: Pick<Content, 'kind' | 'partner'>): string | null {
  const side = partnerSide(content.kind);
  if (side === null) return null;
  return (side === 'supplier' ? SUPPLIER_CODES : CUSTOMER_CODES)[content.partner ?? 0];
}

/** The id of the partner a content names (what the core door writes and the checks expect stored), or null. */
export function partnerIdOf(world: World, content: Pick<Content, 'kind' | 'partner'>): bigint | null {
  const side = partnerSide(content.kind);
  if (side === null) return null;
  return (side === 'supplier' ? world.supplierIds : world.customerIds)[content.partner ?? 0];
}

/** Creates the catalog once (the fixtures' items, warehouses and partners, a second partner of each) and the keys. */
export async function createWorld(db: Db, clients: number): Promise<World> {
  const w = await seedWorld(db);
  const [supplier2, customer2] = await db
    .insert(partner)
    .values(
      withCodeKeys([
        { code: SUPPLIER_CODES[1], name: 'Second supplier', type: 'supplier' },
        { code: CUSTOMER_CODES[1], name: 'Second customer', type: 'customer' },
      ]),
    )
    .returning({ id: partner.id });
  const apiKeys: string[] = [];
  for (let c = 0; c < clients; c++) apiKeys.push((await keyFor(db, 'admin', `chaos client ${c}`)).key);
  const importerKey = await keyFor(db, 'admin', 'chaos importer');
  // A long run sends far more than a real client would; the records API's per-key limit is not under test.
  process.env.RECORDS_RATE_LIMIT = '100000000';
  return {
    db,
    actor: w.actor,
    itemIds: [w.tracked, w.other, w.plain],
    warehouseIds: [w.main, w.shop],
    supplierIds: [w.supplier, supplier2.id],
    customerIds: [w.customer, customer2.id],
    apiKeys,
    importer: principalOf(importerKey),
  };
}

/** Empties every table a round writes, so each round starts from no stock; the catalog and keys stay. */
export async function resetStock(db: Db): Promise<void> {
  await db.execute(sql`truncate table expected_serial, serial_movement, serial_number, stock_level, document_line, document, document_series,
    audit_log, import_result_chunk, import_job, import_file, stocktake_scan, stocktake_count, stocktake_item, stocktake,
    stocktake_series`);
}

/** A serial as the runner sees it just before a step. */
export type SerialState = {
  item: 0 | 1;
  serial: string;
  status: 'in_stock' | 'issued' | 'in_transit';
  warehouse: 0 | 1;
};

export async function readSerials(world: World): Promise<SerialState[]> {
  const found = await world.db.execute<{
    itemId: string;
    serial: string;
    status: SerialState['status'];
    warehouseId: string;
  }>(sql`
    select item_id::text as "itemId", serial, status, warehouse_id::text as "warehouseId" from serial_number`);
  return found.map((s) => ({
    item: world.itemIds.findIndex((id) => String(id) === s.itemId) as 0 | 1,
    serial: s.serial,
    status: s.status,
    warehouse: world.warehouseIds.findIndex((id) => String(id) === s.warehouseId) as 0 | 1,
  }));
}
