import Link from 'next/link';
import { getDb } from '@/db/client';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/roles';
import { requirePagePermission, withQuery } from '@/lib/auth/session';
import { warehouseOptions } from '@/lib/catalog/lookup-queries';
import type { SearchParams } from '@/lib/data-table/params';
import { isInvoice, KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import { listDocuments, parseDocumentListParams } from '@/lib/inventory/queries/document-list';
import { partnerOptionsFor } from '@/lib/inventory/queries/form-lookups';
import { DocumentsTable } from './documents-table';

/** The list page of one kind of document; each route's page.tsx renders this with its kind. */
export async function DocumentListPage({ kind, searchParams }: { kind: DocumentKind; searchParams: Promise<SearchParams> }) {
  const info = KINDS[kind];
  const raw = await searchParams;
  const user = await requirePagePermission(info.readPermission, withQuery(info.path, raw));
  const params = parseDocumentListParams(raw);
  const db = getDb();
  const [{ rows, total }, partners, warehouses] = await Promise.all([
    listDocuments(db, kind, params), partnerOptionsFor(db, kind), warehouseOptions(db),
  ]);
  const description = isInvoice(kind)
    ? `Saving an invoice can create its ${KINDS[info.generates!].label.toLowerCase()} in one go.`
    : 'Stock and serial numbers move only through these documents.';
  return (
    <>
      <PageHeader title={info.plural} description={description}
        actions={can(user.role, info.writePermission) && (
          <Link href={`${info.path}/new`} className={buttonClass()}>New {info.label.toLowerCase()}</Link>
        )} />
      <DocumentsTable kind={kind} rows={rows} total={total} page={params.page} perPage={params.perPage} sort={params.sort}
        partners={partners.map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
        warehouses={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))} />
    </>
  );
}
