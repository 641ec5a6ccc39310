import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { Alert } from '@/components/ui/alert';
import { Card, PageHeader } from '@/components/ui/page-header';
import { CloseStocktakeForm } from '@/components/stocktakes/close-form';
import { CountTable, MissingList } from '@/components/stocktakes/differences';
import { pageParam } from '@/components/stocktakes/page-param';
import { requirePagePermission, withQuery } from '@/lib/auth/session';
import type { SearchParams } from '@/lib/data-table/params';
import { parseId } from '@/lib/ids';
import {
  closingPreview,
  countRows,
  getStocktake,
  missingSerials,
  stocktakeSummary,
} from '@/lib/inventory/queries/stocktakes';

export const metadata = { title: 'Close stocktake' };

/** The confirmation before closing: every difference closing will post, and the ones it will not. */
export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const raw = await searchParams;
  await requirePagePermission('stockDocs.write', withQuery(`/stocktakes/${id}/close`, raw));
  const stId = parseId(id);
  const db = getDb();
  const st = stId ? await getStocktake(db, stId) : null;
  if (!st || !stId) notFound();
  if (st.status !== 'open')
    return (
      <Alert tone="info">
        Stocktake {st.number} is {st.status}. <Link href={`/stocktakes/${st.id}`}>Back to {st.number}</Link>
      </Alert>
    );
  const missingPage = pageParam(raw.missing);
  const [preview, summary, missing, counts] = await Promise.all([
    closingPreview(db, st),
    stocktakeSummary(db, st),
    missingSerials(db, st, missingPage),
    countRows(db, stId),
  ]);
  const { other_warehouse: elsewhere, issued, in_transit: inTransit } = summary.unexpected;
  const left = elsewhere + issued + inTransit;
  const href = (p: Record<string, string>) => `/stocktakes/${st.id}/close?${new URLSearchParams(p)}`;
  const nothing = preview.missing + preview.unknown + preview.counts === 0;
  return (
    <>
      <PageHeader
        title={`Close ${st.number}`}
        description={`Warehouse ${st.warehouseCode}. Closing posts these differences in one go; the count is then read-only.`}
      />
      <div className="space-y-4">
        <Card title="Differences to post">
          <ul className="list-inside list-disc text-sm">
            <li>
              Goods issue: {preview.missing.toLocaleString('en')} missing serials leave the stock, with the counted
              goods short.
            </li>
            <li>
              Goods receipt: {preview.unknown.toLocaleString('en')} unknown serials found are received as new, with the
              counted goods over.
            </li>
            <li>{preview.counts} counted items differ from the books.</li>
            {left > 0 && (
              <li>
                Not adjusted: {elsewhere} in another warehouse, {issued} already issued, {inTransit} in transit. They
                need a transfer, an arrival or a return (listed on the <Link href={`/stocktakes/${st.id}`}>count</Link>
                ).
              </li>
            )}
          </ul>
        </Card>
        {preview.missing > 0 && (
          <MissingList rows={missing} paging={{ page: missingPage, total: preview.missing, href }} />
        )}
        {preview.unknown > 0 && (
          <section aria-label="Unknown serials to receive" className="rounded-lg border bg-white p-4 text-sm">
            <h2 className="mb-2 font-semibold">Unknown serials to receive ({preview.unknown.toLocaleString('en')})</h2>
            <ul className="grid gap-1 sm:grid-cols-2">
              {preview.unknownShown.map((u) => (
                <li key={`${u.itemCode}/${u.serial}`}>
                  <span className="font-mono">{u.serial}</span>{' '}
                  <span className="text-xs text-slate-500">{u.itemCode}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <CountTable rows={counts.filter((c) => Number(c.difference) !== 0)} />
        <Card title="Close">
          <CloseStocktakeForm
            id={st.id}
            number={st.number}
            digest={preview.digest}
            minDate={st.date}
            today={new Date().toISOString().slice(0, 10)}
            nothing={nothing}
          />
        </Card>
      </div>
    </>
  );
}
