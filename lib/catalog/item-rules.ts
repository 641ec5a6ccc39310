import { and, eq, gt, sql, sum } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { item, serialNumber, stockLevel } from '@/db/schema';
import { violatedUnique } from '@/lib/db-errors';
import { trimZeros } from '@/lib/decimal';
import { rows } from '@/lib/sql-rows';
import { DomainError } from '@/lib/errors';
import type { ItemData } from '@/lib/validation/catalog';
import { assertCurrentVersion, type Edit } from '@/lib/versions';
import { duplicateCodeError } from './code-key';
import { keyOfColumn, sqlName, type ItemKey, type ItemRow, type StoredItem } from './item-columns';

/** One write as a rule sees it: the item as stored (null for a new one), the values it will hold, who saves. */
export interface ItemWrite<S extends StoredItem = StoredItem> {
  stored: S | null;
  data: ItemData;
  edit: Edit;
}

/**
 * A rule every item write keeps, declared once for the one item writer (item-writer.ts), which every door
 * reaches: the form and the records API through createItem/updateItem, an import's chunk directly.
 */
export interface ItemRule {
  name: string;
  /**
   * Whether `check` must look at this write. Judged without the database, so writeItems knows before it
   * writes which rows it cannot batch. Absent: every write.
   */
  appliesTo?(write: ItemWrite): boolean;
  /**
   * Refuses the write with a DomainError. Checks run only on the writer's one-by-one way (in the writing
   * transaction, the stored row locked), so the writer sends every row a checked rule applies to that way.
   */
  check?(tx: DbOrTx, write: ItemWrite<ItemRow>): Promise<void>;
  /**
   * A rule the table keeps by itself: no two items share a value of `key`, which the unique indexes on
   * `indexed` enforce. A batch statement that breaks it fails as a whole and its rows are written one by
   * one, where `refusal` words the violation; rows of one batch sharing a value go one by one from the start.
   */
  unique?: { key: PgColumn; indexed: PgColumn[]; refusal(db: DbOrTx, data: ItemData): Promise<DomainError> };
}

const trackingSwitch: ItemRule = {
  name: 'serial-number tracking switches only while no stock, document or open count of the item depends on it',
  appliesTo: ({ stored, data }) => stored !== null && stored.trackSerials !== data.trackSerials,
  check: async (tx, { stored, data }) => {
    await assertTrackingSwitchAllowed(tx, stored!, data.trackSerials);
    await assertNothingRecordedInMode(tx, stored!, data.trackSerials);
  },
};

/**
 * The rules, in the order they are checked. Exported as a list so that a rule added here reaches every way
 * and every door (test/modules/item-doors-agree.int.test.ts adds one: the form, the records API and an import refuse).
 */
export const ITEM_RULES: ItemRule[] = [
  {
    name: 'an edit form saves over the version it was loaded from',
    // The records API and imports send no version: their fields are laid over the row under its lock.
    appliesTo: ({ stored, edit }) => stored !== null && edit.version !== undefined && edit.version !== null,
    check: (tx, { stored, edit }) => assertCurrentVersion(tx, stored!, edit.version),
  },
  trackingSwitch,
  {
    name: 'codes are unique by their canonical key (abc-1 is ABC-1)',
    // Equal codes have equal keys, so the key alone tells which rows share a code; both columns are indexed.
    unique: {
      key: item.codeKey,
      indexed: [item.code, item.codeKey],
      refusal: (db, data) => duplicateCodeError(db, 'item', data.code),
    },
  },
  {
    name: 'EANs are unique',
    unique: {
      key: item.ean,
      indexed: [item.ean],
      refusal: async (_db, data) => {
        const message = `EAN ${data.ean} is already used by another item.`;
        return new DomainError('DUPLICATE_DATA', message, { ean: message });
      },
    },
  },
];

const applies = (rule: ItemRule, write: ItemWrite) => rule.appliesTo?.(write) ?? true;

/** Whether a write must go the one-by-one way: a rule with a check applies to it. */
export function needsOneByOne(write: ItemWrite): boolean {
  return ITEM_RULES.some((rule) => rule.check !== undefined && applies(rule, write));
}

export async function checkItemRules(tx: DbOrTx, write: ItemWrite<ItemRow>): Promise<void> {
  for (const rule of ITEM_RULES) if (rule.check && applies(rule, write)) await rule.check(tx, write);
}

/** The columns whose values two rows of one batch must not share. */
export function uniqueKeys(): ItemKey[] {
  return ITEM_RULES.flatMap((rule) => (rule.unique ? [keyOfColumn(rule.unique.key)] : []));
}

/** A unique violation in the words of the rule it broke; null for any other error. */
export async function refusalOf(db: DbOrTx, error: unknown, data: ItemData): Promise<DomainError | null> {
  const constraint = violatedUnique(error);
  if (constraint === null) return null;
  // The indexes are named after their columns (item_code_key_index, item_ean_index).
  const rule = ITEM_RULES.find((r) => r.unique?.indexed.some((c) => constraint.includes(sqlName(keyOfColumn(c)))));
  return rule?.unique ? rule.unique.refusal(db, data) : null;
}

async function assertTrackingSwitchAllowed(tx: DbOrTx, current: ItemRow, turnOn: boolean) {
  if (!turnOn) {
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(serialNumber)
      .where(and(eq(serialNumber.itemId, current.id), eq(serialNumber.status, 'in_stock')));
    if (n > 0) {
      throw new DomainError(
        'CONFLICT',
        `Serial-number tracking of ${current.code} cannot be switched off: ${n} serial number${n === 1 ? ' is' : 's are'} in stock.`,
        { trackSerials: 'Issue the serial numbers in stock first.' },
      );
    }
    return;
  }
  const [{ onHand }] = await tx
    .select({ onHand: sum(stockLevel.quantity) })
    .from(stockLevel)
    .where(and(eq(stockLevel.itemId, current.id), gt(stockLevel.quantity, '0')));
  // Only positive quantities are summed: any sum at all is stock without serials.
  if (onHand !== null) {
    throw new DomainError(
      'CONFLICT',
      `Serial-number tracking of ${current.code} cannot be switched on: ${trimZeros(onHand)} ${current.unit} are in stock without serial numbers.`,
      { trackSerials: 'Issue the stock without serial numbers first.' },
    );
  }
}

/** The documents (up to 4, by number) and open counts that use an item: what fixes its tracking mode. */
export async function trackingUses(db: DbOrTx, itemId: bigint): Promise<{ documents: string[]; stocktakes: string[] }> {
  const [found] = await rows<{ documents: string[]; stocktakes: string[] }>(
    db,
    sql`select
      array(select d.number from document d where d.id in (select distinct l.document_id from document_line l
        where l.item_id = ${itemId} limit 4) order by d.number) as documents,
      array(select st.number from stocktake st where st.status = 'open' and (
        exists (select 1 from stocktake_scan sc where sc.stocktake_id = st.id and sc.item_id = ${itemId})
        or exists (select 1 from stocktake_count co where co.stocktake_id = st.id and co.item_id = ${itemId}))
        order by st.number) as stocktakes`,
  );
  return found;
}

const named = (numbers: string[]) =>
  numbers.length > 3 ? `${numbers.slice(0, 3).join(', ')} and more` : numbers.join(', ');

/** What the item form says beside the checkbox when the switch would be refused; null while it is free. */
export function trackingFixedBecause(uses: { documents: string[]; stocktakes: string[] }): string | null {
  if (uses.documents.length > 0)
    return `Documents use this item (${named(uses.documents)}), so its tracking can no longer be switched.`;
  if (uses.stocktakes.length > 0)
    return `The open stocktake ${named(uses.stocktakes)} has counted this item: its tracking is fixed until it closes.`;
  return null;
}

/**
 * Whether an item tracks serials is part of every document line of it: its lines were posted, and would be undone
 * or edited, in that mode. Switched with documents behind it, deleting an old issue of counted goods brought back
 * stock a tracked item has no serials for, and deleting an old issue of serials left them "issued" by a line that
 * no longer exists (hostile findings, December 2026). So the switch waits for an item no document and no open count
 * uses, as ERPs refuse a tracking change once the item has entries. Postings read the item FOR SHARE, scans and
 * counts FOR KEY SHARE, and the switch holds it FOR UPDATE (item-write-one.ts), which conflicts with both: whichever
 * comes second waits for the first's commit and then sees what it wrote.
 */
async function assertNothingRecordedInMode(tx: DbOrTx, current: ItemRow, turnOn: boolean) {
  const found = await trackingUses(tx, current.id);
  const switched = `Serial-number tracking of ${current.code} cannot be switched ${turnOn ? 'on' : 'off'}`;
  if (found.documents.length > 0)
    throw new DomainError(
      'CONFLICT',
      `${switched}: documents record the item ${turnOn ? 'without' : 'with'} serial numbers (${named(found.documents)}).`,
      { trackSerials: 'Delete those documents first, or create a new item for the other way of tracking.' },
    );
  if (found.stocktakes.length > 0)
    throw new DomainError('CONFLICT', `${switched}: the open stocktake ${named(found.stocktakes)} has counted it.`, {
      trackSerials: 'Close or cancel the stocktake first.',
    });
}
