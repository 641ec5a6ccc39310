// A count in the chaos: a client opens a stocktake of one warehouse, scans a few serials of the pool (in stock there,
// elsewhere, issued, or never received: closing then receives it), counts the untracked item, and closes the count
// (or cancels it) while the other clients post, edit and delete documents of the same serials. A close whose
// differences changed since its plan was read is refused (CONFLICT), as the web's confirmation would be.
import { isDomainError } from '@/lib/errors';
import { closeStocktake } from '@/lib/inventory/stocktake/close';
import { cancelStocktake, openStocktake } from '@/lib/inventory/stocktake/open';
import { adjustmentPlan, planDigest } from '@/lib/inventory/stocktake/plan';
import { enterCount, scanSerial } from '@/lib/inventory/stocktake/scan';
import { outcomeOfError, type DoorResult } from './doors';
import type { StocktakePlan } from './operations';
import { dayOf } from './resolve';
import { serialPool, type World } from './world';

/** The note a close writes on its documents: the count's number and, as the reason, the operation's marker. */
export const stocktakeNote = (number: string, marker: string) => `Stocktake ${number}: ${marker}`;

export async function countAndClose(world: World, plan: StocktakePlan, step: number, marker: string) {
  const { db, actor } = world;
  const warehouseId = world.warehouseIds[plan.warehouse];
  const date = dayOf(step);
  let opened: { id: bigint; number: string } | null = null;
  try {
    opened = await openStocktake(db, { date, warehouseId }, actor);
    for (const pick of plan.picks) {
      const item = (pick % 2) as 0 | 1;
      const pool = serialPool(item);
      const serial = pool[Math.floor(pick / 2) % pool.length];
      // A scan's refusal is an answer to the scanner, not the end of the count.
      await scanSerial(db, opened.id, { serial, itemId: world.itemIds[item] }, actor).catch(rethrowUnlessDomain);
    }
    if (plan.count !== null)
      await enterCount(db, opened.id, { itemId: world.itemIds[2], quantity: String(plan.count) }, actor);
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
    return { outcome: outcomeOfError(error), number: opened?.number } satisfies DoorResult;
  }
}

function rethrowUnlessDomain(error: unknown): void {
  if (!isDomainError(error)) throw error;
}
