import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { requirePagePermission } from '@/lib/auth/session';
import { formatPartner } from '@/lib/format';
import { parseId } from '@/lib/ids';
import { getDocument } from '@/lib/inventory/queries/document-detail';
import { getExpected } from '@/lib/inventory/queries/expected';
import { ArrivalForm } from '@/components/documents/arrival-form';
import { readableKinds } from '@/app/(app)/_documents/readable-kinds';

export const metadata = { title: 'Confirm expected receipt' };

/** Confirming an expected receipt by scanning what came: the same scan form as receiving a transfer in transit. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission('stockDocs.write', `/expected-receipts/${id}/receive`);
  const docId = parseId(id);
  const db = getDb();
  const header = docId ? await getDocument(db, docId) : null;
  if (!header || !docId || header.kind !== 'expected_receipt') notFound();
  const expected = await getExpected(db, docId);
  const left = expected.lines.filter((l) => l.expected > 0);
  return (
    <>
      <PageHeader
        title={`Receive ${header.number}`}
        description={`From ${header.partner ? formatPartner(header.partner) : 'no supplier'} into ${header.warehouse.code}, expected since ${header.date}`}
      />
      {left.length === 0 ? (
        <Alert tone="info">
          Nothing is left to confirm on {header.number}.{' '}
          <Link href={`/expected-receipts/${header.id}`}>Back to {header.number}</Link>
        </Alert>
      ) : (
        <ArrivalForm
          target={{
            kind: 'expected_receipt',
            id: header.id,
            number: header.number,
            date: header.date,
            warehouseId: header.warehouse.id,
            warehouseCode: header.warehouse.code,
            partnerId: header.partner?.id ?? null,
          }}
          lines={left}
          expected={expected.serials}
          today={new Date().toISOString().slice(0, 10)}
          readable={readableKinds(user.role)}
        />
      )}
    </>
  );
}
