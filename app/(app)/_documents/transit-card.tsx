import { Link } from '@/components/ui/link';
import { getDb } from '@/db/client';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/page-header';
import { DocumentLink } from '@/components/documents/document-link';
import { formatQuantity } from '@/lib/format';
import type { DocumentKind } from '@/lib/inventory/kinds';
import { getTransit, TRANSIT_SERIALS_SHOWN } from '@/lib/inventory/queries/transit';

/**
 * An in-transit transfer's page: per item what it sent, what arrived and what is still on its way, the serials
 * in transit by name, the arrivals that received the rest, and Receive while anything is left.
 */
export async function TransitCard({
  transferId,
  canReceive,
  readable,
}: {
  transferId: string;
  canReceive: boolean;
  readable: DocumentKind[];
}) {
  const transit = await getTransit(getDb(), BigInt(transferId));
  const open = transit.lines.some((l) => Number(l.left) > 0);
  return (
    <Card title="In transit">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="text-sm text-slate-600">
          {open
            ? 'What has not arrived stays in transit here until an arrival receives it.'
            : 'Everything this transfer sent has arrived.'}
        </p>
        {open && canReceive && (
          <Link href={`/transfers/${transferId}/receive`} className={buttonClass()}>
            Receive
          </Link>
        )}
      </div>
      <table className="mt-4 w-full text-left text-sm">
        <caption className="sr-only">Sent, arrived and in transit per item</caption>
        <thead className="text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3">
              Item
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              Sent
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              Arrived
            </th>
            <th scope="col" className="py-1 text-right">
              In transit
            </th>
          </tr>
        </thead>
        <tbody>
          {transit.lines.map((l) => (
            <tr key={l.itemId} className="border-t border-slate-100">
              <td className="py-2 pr-3">
                {l.itemCode} · {l.itemName}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">
                {formatQuantity(l.sent)} {l.unit}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">
                {formatQuantity(l.arrived)} {l.unit}
              </td>
              <td className="py-2 text-right font-medium tabular-nums">
                {formatQuantity(l.left)} {l.unit}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {transit.serialTotal > 0 && (
        <div className="mt-4 text-sm">
          <p className="font-medium text-slate-700">
            Serial numbers in transit ({transit.serialTotal.toLocaleString('en')})
          </p>
          <ul aria-label="Serial numbers in transit" className="mt-1 flex flex-wrap gap-x-3 gap-y-1 font-mono text-xs">
            {transit.serials.map((s) => (
              <li key={`${s.itemId}:${s.serial}`}>{s.serial}</li>
            ))}
          </ul>
          {transit.serialTotal > TRANSIT_SERIALS_SHOWN && (
            <p className="mt-1 text-xs text-slate-500">
              Showing the first {TRANSIT_SERIALS_SHOWN.toLocaleString('en')}; the Serial Numbers agenda lists them all
              (status in transit).
            </p>
          )}
        </div>
      )}
      {transit.arrivals.length > 0 && (
        <div className="mt-4 text-sm">
          <p className="font-medium text-slate-700">Arrivals</p>
          <ul aria-label="Arrivals" className="mt-1 space-y-0.5">
            {transit.arrivals.map((a) => (
              <li key={a.id}>
                <DocumentLink doc={{ ...a, kind: 'transfer_arrival' }} readable={readable} /> on {a.date}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
