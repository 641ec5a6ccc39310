import { allPipelined } from '@/lib/sql-pipeline';
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { item, partner, warehouse } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { DocumentData } from '@/lib/validation/documents';
import { KINDS, type DocumentKind } from './kinds';
import type { LineItem } from './serial-rules';

export type ItemInfo = LineItem & { unit: string };
export type PostingContext = { items: Map<bigint, ItemInfo>; warehouseCode: string; destinationCode: string | null };

/**
 * Loads what a document refers to and checks that it exists and fits. Items are read FOR SHARE so the
 * tracking switch of an item cannot flip while a document with that item is being posted; the
 * warehouse (both of a transfer, in id order) and the partner FOR KEY SHARE, so a delete of either waits for the
 * posting (and then sees
 * the document) or, having won, leaves this posting a clear "does not exist" instead of a foreign-key error.
 */
export async function loadContext(tx: DbOrTx, kind: DocumentKind, data: DocumentData): Promise<PostingContext> {
  const itemIds = [...new Set(data.lines.map((l) => l.itemId))].sort((a, b) => (a < b ? -1 : 1));
  const warehouseIds = [
    data.warehouseId,
    ...(data.destinationWarehouseId === null ? [] : [data.destinationWarehouseId]),
  ];
  // Sent together: postgres.js pipelines them on the transaction's connection, one wait instead of three.
  const [found, warehouses, partnerError] = await allPipelined([
    tx
      .select({ id: item.id, code: item.code, trackSerials: item.trackSerials, unit: item.unit })
      .from(item)
      .where(inArray(item.id, itemIds))
      .orderBy(item.id)
      .for('share'),
    tx
      .select({ id: warehouse.id, code: warehouse.code })
      .from(warehouse)
      .where(inArray(warehouse.id, warehouseIds))
      .orderBy(warehouse.id)
      .for('key share'),
    checkPartner(tx, kind, data.partnerId),
  ]);
  const codeOf = (id: bigint | null) => warehouses.find((w) => w.id === id)?.code ?? null;
  const [warehouseCode, destinationCode] = [codeOf(data.warehouseId), codeOf(data.destinationWarehouseId)];
  const items = new Map(found.map((i) => [i.id, i]));
  const fieldErrors: Record<string, string> = {};
  data.lines.forEach((line, index) => {
    if (!items.has(line.itemId)) fieldErrors[`lines.${index}.itemId`] = `Line ${index + 1}: this item does not exist.`;
  });
  if (!warehouseCode) fieldErrors.warehouseId = 'This warehouse does not exist.';
  if (data.destinationWarehouseId !== null && !destinationCode)
    fieldErrors.destinationWarehouseId = 'This warehouse does not exist.';
  if (partnerError) fieldErrors.partnerId = partnerError;
  const messages = Object.values(fieldErrors);
  if (messages.length > 0) throw new DomainError('INVALID_DATA', messages[0], fieldErrors);
  return { items, warehouseCode: warehouseCode!, destinationCode };
}

async function checkPartner(tx: DbOrTx, kind: DocumentKind, partnerId: bigint | null): Promise<string | null> {
  const role = KINDS[kind].partnerRole;
  if (partnerId === null) return KINDS[kind].partnerRequired ? `Choose the ${role}.` : null;
  if (role === null) return `A ${KINDS[kind].label.toLowerCase()} has no partner.`;
  const [row] = await tx
    .select({ code: partner.code, type: partner.type })
    .from(partner)
    .where(sql`${partner.id} = ${partnerId}`)
    .for('key share');
  if (!row) return 'This partner does not exist.';
  if (row.type !== 'both' && row.type !== role) return `Partner ${row.code} is a ${row.type}, not a ${role}.`;
  return null;
}
