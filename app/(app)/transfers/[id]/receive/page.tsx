import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { requirePagePermission } from '@/lib/auth/session';
import { parseId } from '@/lib/ids';
import { getDocument } from '@/lib/inventory/queries/document-detail';
import { getTransit } from '@/lib/inventory/queries/transit';
import { ArrivalForm } from '@/components/documents/arrival-form';
import { readableKinds } from '@/app/(app)/_documents/readable-kinds';

export const metadata = { title: 'Receive transfer' };

/** Receiving an in-transit transfer at its destination: what is still in transit, to scan and count. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission('stockDocs.write', `/transfers/${id}/receive`);
  const docId = parseId(id);
  const db = getDb();
  const header = docId ? await getDocument(db, docId) : null;
  if (!header || !docId || header.kind !== 'transfer') notFound();
  const transit = header.inTransit ? await getTransit(db, docId) : null;
  const left = transit?.lines.filter((l) => Number(l.left) > 0) ?? [];
  return (
    <>
      <PageHeader
        title={`Receive ${header.number}`}
        description={`From ${header.warehouse.code} to ${header.destinationWarehouse?.code ?? '—'}, sent on ${header.date}`}
      />
      {left.length === 0 ? (
        <Alert tone="info">
          {header.inTransit
            ? 'Everything this transfer sent has arrived.'
            : `${header.number} was not sent in transit: its goods arrived with it.`}{' '}
          <Link href={`/transfers/${header.id}`}>Back to {header.number}</Link>
        </Alert>
      ) : (
        <ArrivalForm
          target={{
            kind: 'transfer',
            id: header.id,
            number: header.number,
            date: header.date,
            warehouseId: header.destinationWarehouse!.id,
            warehouseCode: header.destinationWarehouse!.code,
            partnerId: null,
          }}
          lines={left}
          expected={transit!.serials}
          today={new Date().toISOString().slice(0, 10)}
          readable={readableKinds(user.role)}
        />
      )}
    </>
  );
}
