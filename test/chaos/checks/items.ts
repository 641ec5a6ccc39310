// (c) for item partial updates, exactly: client c alone writes field ITEM_FIELDS[c] of every item, one
// write at a time, so each field must end with the last value its owner got acknowledged (or the value
// it had before the round). Any other value means an update was lost or a refused one applied.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Entry } from '../history';
import { ITEM_FIELDS, type ItemField } from '../operations';
import { ITEM_CODES, type World } from '../world';
import type { CheckResult, Violation } from './check';

export type ItemValues = Record<ItemField, string | null>[];

const COLUMNS: Record<ItemField, string> = {
  Name: 'name',
  Purchase_Price: 'purchase_price',
  Sale_Price: 'sale_price',
  Description: 'description',
  Min_Stock: 'min_stock',
};

/** The owned fields of the chaos items, in ITEM_CODES order. */
export async function readItemValues(db: DbOrTx, world: World): Promise<ItemValues> {
  const found = await db.execute<{ id: string } & Record<ItemField, string | null>>(sql`
    select id::text, name as "Name", purchase_price::text as "Purchase_Price", sale_price::text as "Sale_Price",
      description as "Description", min_stock::text as "Min_Stock"
    from item where id = any(${`{${world.itemIds.join(',')}}`}::bigint[])`);
  return world.itemIds.map((id) => found.find((row) => row.id === String(id))!);
}

const same = (field: ItemField, a: string | null, b: string | null) =>
  COLUMNS[field] === 'name' || COLUMNS[field] === 'description'
    ? a === b
    : (a === null ? null : Number(a)) === (b === null ? null : Number(b));

export async function itemChecks(
  db: DbOrTx,
  world: World,
  before: ItemValues,
  entries: Entry[],
  clients: number,
): Promise<CheckResult> {
  const after = await readItemValues(db, world);
  const violations: Violation[] = [];
  for (const [item, code] of ITEM_CODES.entries()) {
    for (const field of ITEM_FIELDS.slice(0, clients)) {
      const acknowledged = entries.filter(
        (e) => e.action === 'itemUpdate' && e.item === item && e.field === field && e.outcome.status === 'ok',
      );
      const last = acknowledged.sort((a, b) => a.end - b.end).at(-1);
      const expected = last ? last.value! : before[item][field];
      if (same(field, after[item][field], expected)) continue;
      violations.push({
        detail: `${code}.${field} is "${after[item][field]}", but the last value its owner got acknowledged is "${expected}"${last ? ` (#${last.seq})` : ' (none: the value before the round)'}`,
        itemField: { item, field },
        seqs: last ? [last.seq] : [],
      });
    }
  }
  return { name: "(c) item fields end with their owner's last acknowledged value (no lost update)", violations };
}
