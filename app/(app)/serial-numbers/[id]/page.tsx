import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { buttonClass } from '@/components/ui/button';
import { SerialStatusBadge, warehouseRole } from '@/components/serials/serial-status';
import { Card, PageHeader } from '@/components/ui/page-header';
import { can, type Role } from '@/lib/auth/roles';
import { requirePagePermission } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { parseId } from '@/lib/ids';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import { getSerial, getSerialHistory, type SerialMove } from '@/lib/inventory/queries/serials';

export const metadata = { title: 'Serial number' };

export default async function SerialPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission('serials.read', `/serial-numbers/${id}`);
  const serialId = parseId(id);
  const db = getDb();
  const serial = serialId ? await getSerial(db, serialId) : null;
  if (!serial || !serialId) notFound();
  const history = await getSerialHistory(db, serialId);
  return (
    <>
      <PageHeader
        title={`Serial ${serial.serial}`}
        description={`${serial.itemCode} · ${serial.itemName}`}
        actions={
          <Link href={`/labels?ids=${serial.id}`} className={buttonClass('secondary')}>
            Print label
          </Link>
        }
      />
      <Card title="Now">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-500">Item</dt>
          <dd>
            <Link href={`/items/${serial.itemId}`}>{serial.itemCode}</Link> · {serial.itemName}
          </dd>
          <dt className="text-slate-500">Status</dt>
          <dd>
            <SerialStatusBadge status={serial.status} />
          </dd>
          <dt className="text-slate-500">{warehouseRole(serial.status)}</dt>
          <dd>
            {serial.warehouseCode} · {serial.warehouseName}
          </dd>
          <dt className="text-slate-500">Last received</dt>
          <dd>{formatDateTime(serial.receivedAt)}</dd>
        </dl>
      </Card>
      <div className="mt-6">
        <Card title="History">
          <HistoryTable moves={history} role={user.role} />
        </Card>
      </div>
    </>
  );
}

function docLink(role: Role, kind: string | null, id: string | null, number: string | null) {
  if (!kind || !id || !number) return '—';
  const info = KINDS[kind as DocumentKind];
  return can(role, info.readPermission) ? <Link href={`${info.path}/${id}`}>{number}</Link> : number;
}

const MOVEMENT_LABELS: Record<SerialMove['direction'], string> = { in: 'Received', out: 'Issued', move: 'Transferred' };

/** A transfer's `out` sent the serial in transit; an arrival's `in` received it at the transfer's destination. */
function movementLabel(m: SerialMove): string {
  if (m.documentKind === 'transfer' && m.direction === 'out') return 'Sent in transit';
  if (m.documentKind === 'transfer_arrival') return 'Arrived';
  // A customer return brings a sold serial back; a return to the supplier sends a bought one back.
  if (m.documentKind === 'customer_return') return 'Returned by the customer';
  if (m.documentKind === 'supplier_return') return 'Returned to the supplier';
  return MOVEMENT_LABELS[m.direction];
}

/** Where the serial came from and went, by whom and when: one row per movement, in order (a transfer from A → B). */
function HistoryTable({ moves, role }: { moves: SerialMove[]; role: Role }) {
  if (moves.length === 0) return <p className="text-sm text-slate-500">No movements recorded.</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption className="sr-only">Movements of this serial number</caption>
        <thead className="text-xs uppercase text-slate-600">
          <tr>
            {['Date', 'Movement', 'Document', 'Invoice', 'Partner', 'Warehouse', 'Created by'].map((h) => (
              <th key={h} scope="col" className="py-1 pr-3">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {moves.map((m) => (
            <tr key={m.id} className="border-t border-slate-100 align-top">
              <td className="py-2 pr-3">{m.documentDate}</td>
              <td className="py-2 pr-3">{movementLabel(m)}</td>
              <td className="py-2 pr-3">{docLink(role, m.documentKind, m.documentId, m.documentNumber)}</td>
              <td className="py-2 pr-3">{docLink(role, m.invoiceKind, m.invoiceId, m.invoiceNumber)}</td>
              <td className="py-2 pr-3">{m.partnerName ? `${m.partnerCode} · ${m.partnerName}` : '—'}</td>
              <td className="py-2 pr-3">
                {m.destinationCode ? `${m.warehouseCode} → ${m.destinationCode}` : m.warehouseCode}
              </td>
              <td className="py-2 pr-3">{m.createdBy ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
