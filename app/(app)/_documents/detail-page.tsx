import { Link } from '@/components/ui/link';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { Alert } from '@/components/ui/alert';
import { Card, PageHeader } from '@/components/ui/page-header';
import { can, type Role } from '@/lib/auth/roles';
import { requirePagePermission } from '@/lib/auth/session';
import { formatDateTime, formatMoney, formatPartner } from '@/lib/format';
import { parseId } from '@/lib/ids';
import { documentBlockers } from '@/lib/inventory/correction';
import {
  canGetStockDocument,
  isExpectedReceipt,
  isInvoice,
  KINDS,
  returnKindsFor,
  type DocumentKind,
} from '@/lib/inventory/kinds';
import {
  getDocument,
  getDocumentAudit,
  getDocumentLines,
  type DocumentHeader,
} from '@/lib/inventory/queries/document-detail';
import { AuditLog } from '@/components/documents/audit-log';
import { DocumentButtons } from '@/components/documents/document-buttons';
import { DocumentLink } from '@/components/documents/document-link';
import { DocumentLines } from '@/components/documents/document-lines';
import { readableKinds } from './readable-kinds';
import { ExpectedCard } from './expected-card';
import { TransitCard } from './transit-card';

/** The detail page of one kind of document; each route's [id]/page.tsx renders this with its kind. */
export async function DocumentDetailPage({ kind, params }: { kind: DocumentKind; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const info = KINDS[kind];
  const user = await requirePagePermission(info.readPermission, `${info.path}/${id}`);
  const docId = parseId(id);
  const db = getDb();
  const header = docId ? await getDocument(db, docId) : null;
  if (!header || !docId || header.kind !== kind) notFound();
  const canWrite = can(user.role, info.writePermission) && !header.sourceInvoice;
  // What the buttons can do is said before a click: only writers see them, so only they pay for the blockers.
  const [lines, audit, blockers] = await Promise.all([
    getDocumentLines(db, header),
    getDocumentAudit(db, docId),
    canWrite ? documentBlockers(db, docId) : [],
  ]);
  const receivesSerials = info.direction === 'in' && lines.some((l) => l.serialTotal > 0);
  const stockHref = canGetStockDocument(header) ? `${info.path}/${header.id}/edit?stock=1` : null;
  return (
    <>
      <PageHeader
        title={`${info.label} ${header.number}`}
        description={`Dated ${header.date}`}
        actions={
          <DocumentButtons
            kind={kind}
            id={header.id}
            number={header.number}
            canWrite={canWrite}
            blockers={blockers}
            readable={readableKinds(user.role)}
            stockHref={stockHref}
            returnLinks={returnLinks(header, user.role)}
            labelsHref={receivesSerials && can(user.role, 'serials.read') ? `/labels?document=${header.id}` : null}
          />
        }
      />
      <LinkNotes header={header} canReadInvoices={can(user.role, 'invoices.read')} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Facts header={header} readable={readableKinds(user.role)} />
        </div>
        {isInvoice(kind) && <Totals header={header} />}
      </div>
      <div className="mt-6">
        <DocumentLines
          lines={lines}
          showTotals={info.priced}
          showPrices={info.priced}
          noSerialsNote={noSerialsNote(header)}
        />
      </div>
      {isExpectedReceipt(kind) && (
        <div className="mt-6">
          <ExpectedCard documentId={header.id} canReceive={canWrite} readable={readableKinds(user.role)} />
        </div>
      )}
      {header.inTransit && (
        <div className="mt-6">
          <TransitCard transferId={header.id} canReceive={canWrite} readable={readableKinds(user.role)} />
        </div>
      )}
      <div className="mt-6">
        <AuditLog entries={audit} />
      </div>
    </>
  );
}

/**
 * The returns this document's goods can go back on, for the kinds this user may write: a sale's customer return and
 * credit note, a purchase's return to the supplier. A customer or supplier return needs goods that moved.
 */
function returnLinks(header: DocumentHeader, role: Role): { href: string; label: string }[] {
  const movedGoods = KINDS[header.kind].movesStock || header.stockDocument !== null;
  return returnKindsFor(header.kind)
    .filter((kind) => can(role, KINDS[kind].writePermission) && (movedGoods || !KINDS[kind].movesStock))
    .map((kind) => ({
      href: `${KINDS[kind].path}/new?returnOf=${header.id}`,
      label: KINDS[kind].movesStock ? 'Return…' : `${KINDS[kind].label}…`,
    }));
}

function LinkNotes({ header, canReadInvoices }: { header: DocumentHeader; canReadInvoices: boolean }) {
  const { stockDocument, sourceInvoice } = header;
  return (
    <>
      {sourceInvoice && (
        <div className="mb-6">
          <Alert tone="info">
            {header.number} was created by{' '}
            {canReadInvoices ? (
              <Link href={`${KINDS[sourceInvoice.kind].path}/${sourceInvoice.id}`}>{sourceInvoice.number}</Link>
            ) : (
              sourceInvoice.number
            )}
            ; change the invoice instead.
          </Alert>
        </div>
      )}
      {stockDocument && (
        <div className="mb-6">
          <Alert tone="info">
            Saving this invoice created {KINDS[stockDocument.kind].label.toLowerCase()}{' '}
            <Link href={`${KINDS[stockDocument.kind].path}/${stockDocument.id}`}>{stockDocument.number}</Link>, which
            moved the stock and serial numbers.
          </Alert>
        </div>
      )}
    </>
  );
}

/** Under a tracked line that moved no serials: where they are, or that the invoice has no goods document yet. */
function noSerialsNote(header: DocumentHeader): string {
  if (isExpectedReceipt(header.kind)) return 'Its serial numbers are expected, not in stock: listed below.';
  if (!canGetStockDocument(header)) return 'No serial numbers moved on this line.';
  const goods = KINDS[KINDS[header.kind].generates!].label.toLowerCase();
  return `No ${goods} yet: its serial numbers are entered when it is created (Create ${goods}).`;
}

/**
 * Who the document is with and where: the partner and the warehouse, a transfer's two warehouses, an arrival's
 * transfer.
 */
function placeFacts(header: DocumentHeader, readable: DocumentKind[]): [string, ReactNode][] {
  const role = KINDS[header.kind].partnerRole;
  const named = (w: { code: string; name: string }) => `${w.code} · ${w.name}`;
  if (header.returnOf) {
    const { returnOf } = header;
    return [
      [role === 'supplier' ? 'Supplier' : 'Customer', header.partner ? formatPartner(header.partner) : '—'],
      ['Returns goods of', <DocumentLink key="r" doc={returnOf} readable={readable} />],
      ['Warehouse', named(header.warehouse)],
    ];
  }
  if (header.transfer)
    return [
      [
        'Transfer',
        <Link key="t" href={`/transfers/${header.transfer.id}`}>
          {header.transfer.number}
        </Link>,
      ],
      ['Arrived in', named(header.warehouse)],
    ];
  if (role === null) {
    return [
      ['From warehouse', named(header.warehouse)],
      ['To warehouse', header.destinationWarehouse ? named(header.destinationWarehouse) : '—'],
      [
        'Sent',
        header.inTransit
          ? 'In transit: received at the destination by arrivals'
          : 'Directly: arrived with the transfer',
      ],
    ];
  }
  const confirms: [string, ReactNode][] = header.expectedReceipt
    ? [
        [
          'Confirms',
          <Link key="e" href={`/expected-receipts/${header.expectedReceipt.id}`}>
            {header.expectedReceipt.number}
          </Link>,
        ],
      ]
    : [];
  return [
    [role === 'supplier' ? 'Supplier' : 'Customer', header.partner ? formatPartner(header.partner) : '—'],
    ['Warehouse', named(header.warehouse)],
    ...confirms,
  ];
}

function Facts({ header, readable }: { header: DocumentHeader; readable: DocumentKind[] }) {
  const facts: [string, ReactNode][] = [
    ['Number', header.number],
    ['External number', header.externalNumber ?? '—'],
    ['Date', header.date],
    ...placeFacts(header, readable),
    ['Created', `${formatDateTime(header.createdAt)} by ${header.createdBy ?? 'unknown'}`],
  ];
  if (header.updatedBy) facts.push(['Last changed', `${formatDateTime(header.updatedAt)} by ${header.updatedBy}`]);
  return (
    <Card title="Details">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <dt className="text-slate-500">Note</dt>
        <dd className="whitespace-pre-wrap break-words">{header.note || '—'}</dd>
      </dl>
    </Card>
  );
}

function Totals({ header }: { header: DocumentHeader }) {
  const rows: [string, string][] = [
    ['Net', header.totals.net],
    ['VAT', header.totals.vat],
    ['Gross', header.totals.gross],
  ];
  return (
    <Card title="Totals">
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className={label === 'Gross' ? 'font-semibold' : 'text-slate-500'}>{label}</dt>
            <dd className={`text-right tabular-nums ${label === 'Gross' ? 'font-semibold' : ''}`}>
              {formatMoney(value)}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
