import { Link } from '@/components/ui/link';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/alert';
import { can, type Role } from '@/lib/auth/roles';
import { formatWarrantyMonths } from '@/lib/format';
import type { SerialTrace, TraceDocument, TraceRef } from '@/lib/inventory/queries/serial-trace';
import { KINDS } from '@/lib/inventory/kinds';
import { underWarranty } from '@/lib/warranty/warranty-end';
import { SerialStatusBadge } from './serial-status';

/** A document as a link for those who may read its kind, else its number. */
function DocumentLink({ doc, role }: { doc: { id: string; number: string; kind: TraceDocument['kind'] }; role: Role }) {
  const info = KINDS[doc.kind];
  return can(role, info.readPermission) ? <Link href={`${info.path}/${doc.id}`}>{doc.number}</Link> : doc.number;
}

const refText = (r: TraceRef) => `${r.code} · ${r.name}`;

/** "GR-2026-00001 of 2026-03-01, from ACME · Acme Ltd. (invoice PI-2026-00003)" */
function DocumentFacts({ doc, role, partnerWord }: { doc: TraceDocument; role: Role; partnerWord: string }) {
  return (
    <>
      <DocumentLink doc={doc} role={role} /> of {doc.date}
      {doc.partner && `, ${partnerWord} ${refText(doc.partner)}`}
      {doc.invoice && (
        <>
          {' '}
          (invoice <DocumentLink doc={doc.invoice} role={role} />)
        </>
      )}
    </>
  );
}

/** Where the serial is now, in one sentence. */
function PlaceNow({ trace, role }: { trace: SerialTrace; role: Role }) {
  if (trace.status === 'in_stock') return <>In stock in {refText(trace.warehouse)}</>;
  if (trace.status === 'in_transit') {
    return (
      <>
        In transit from {trace.warehouse.code}
        {trace.destination && ` to ${trace.destination.code}`}
        {trace.wentOut && (
          <>
            {' '}
            with <DocumentLink doc={trace.wentOut} role={role} />
          </>
        )}
      </>
    );
  }
  if (trace.sale) return <>{trace.customer ? `Sold to ${refText(trace.customer)}` : 'Sold (no customer named)'}</>;
  const partner = trace.wentOut?.partner;
  return <>{partner ? `Issued to ${refText(partner)}` : `Issued from ${trace.warehouse.code}`}</>;
}

function WarrantyFacts({
  months,
  end,
  from,
  today,
  missing,
}: {
  months: number | null;
  end: string | null;
  from: string;
  today: string;
  missing: string;
}) {
  if (months === null) return <>Not set on the item</>;
  if (end === null)
    return (
      <>
        {formatWarrantyMonths(months)}; {missing}
      </>
    );
  const active = months > 0 && underWarranty(end, today);
  return (
    <>
      Until {end} <Badge tone={active ? 'green' : 'neutral'}>{active ? 'Under warranty' : 'Expired'}</Badge>{' '}
      <span className="text-slate-500">
        ({formatWarrantyMonths(months)} from {from})
      </span>
    </>
  );
}

/**
 * A serial's trace as a list of facts: where it is, the documents it came in and went out with, and its
 * warranty on both sides. The serial's page and the "Look up a serial" screen show the same.
 */
export function SerialTraceFacts({ trace, role, today }: { trace: SerialTrace; role: Role; today: string }) {
  const facts: [string, ReactNode][] = [
    ['Status', <SerialStatusBadge key="status" status={trace.status} />],
    ['Where now', <PlaceNow key="place" trace={trace} role={role} />],
    [
      'Purchased',
      trace.purchase ? (
        <DocumentFacts doc={trace.purchase} role={role} partnerWord="from" />
      ) : (
        'No receipt from a supplier'
      ),
    ],
  ];
  if (trace.cameIn && trace.cameIn.id !== trace.purchase?.id) {
    facts.push(['Came in', <DocumentFacts key="in" doc={trace.cameIn} role={role} partnerWord="from" />]);
  }
  facts.push([
    'Went out',
    trace.wentOut ? <DocumentFacts doc={trace.wentOut} role={role} partnerWord="to" /> : '— (not out)',
  ]);
  facts.push([
    'Purchase warranty',
    <WarrantyFacts
      key="pw"
      months={trace.purchaseWarrantyMonths}
      end={trace.purchaseWarrantyEnd}
      from={trace.purchase?.date ?? ''}
      today={today}
      missing="no receipt from a supplier to count from"
    />,
  ]);
  facts.push([
    'Sale warranty',
    <WarrantyFacts
      key="sw"
      months={trace.saleWarrantyMonths}
      end={trace.saleWarrantyEnd}
      from={trace.sale?.date ?? ''}
      today={today}
      missing="starts when it is sold"
    />,
  ]);
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-y-2">
      {facts.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="mb-2 sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Today's date as the app shows dates (UTC), for "under warranty". */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
