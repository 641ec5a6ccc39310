import { Link } from '@/components/ui/link';
import { getDb } from '@/db/client';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/roles';
import { requirePagePermission, withQuery } from '@/lib/auth/session';
import { warehouseOptions } from '@/lib/catalog/lookup-queries';
import type { SearchParams } from '@/lib/data-table/params';
import { formatPartner } from '@/lib/format';
import { parseId } from '@/lib/ids';
import { isArrival, isInvoice, isTransfer, KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import { DOCUMENT_COUNT_CAP, listDocuments, parseDocumentListParams } from '@/lib/inventory/queries/document-list';
import { partnerOptionById } from '@/lib/inventory/queries/form-lookups';
import { DocumentsTable } from '@/components/documents/documents-table';
import type { PartnerChoice } from '@/components/documents/partner-combobox';
import { ParamProblems } from '@/components/data-table/param-problems';

/** The list page of one kind of document; each route's page.tsx renders this with its kind. */
export async function DocumentListPage({
  kind,
  searchParams,
}: {
  kind: DocumentKind;
  searchParams: Promise<SearchParams>;
}) {
  const info = KINDS[kind];
  const raw = await searchParams;
  const user = await requirePagePermission(info.readPermission, withQuery(info.path, raw));
  const params = parseDocumentListParams(raw);
  const db = getDb();
  const [{ rows, total, capped }, partner, warehouses] = await Promise.all([
    listDocuments(db, kind, params),
    filteredPartner(kind, params.filters.partner),
    warehouseOptions(db),
  ]);
  const description = isInvoice(kind)
    ? `Saving an invoice can create its ${KINDS[info.generates!].label.toLowerCase()} in one go.`
    : isTransfer(kind)
      ? 'Goods and serial numbers moving from one warehouse to another.'
      : isArrival(kind)
        ? 'What arrived of transfers sent in transit; receive more from the transfer’s page.'
        : 'Stock and serial numbers move only through these documents.';
  return (
    <>
      <PageHeader
        title={info.plural}
        description={description}
        actions={
          can(user.role, info.writePermission) &&
          !isArrival(kind) && (
            <Link href={`${info.path}/new`} className={buttonClass()}>
              New {info.label.toLowerCase()}
            </Link>
          )
        }
      />
      <ParamProblems problems={params.problems} />
      <DocumentsTable
        kind={kind}
        rows={rows}
        total={total}
        totalLabel={capped ? `${DOCUMENT_COUNT_CAP.toLocaleString('en')}+` : undefined}
        page={params.page}
        perPage={params.perPage}
        sort={params.sort}
        partner={partner}
        warehouses={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
      />
    </>
  );
}

/** Only the partner the list is filtered by travels to the page; the combobox searches for the others. */
async function filteredPartner(kind: DocumentKind, param: string | undefined): Promise<PartnerChoice | null> {
  if (!param) return null;
  const id = parseId(param);
  const found = id ? await partnerOptionById(getDb(), kind, id) : null;
  // The list is still filtered by the id in the URL; say so rather than show "All".
  return { id: param, label: found ? formatPartner(found) : 'Unknown partner' };
}
