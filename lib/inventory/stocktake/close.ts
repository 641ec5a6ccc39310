import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { document, stocktake } from '@/db/schema';
import { withRetry } from '@/lib/db-retry';
import { DomainError } from '@/lib/errors';
import { closeStocktakeSchema, type CloseStocktakeInput } from '@/lib/validation/stocktakes';
import { parseOrThrow } from '@/lib/validation/zod-errors';
import { audit } from '../audit';
import { postDocument, type Actor } from '../post';
import { lockOpenStocktake } from './lock';
import { adjustmentDocuments } from './adjustments';
import { adjustmentPlan, planDigest } from './plan';

export type ClosedStocktake = { documents: { id: bigint; number: string }[] };

/**
 * Closes an open count and posts its differences, in ONE transaction, through postDocument like any receipt or issue
 * (its locks, numbering, rules and audit): a goods receipt of the unknown serials found and of the counted surpluses,
 * and a goods issue of the missing serials and of the counted shortfalls, each linked to the count (stocktake_id)
 * and read-only from then on. Serials the books place in another warehouse, issued or in transit are not adjusted:
 * they need a transfer, an arrival or a return, and the count lists them.
 *
 * The plan is computed again under the locks and must be the one the confirmation showed (`digest`): a serial issued
 * or scanned in between is not adjusted from an out-of-date list; the user reviews the new one.
 */
export async function closeStocktake(
  db: DbOrTx,
  id: bigint,
  input: CloseStocktakeInput,
  actor: Actor,
): Promise<ClosedStocktake> {
  const data = parseOrThrow(closeStocktakeSchema, input);
  return withRetry(db, () =>
    db.transaction(async (tx) => {
      const st = await lockOpenStocktake(tx, id, 'update');
      if (data.date < st.date) {
        const message = `The closing date cannot be before the count's date, ${st.date}.`;
        throw new DomainError('INVALID_DATA', message, { date: message });
      }
      const plan = await adjustmentPlan(tx, st, true);
      if (planDigest(plan) !== data.digest) {
        throw new DomainError(
          'CONFLICT',
          `The differences of ${st.number} changed since they were shown (a scan, a count or a document in between); review them again before closing.`,
        );
      }
      const note = `Stocktake ${st.number}: ${data.reason}`;
      const documents = [];
      for (const input of adjustmentDocuments(plan, { date: data.date, warehouseId: st.warehouseId, note })) {
        const posted = await postDocument(tx, input, actor);
        documents.push({ id: posted.id, number: posted.number });
      }
      if (documents.length > 0) {
        const ids = documents.map((d) => d.id);
        await tx.update(document).set({ stocktakeId: st.id }).where(inArray(document.id, ids));
      }
      await tx
        .update(stocktake)
        .set({
          status: 'closed',
          reason: data.reason,
          closedBy: actor.userId,
          closedAt: new Date(),
          version: sql`${stocktake.version} + 1`,
        })
        .where(sql`${stocktake.id} = ${st.id}`);
      await audit(tx, {
        entity: 'stocktake',
        entityId: st.id,
        action: 'update',
        userId: actor.userId,
        changes: { status: 'closed', reason: data.reason, documents: documents.map((d) => d.number) },
      });
      return { documents };
    }),
  );
}
