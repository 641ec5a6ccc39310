import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { CancelStocktakeButton } from '@/components/stocktakes/cancel-button';
import { CountPanel } from '@/components/stocktakes/count-panel';
import { CountTable, MissingList, UnexpectedList } from '@/components/stocktakes/differences';
import { pageParam } from '@/components/stocktakes/page-param';
import { SummaryList } from '@/components/stocktakes/summary';
import { can } from '@/lib/auth/roles';
import { requirePagePermission, withQuery } from '@/lib/auth/session';
import type { SearchParams } from '@/lib/data-table/params';
import { parseId } from '@/lib/ids';
import { KINDS } from '@/lib/inventory/kinds';
import {
  countableItems,
  countRows,
  getStocktake,
  latestScans,
  missingSerials,
  stocktakeDocuments,
  stocktakeSummary,
  unexpectedScans,
} from '@/lib/inventory/queries/stocktakes';

export const metadata = { title: 'Stocktake' };

/** The count screen: scanning and counting while open; what was found and posted once closed. */
export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const raw = await searchParams;
  const user = await requirePagePermission('stockDocs.read', withQuery(`/stocktakes/${id}`, raw));
  const stId = parseId(id);
  const db = getDb();
  const st = stId ? await getStocktake(db, stId) : null;
  if (!st || !stId) notFound();
  const [missingPage, unexpectedPage] = [pageParam(raw.missing), pageParam(raw.unexpected)];
  const open = st.status === 'open';
  const [summary, latest, missing, unexpected, counts, items, documents] = await Promise.all([
    stocktakeSummary(db, st),
    latestScans(db, stId),
    open ? missingSerials(db, st, missingPage) : [],
    unexpectedScans(db, stId, unexpectedPage),
    countRows(db, stId),
    open ? countableItems(db, st) : [],
    stocktakeDocuments(db, stId),
  ]);
  const canWrite = open && can(user.role, 'stockDocs.write');
  const href = (p: Record<string, string>) =>
    `/stocktakes/${st.id}?${new URLSearchParams({ missing: String(missingPage), unexpected: String(unexpectedPage), ...p })}`;
  const unexpectedTotal = Object.values(summary.unexpected).reduce((a, b) => a + b, 0);
  const scope = st.itemCodes.length === 0 ? 'every item' : st.itemCodes.join(', ');
  return (
    <>
      <PageHeader
        title={`Stocktake ${st.number}`}
        description={`Warehouse ${st.warehouseCode}, ${scope}; opened ${st.date} by ${st.createdBy}. ${statusText(st)}`}
        actions={
          canWrite && (
            <>
              <Link href={`/stocktakes/${st.id}/close`} className={buttonClass('primary')}>
                Close count…
              </Link>
              <CancelStocktakeButton id={st.id} number={st.number} />
            </>
          )
        }
      />
      <div className="space-y-4">
        {!open && (
          <Alert tone="info">
            {st.status === 'closed'
              ? `Closed and read-only. ${documents.length === 0 ? 'Nothing differed: nothing was posted.' : 'Posted:'}`
              : 'Cancelled: nothing was posted, and the count can no longer change.'}
            {documents.length > 0 && (
              <ul className="mt-1 list-inside list-disc">
                {documents.map((d) => (
                  <li key={d.id}>
                    <Link href={`${KINDS[d.kind].path}/${d.id}`}>{d.number}</Link> ({KINDS[d.kind].label.toLowerCase()},{' '}
                    {d.lines} {d.lines === 1 ? 'line' : 'lines'})
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        )}
        {canWrite ? (
          <CountPanel stocktakeId={st.id} items={items} initial={{ summary, latest }} />
        ) : (
          open && <SummaryList summary={summary} />
        )}
        {open && <MissingList rows={missing} paging={{ page: missingPage, total: summary.missing, href }} />}
        <UnexpectedList rows={unexpected} paging={{ page: unexpectedPage, total: unexpectedTotal, href }} />
        <CountTable rows={counts} />
        {open && (
          <p className="text-sm">
            <Link href={href({})}>Refresh the lists</Link>
          </p>
        )}
      </div>
    </>
  );
}

function statusText(st: { status: string; closedBy: string | null; closedAt: string | null; reason: string | null }) {
  if (st.status === 'open') return 'Open.';
  const who = `${st.closedBy ?? ''} at ${st.closedAt ?? ''}`;
  return st.status === 'closed' ? `Closed by ${who}: ${st.reason ?? ''}` : `Cancelled by ${who}.`;
}
