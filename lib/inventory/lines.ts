import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { documentLine, item, serialMovement, serialNumber } from '@/db/schema';
import type { DocumentLineData } from '@/lib/validation/documents';
import type { StockLine } from './apply';
import type { ItemInfo } from './context';

/** Inserts a document's lines in order and pairs each with its new id. */
export async function insertLines(
  tx: DbOrTx,
  documentId: bigint,
  lines: DocumentLineData[],
  items: Map<bigint, ItemInfo>,
): Promise<StockLine[]> {
  const inserted = await tx
    .insert(documentLine)
    .values(
      lines.map((l, index) => ({
        documentId,
        lineNo: index + 1,
        itemId: l.itemId,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        vatRate: l.vatRate ?? '0',
      })),
    )
    .returning({ id: documentLine.id, lineNo: documentLine.lineNo });
  const idByNo = new Map(inserted.map((r) => [r.lineNo, r.id]));
  return stockLinesOf(
    lines,
    lines.map((_, index) => idByNo.get(index + 1)!),
    items,
  );
}

/**
 * The lines of a new document paired with their ids (in line order) and their items, as the stock effects take them.
 */
export function stockLinesOf(lines: DocumentLineData[], lineIds: bigint[], items: Map<bigint, ItemInfo>): StockLine[] {
  return lines.map((l, index) => ({
    line: index,
    lineId: lineIds[index],
    item: items.get(l.itemId)!,
    quantity: l.quantity,
    serials: l.serials,
  }));
}

/** The posted lines of a document with their items and the serials their movements carry. */
export async function loadPostedLines(
  tx: DbOrTx,
  documentId: bigint,
): Promise<(StockLine & { unitPrice: string; vatRate: string })[]> {
  const lines = await tx
    .select({
      lineId: documentLine.id,
      lineNo: documentLine.lineNo,
      quantity: documentLine.quantity,
      unitPrice: documentLine.unitPrice,
      vatRate: documentLine.vatRate,
      itemId: item.id,
      code: item.code,
      trackSerials: item.trackSerials,
      unit: item.unit,
    })
    .from(documentLine)
    .innerJoin(item, eq(item.id, documentLine.itemId))
    .where(eq(documentLine.documentId, documentId))
    .orderBy(asc(documentLine.lineNo))
    .for('share', { of: item });
  const serials = await tx
    .select({ lineId: serialMovement.lineId, serial: serialNumber.serial })
    .from(serialMovement)
    .innerJoin(serialNumber, eq(serialNumber.id, serialMovement.serialId))
    .where(eq(serialMovement.documentId, documentId))
    .orderBy(asc(serialMovement.id));
  const byLine = new Map<bigint, string[]>();
  for (const s of serials) {
    const list = byLine.get(s.lineId);
    if (list) list.push(s.serial);
    else byLine.set(s.lineId, [s.serial]);
  }
  return lines.map((l) => ({
    line: l.lineNo - 1,
    lineId: l.lineId,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    vatRate: l.vatRate,
    item: { id: l.itemId, code: l.code, trackSerials: l.trackSerials, unit: l.unit },
    serials: byLine.get(l.lineId) ?? [],
  }));
}
