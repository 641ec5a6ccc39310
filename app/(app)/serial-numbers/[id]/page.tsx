import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { buttonClass } from '@/components/ui/button';
import { SerialTraceFacts, todayUtc } from '@/components/serials/serial-trace-facts';
import { Card, PageHeader } from '@/components/ui/page-header';
import { can, type Role } from '@/lib/auth/roles';
import { requirePagePermission } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { parseId } from '@/lib/ids';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import { traceSerials } from '@/lib/inventory/queries/serial-trace';
import { getSerial, getSerialHistory, type SerialMove } from '@/lib/inventory/queries/serials';

export const metadata = { title: 'Serial number' };

export default async function SerialPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission('serials.read', `/serial-numbers/${id}`);
  const serialId = parseId(id);
  const db = getDb();
  const serial = serialId ? await getSerial(db, serialId) : null;
  if (!serial || !serialId) notFound();
  const [history, [trace]] = await Promise.all([getSerialHistory(db, serialId), traceSerials(db, [serialId])]);
  return (
    <>
      <PageHeader
        title={`Serial ${serial.serial}`}
        description={`${serial.itemCode} · ${serial.itemName}`}
        actions={
          <>
            <Link href="/serial-numbers/lookup" className={buttonClass('secondary')}>
              Look up another
            </Link>
            <Link href={`/labels?ids=${serial.id}`} className={buttonClass('secondary')}>
              Print label
            </Link>
          </>
        }
      />
      <Card title="Now">
        <dl className="mb-2 grid grid-cols-1 gap-x-4 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-500">Item</dt>
          <dd className="mb-2 sm:mb-0">
            <Link href={`/items/${trace.item.id}`}>{trace.item.code}</Link> · {trace.item.name}
          </dd>
        </dl>
        <SerialTraceFacts trace={trace} role={user.role} today={todayUtc()} />
        <p className="mt-2 text-sm text-slate-500">Last received {formatDateTime(serial.receivedAt)}</p>
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
function movementLabel(m: SerialMove, role: Role) {
  if (m.stocktakeId) {
    const count = can(role, 'stockDocs.read') ? (
      <Link href={`/stocktakes/${m.stocktakeId}`}>{m.stocktakeNumber}</Link>
    ) : (
      m.stocktakeNumber
    );
    return (
      <>
        {m.direction === 'in' ? 'Found at count' : 'Missing at count'} {count}
      </>
    );
  }
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
              <td className="py-2 pr-3">{movementLabel(m, role)}</td>
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
