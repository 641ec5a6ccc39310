import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { PageHeader } from '@/components/ui/page-header';
import { requirePagePermission } from '@/lib/auth/session';
import { parseId } from '@/lib/ids';
import { getDocument, getEditableLines } from '@/lib/inventory/queries/document-detail';
import { getTransit } from '@/lib/inventory/queries/transit';
import { ArrivalForm } from '@/components/documents/arrival-form';
import { readableKinds } from '@/app/(app)/_documents/readable-kinds';
import { addDecimals, trimZeros } from '@/lib/decimal';

export const metadata = { title: 'Edit transfer arrival' };

/**
 * Editing a transfer arrival with the scan form it was received with: what it received is scanned in already,
 * and it may take whatever of its transfer is still in transit. Saving goes through updateDocument, which
 * re-posts it under the transfer's lock.
 */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission('stockDocs.write', `/transfer-arrivals/${id}/edit`);
  const docId = parseId(id);
  const db = getDb();
  const header = docId ? await getDocument(db, docId) : null;
  if (!header || !docId || header.kind !== 'transfer_arrival' || !header.transfer) notFound();
  const transferId = BigInt(header.transfer.id);
  const [transfer, transit, received] = await Promise.all([
    getDocument(db, transferId),
    getTransit(db, transferId),
    getEditableLines(db, header),
  ]);
  if (!transfer?.destinationWarehouse) notFound();
  const mine = new Map(received.map((l) => [l.itemId, l]));
  // What this arrival may take: what is still in transit plus what it received itself.
  const lines = transit.lines
    .map((l) => ({ ...l, left: trimZeros(addDecimals(l.left, mine.get(l.itemId)?.quantity ?? '0', 3)) }))
    .filter((l) => Number(l.left) > 0);
  const expected = [
    ...transit.serials,
    ...received.flatMap((l) => l.serials.map((serial) => ({ itemId: l.itemId, serial }))),
  ];
  return (
    <>
      <PageHeader
        title={`Edit ${header.number}`}
        description={`Arrival of ${transfer.number} in ${transfer.destinationWarehouse.code}`}
      />
      <ArrivalForm
        target={{
          kind: 'transfer',
          id: transfer.id,
          number: transfer.number,
          date: transfer.date,
          warehouseId: transfer.destinationWarehouse.id,
          warehouseCode: transfer.destinationWarehouse.code,
          partnerId: null,
        }}
        lines={lines}
        expected={expected}
        today={header.date}
        readable={readableKinds(user.role)}
        editing={{
          id: header.id,
          version: header.version,
          date: header.date,
          note: header.note,
          scanned: Object.fromEntries(received.filter((l) => l.trackSerials).map((l) => [l.itemId, l.serials])),
          counted: Object.fromEntries(received.filter((l) => !l.trackSerials).map((l) => [l.itemId, l.quantity])),
        }}
      />
    </>
  );
}
