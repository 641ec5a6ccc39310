// The documents as stored, in the same canonical shape as what the clients meant to write, so the
// acknowledgement check can compare the two: per item, the quantity and the sorted serial numbers.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { heldIn, isInvoice, type Content, type Line } from '../history';
import { partnerIdOf, type World } from '../world';

export type StoredDocument = {
  id: string;
  kind: string;
  number: string;
  date: string;
  note: string;
  warehouseId: string;
  partnerId: string | null;
  destinationWarehouseId: string | null;
  inTransit: boolean;
  transferId: string | null;
  returnOfId: string | null;
  createStock: boolean;
  stockDocumentId: string | null;
  sourceInvoiceId: string | null;
  /** The count whose close posted it. */
  stocktakeId: string | null;
  lines: string;
};

/** "item:quantity[serials]" per item, sorted: line order and how lines are split do not matter. */
export function canonicalLines(
  lines: { item: string; quantity: number; serials: string[] }[],
  withSerials: boolean,
): string {
  const byItem = new Map<string, { quantity: number; serials: string[] }>();
  for (const l of lines) {
    const entry = byItem.get(l.item) ?? { quantity: 0, serials: [] };
    entry.quantity += l.quantity;
    entry.serials.push(...l.serials);
    byItem.set(l.item, entry);
  }
  return [...byItem]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([item, e]) => `${item}:${e.quantity}${withSerials ? `[${e.serials.sort().join(',')}]` : ''}`)
    .join(' ');
}

/** What a content should look like stored: on an invoice itself (no serials) or on a stock document. */
export function expectedLines(world: World, lines: Line[], onInvoice: boolean): string {
  return canonicalLines(
    lines.map((l) => ({ item: String(world.itemIds[l.item]), quantity: l.quantity, serials: l.serials })),
    !onInvoice,
  );
}

export async function readStoredDocuments(db: DbOrTx): Promise<Map<string, StoredDocument>> {
  const docs = await db.execute<Omit<StoredDocument, 'lines'>>(sql`
    select id::text, kind, number, date::text, note, warehouse_id::text as "warehouseId", partner_id::text as "partnerId",
      destination_warehouse_id::text as "destinationWarehouseId", in_transit as "inTransit", transfer_id::text as "transferId",
      return_of_id::text as "returnOfId",
      create_stock_document as "createStock",
      stock_document_id::text as "stockDocumentId", source_invoice_id::text as "sourceInvoiceId",
      stocktake_id::text as "stocktakeId" from document`);
  const lines = await db.execute<{ documentId: string; item: string; quantity: string; serials: string[] }>(sql`
    select l.document_id::text as "documentId", l.item_id::text as item, l.quantity::text,
      coalesce(array_agg(s.serial) filter (where s.serial is not null), '{}')
        -- An expected receipt's serials are its expected list (every status), not movements.
        || coalesce((select array_agg(e.serial) from expected_serial e where e.line_id = l.id), '{}') as serials
    from document_line l left join serial_movement m on m.line_id = l.id left join serial_number s on s.id = m.serial_id
    group by l.id`);
  const byDoc = new Map<string, { item: string; quantity: number; serials: string[] }[]>();
  for (const l of lines)
    byDoc.set(l.documentId, [
      ...(byDoc.get(l.documentId) ?? []),
      { item: l.item, quantity: Number(l.quantity), serials: l.serials },
    ]);
  return new Map(
    docs.map((d) => [
      d.id,
      { ...d, lines: canonicalLines(byDoc.get(d.id) ?? [], !isInvoice(d.kind as Content['kind'])) },
    ]),
  );
}

/** How a stored document differs from the content that should be there; null when it does not. */
export function contentDifference(
  world: World,
  stored: Map<string, StoredDocument>,
  doc: StoredDocument,
  content: Content,
): string | null {
  const expected = {
    date: content.date,
    warehouseId: String(world.warehouseIds[content.warehouse]),
    // An acknowledged partner switch must be stored, a refused one not (the note tells which write is held).
    partnerId: partnerIdOf(world, content)?.toString() ?? null,
    destinationWarehouseId: content.kind === 'transfer' ? String(world.warehouseIds[heldIn(content)]) : null,
    inTransit: content.inTransit ?? false,
    transferId: content.transferDocId ?? null,
    returnOfId: content.returnOfDocId ?? null,
    lines: expectedLines(world, content.lines, isInvoice(content.kind)),
  };
  const differences = (Object.keys(expected) as (keyof typeof expected)[])
    .filter((k) => doc[k] !== expected[k])
    .map((k) => `${k} ${doc[k]} instead of ${expected[k]}`);
  if (isInvoice(content.kind)) {
    const generated = doc.stockDocumentId ? stored.get(doc.stockDocumentId) : undefined;
    const wanted = content.createStock ? expectedLines(world, content.lines, false) : null;
    const got = generated ? generated.lines : null;
    const header = (d: StoredDocument) => [d.date, d.note, d.partnerId];
    if (got !== wanted || (generated && String(header(generated)) !== String(header(doc)))) {
      differences.push(
        `stock document ${generated?.number ?? 'none'} (${got ?? '-'}, ${generated?.date ?? '-'}, partner ${generated?.partnerId ?? '-'}) instead of ${wanted ?? 'none'}`,
      );
    }
  }
  return differences.length ? differences.join('; ') : null;
}
