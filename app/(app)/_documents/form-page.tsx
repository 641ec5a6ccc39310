import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/roles';
import { requirePagePermission, withQuery } from '@/lib/auth/session';
import { warehouseOptions } from '@/lib/catalog/lookup-queries';
import { formatPartner } from '@/lib/format';
import { parseId } from '@/lib/ids';
import { documentBlockers } from '@/lib/inventory/correction';
import { canGetStockDocument, isExpectedReceipt, isReturn, KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import { getReturnStart, type ReturnStart } from '@/lib/inventory/queries/returnable';
import type { Role } from '@/lib/auth/roles';
import type { SearchParams } from '@/lib/data-table/params';
import { getDocument, getEditableLines, type DocumentHeader } from '@/lib/inventory/queries/document-detail';
import { findLineItemById, type LineItemOption } from '@/lib/inventory/queries/form-lookups';
import { getCompanySettings } from '@/lib/settings/company';
import { DocumentForm } from '@/components/documents/document-form';
import { lineFor, type FormLine } from '@/components/documents/form-values';
import type { ReturnableSerials } from '@/components/documents/returnable-serials';
import { readableKinds } from './readable-kinds';
import { ReturnOriginPicker } from './return-origin-picker';

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The "new document" page of a kind: today's date, the first warehouse, no lines yet, and an invoice's
 * "create goods document" switch as the company settings say. `?item=<id>` (the item page's "Receive
 * serials" / "Issue serials") starts it with that item on a line and the line's detail view open, with
 * its serial form.
 */
export async function NewDocumentPage({
  kind,
  searchParams,
}: {
  kind: DocumentKind;
  searchParams: Promise<SearchParams>;
}) {
  const info = KINDS[kind];
  const raw = await searchParams;
  const user = await requirePagePermission(info.writePermission, withQuery(`${info.path}/new`, raw));
  if (isReturn(kind)) return <NewReturnPage kind={kind} userId={user.userId} role={user.role} raw={raw} />;
  const db = getDb();
  const [warehouses, item, settings] = await Promise.all([
    warehouseOptions(db),
    startingItem(raw.item),
    getCompanySettings(db),
  ]);
  return (
    <>
      <PageHeader title={`New ${info.label.toLowerCase()}`} />
      {isExpectedReceipt(kind) && <ExpectedListHint canImport={can(user.role, 'import.run')} />}
      {item === 'missing' && (
        <div className="mb-6">
          <Alert tone="info">The item of the link is not an active item of the price list; add the line here.</Alert>
        </div>
      )}
      <DocumentForm
        kind={kind}
        partner={null}
        warehouses={warehouses}
        draftOwner={String(user.userId)}
        readable={readableKinds(user.role)}
        openLine={item && item !== 'missing' ? 0 : undefined}
        initial={{
          kind,
          date: todayUtc(),
          partnerId: '',
          warehouseId: warehouses[0]?.id ?? '',
          destinationWarehouseId: '',
          inTransit: false,
          note: '',
          externalNumber: '',
          createStockDocument: info.generates !== null && settings.createStockDocument,
          lines: item && item !== 'missing' ? [lineFor(kind, item)] : [],
        }}
      />
    </>
  );
}

/**
 * A new return starts from the document its goods go back on (`?returnOf=<id>`, the "Return…" buttons on that
 * document's page, or the picker this page shows without it): its partner and warehouse, and a line per item with
 * what can still go back — the serials still out with it (or, to a supplier, still in stock from it). The user removes
 * what does not come back.
 */
async function NewReturnPage({
  kind,
  userId,
  role,
  raw,
}: {
  kind: DocumentKind;
  userId: number;
  role: Role;
  raw: SearchParams;
}) {
  const info = KINDS[kind];
  const db = getDb();
  const param = Array.isArray(raw.returnOf) ? raw.returnOf[0] : raw.returnOf;
  const originId = parseId(param ?? '');
  const [warehouses, start, settings] = await Promise.all([
    warehouseOptions(db),
    originId ? getReturnStart(db, kind, originId) : null,
    getCompanySettings(db),
  ]);
  if (!start) {
    const query = Array.isArray(raw.q) ? raw.q[0] : raw.q;
    return (
      <>
        <PageHeader title={`New ${info.label.toLowerCase()}`} />
        <ReturnOriginPicker
          kind={kind}
          query={(query ?? '').trim().slice(0, 100)}
          readable={readableKinds(role)}
          unknownOrigin={param !== undefined}
        />
      </>
    );
  }
  const { origin } = start;
  const empty = start.lines.length === 0;
  return (
    <>
      <PageHeader title={`New ${info.label.toLowerCase()}`} description={`Of ${origin.number}`} />
      <DocumentForm
        kind={kind}
        partner={start.partner && { id: start.partner.id, label: formatPartner(start.partner) }}
        warehouses={warehouses}
        draftOwner={String(userId)}
        draftName={`new:${origin.id}`}
        readable={readableKinds(role)}
        returnable={returnableSerials(kind, start)}
        notice={
          empty
            ? `Nothing that moved with ${origin.number} can go back any more.`
            : `Returns goods of ${origin.number}: the lines hold what can still go back. Remove what does not.`
        }
        initial={{
          kind,
          date: todayUtc(),
          partnerId: start.partner?.id ?? '',
          warehouseId: start.warehouseId,
          destinationWarehouseId: '',
          inTransit: false,
          returnOfId: origin.id,
          note: '',
          externalNumber: '',
          createStockDocument: info.generates !== null && settings.createStockDocument,
          lines: start.lines.map(({ quantity, serials, ...item }) => ({ ...item, quantity, serials })),
        }}
      />
    </>
  );
}

/** What a return's serial forms pick from and check against: per item, the serials that can go back. */
function returnableSerials(kind: DocumentKind, start: ReturnStart): ReturnableSerials {
  return {
    origin: start.origin.number,
    side: KINDS[kind].direction === 'in' ? 'customer' : 'supplier',
    byItem: Object.fromEntries(start.lines.filter((l) => l.trackSerials).map((l) => [l.itemId, l.serials])),
  };
}

async function startingItem(param: string | string[] | undefined): Promise<LineItemOption | 'missing' | null> {
  if (param === undefined) return null;
  const id = parseId(Array.isArray(param) ? param[0] : param);
  return (id && (await findLineItemById(getDb(), id))) || 'missing';
}

/**
 * The edit page of a kind. A goods document generated by an invoice is changed through the invoice.
 * `?stock=1` on an invoice without its goods document ("Create goods receipt / issue" on its page) opens
 * the form with the switch on and the first tracked line's serial form open: saving creates the document.
 */
export async function EditDocumentPage({
  kind,
  params,
  searchParams,
}: {
  kind: DocumentKind;
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const [{ id }, raw] = await Promise.all([params, searchParams]);
  const info = KINDS[kind];
  const user = await requirePagePermission(info.writePermission, withQuery(`${info.path}/${id}/edit`, raw));
  const docId = parseId(id);
  const db = getDb();
  const header = docId ? await getDocument(db, docId) : null;
  if (!header || header.kind !== kind) notFound();
  if (header.sourceInvoice) {
    const source = header.sourceInvoice;
    return (
      <>
        <PageHeader title={`Edit ${header.number}`} />
        <Alert tone="info">
          {header.number} was created by{' '}
          {can(user.role, 'invoices.read') ? (
            <Link href={`${KINDS[source.kind].path}/${source.id}`}>{source.number}</Link>
          ) : (
            source.number
          )}
          ; change the invoice instead.
        </Alert>
      </>
    );
  }
  // A return's serial forms offer what can go back on its document, counting what it already holds.
  const [lines, warehouses, blockers, start] = await Promise.all([
    getEditableLines(db, header),
    warehouseOptions(db),
    documentBlockers(db, BigInt(header.id)),
    header.returnOf ? getReturnStart(db, kind, BigInt(header.returnOf.id), BigInt(header.id)) : null,
  ]);
  const partner = header.partner && { id: header.partner.id, label: formatPartner(header.partner) };
  const stockNow = raw.stock === '1' && canGetStockDocument(header);
  return (
    <>
      <PageHeader title={`Edit ${header.number}`} description={`${info.label} dated ${header.date}`} />
      {/* Keyed by version: after Reload (a newer version) the form starts over from the current data. */}
      <DocumentForm
        key={header.version}
        kind={kind}
        id={header.id}
        version={header.version}
        partner={partner}
        warehouses={warehouses}
        draftOwner={String(user.userId)}
        blockers={blockers}
        readable={readableKinds(user.role)}
        returnable={start && returnableSerials(kind, start)}
        notice={
          stockNow ? stockNotice(header) : header.returnOf ? `Returns goods of ${header.returnOf.number}.` : undefined
        }
        openLine={stockNow ? firstTracked(lines) : undefined}
        initial={{
          kind,
          date: header.date,
          partnerId: header.partner?.id ?? '',
          warehouseId: header.warehouse.id,
          destinationWarehouseId: header.destinationWarehouse?.id ?? '',
          inTransit: header.inTransit,
          returnOfId: header.returnOf?.id ?? '',
          note: header.note,
          externalNumber: header.externalNumber ?? '',
          createStockDocument: stockNow || header.createStockDocument,
          lines,
        }}
      />
    </>
  );
}

function stockNotice(header: DocumentHeader): string {
  const goods = KINDS[KINDS[header.kind].generates!].label.toLowerCase();
  return `Saving creates the ${goods} of ${header.number}, with the next number, in the same step. Enter the serial numbers of its tracked lines first.`;
}

function firstTracked(lines: FormLine[]): number | undefined {
  const index = lines.findIndex((line) => line.trackSerials);
  return index < 0 ? undefined : index;
}

/** Where a supplier's list comes in: pasted into a line's serial form here, or a file through the importer. */
function ExpectedListHint({ canImport }: { canImport: boolean }) {
  return (
    <div className="mb-6">
      <Alert tone="info">
        Paste the supplier&apos;s list into a line&apos;s serial numbers (one per line, or a column copied from a
        spreadsheet), or scan it.
        {canImport && (
          <>
            {' '}
            From a CSV or XLSX file: <Link href="/import">Import</Link> into Expected receipts, one serial per row (
            <a href="/import/templates/Expected_Receipts.xlsx" download>
              template
            </a>
            ).
          </>
        )}
      </Alert>
    </div>
  );
}
