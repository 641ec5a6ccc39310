// A count in the chaos: a client opens a stocktake of one warehouse, scans a few serials of the pool (in stock there,
// elsewhere, issued, or never received: closing then receives it), counts the untracked item, and closes the count
// (or cancels it) while the other clients post, edit and delete documents of the same serials. A close whose
// differences changed since its plan was read is refused (CONFLICT), as the web's confirmation would be. The scans and
// the count go in through the core (what the count page calls) or the records API's Stocktake_Entries; the API has
// no open or close, so those are the core's either way.
import { isDomainError } from '@/lib/errors';
import { closeStocktake } from '@/lib/inventory/stocktake/close';
import { cancelStocktake, openStocktake } from '@/lib/inventory/stocktake/open';
import { adjustmentPlan, planDigest } from '@/lib/inventory/stocktake/plan';
import { enterCount, scanSerial } from '@/lib/inventory/stocktake/scan';
import { outcomeOfError, writeRecord, type DoorResult } from './doors';
import type { Outcome } from './history';
import type { StocktakePlan } from './operations';
import { dayOf } from './resolve';
import { ITEM_CODES, serialPool, type World } from './world';

/** The note a close writes on its documents: the count's number and, as the reason, the operation's marker. */
export const stocktakeNote = (number: string, marker: string) => `Stocktake ${number}: ${marker}`;

type Opened = { id: bigint; number: string };

/** Where a count's entries go in. A refused scan is an answer to the scanner; what ends the count is thrown. */
type EntryDoor = { scan: (item: 0 | 1, serial: string) => Promise<void>; count: (quantity: number) => Promise<void> };

/** An API answer that ends the count: a failure, or a refused count (as the core's refusal of one is thrown). */
class EndingAnswer extends Error {
  constructor(readonly outcome: Outcome) {
    super(outcome.status);
  }
}

export async function countAndClose(world: World, client: number, plan: StocktakePlan, step: number, marker: string) {
  const { db, actor } = world;
  const warehouseId = world.warehouseIds[plan.warehouse];
  const date = dayOf(step);
  let opened: Opened | null = null;
  try {
    opened = await openStocktake(db, { date, warehouseId }, actor);
    const entries = plan.door === 'api' ? apiEntries(world.apiKeys[client], opened) : coreEntries(world, opened);
    for (const pick of plan.picks) {
      const item = (pick % 2) as 0 | 1;
      const pool = serialPool(item);
      await entries.scan(item, pool[Math.floor(pick / 2) % pool.length]);
    }
    if (plan.count !== null) await entries.count(plan.count);
    if (plan.cancel) {
      await cancelStocktake(db, opened.id, actor);
      return { outcome: { status: 'ok' }, number: opened.number } satisfies DoorResult;
    }
    const digest = planDigest(await adjustmentPlan(db, { id: opened.id, warehouseId, itemIds: [] }, false));
    await closeStocktake(db, opened.id, { date, reason: marker, digest }, actor);
    return { outcome: { status: 'ok' }, number: opened.number } satisfies DoorResult;
  } catch (error) {
    // A count left open would block the warehouse's next one: the refused close gives way to a cancel.
    if (opened) await cancelStocktake(db, opened.id, actor).catch(() => undefined);
    const outcome = error instanceof EndingAnswer ? error.outcome : outcomeOfError(error);
    return { outcome, number: opened?.number } satisfies DoorResult;
  }
}

function coreEntries(world: World, opened: Opened): EntryDoor {
  const { db, actor } = world;
  return {
    scan: async (item, serial) => {
      await scanSerial(db, opened.id, { serial, itemId: world.itemIds[item] }, actor).catch(rethrowUnlessDomain);
    },
    count: async (quantity) => {
      await enterCount(db, opened.id, { itemId: world.itemIds[2], quantity: String(quantity) }, actor);
    },
  };
}

/** POST /Stocktake_Entries, a record a request, as a scanner would; scans name the count by id, counts by number. */
function apiEntries(key: string, opened: Opened): EntryDoor {
  const post = (record: Record<string, unknown>) => writeRecord(key, 'POST', '/crm/v8/Stocktake_Entries', record);
  return {
    scan: async (item, serial) => {
      const outcome = await post({
        Stocktake: { id: String(opened.id) },
        Serial_Number: serial,
        Item: { Code: ITEM_CODES[item] },
      });
      if (outcome.status === 'failed') throw new EndingAnswer(outcome);
    },
    count: async (quantity) => {
      const outcome = await post({
        Stocktake: { Number: opened.number },
        Item: { Code: ITEM_CODES[2] },
        Quantity: String(quantity),
      });
      if (outcome.status !== 'ok') throw new EndingAnswer(outcome);
    },
  };
}

function rethrowUnlessDomain(error: unknown): void {
  if (!isDomainError(error)) throw error;
}
