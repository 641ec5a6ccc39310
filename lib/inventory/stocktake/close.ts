import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { document, stocktake } from '@/db/schema';
import { withRetry } from '@/lib/db-retry';
import { DomainError } from '@/lib/errors';
import { MAX_LINES, type DocumentInput } from '@/lib/validation/documents';
import { closeStocktakeSchema, type CloseStocktakeInput } from '@/lib/validation/stocktakes';
import { parseOrThrow } from '@/lib/validation/zod-errors';
import { audit } from '../audit';
import { postDocument, type Actor } from '../post';
import { lockOpenStocktake } from './lock';
import { adjustmentPlan, planDigest, type AdjustmentPlan } from './plan';

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

type Header = { date: string; warehouseId: bigint; note: string };
type Line = { itemId: string; quantity: string; serials: string[] };

/** The issue (missing, short) and receipt (found, surplus) inputs of a plan, at most MAX_LINES lines each. */
export function adjustmentDocuments(plan: AdjustmentPlan, header: Header): DocumentInput[] {
  const found = new Map<string, Line>();
  const gone = new Map<string, Line>();
  const add = (into: Map<string, Line>, itemId: string, serial: string) => {
    const line = into.get(itemId) ?? { itemId, quantity: '0', serials: [] };
    line.serials.push(serial);
    line.quantity = String(line.serials.length);
    into.set(itemId, line);
  };
  for (const u of plan.unknown) add(found, u.itemId, u.serial);
  for (const m of plan.missing) add(gone, m.itemId, m.serial);
  for (const c of plan.counts) {
    const negative = c.difference.startsWith('-');
    const quantity = negative ? c.difference.slice(1) : c.difference;
    (negative ? gone : found).set(c.itemId, { itemId: c.itemId, quantity, serials: [] });
  }
  const documents = (kind: 'goods_receipt' | 'goods_issue', lines: Line[]): DocumentInput[] =>
    Array.from({ length: Math.ceil(lines.length / MAX_LINES) }, (_, i) => ({
      kind,
      ...header,
      lines: lines.slice(i * MAX_LINES, (i + 1) * MAX_LINES),
    }));
  return [...documents('goods_issue', [...gone.values()]), ...documents('goods_receipt', [...found.values()])];
}
