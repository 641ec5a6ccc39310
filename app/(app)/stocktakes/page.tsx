import { Link } from '@/components/ui/link';
import { getDb } from '@/db/client';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/stocktakes/pager';
import { can } from '@/lib/auth/roles';
import { requirePagePermission, withQuery } from '@/lib/auth/session';
import type { SearchParams } from '@/lib/data-table/params';
import { listStocktakes } from '@/lib/inventory/queries/stocktakes';
import { pageParam } from '@/components/stocktakes/page-param';

export const metadata = { title: 'Stocktakes' };

const PER_PAGE = 50;

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const user = await requirePagePermission('stockDocs.read', withQuery('/stocktakes', raw));
  const page = pageParam(raw.page);
  const { rows, total } = await listStocktakes(getDb(), page, PER_PAGE);
  return (
    <>
      <PageHeader
        title="Stocktakes"
        description="Counts of a warehouse by scanning its serials and counting its goods; closing one posts the differences."
        actions={
          can(user.role, 'stockDocs.write') && (
            <Link href="/stocktakes/new" className={buttonClass('primary')}>
              New stocktake
            </Link>
          )
        }
      />
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">No stocktakes yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left">
              <tr>
                <th className="px-3 py-2">Number</th>
                <th className="px-3 py-2">Date</th>
                <th className="px-3 py-2">Warehouse</th>
                <th className="px-3 py-2">Items</th>
                <th className="px-3 py-2">Status</th>
                <th className="px-3 py-2 text-right">Scans</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((st) => (
                <tr key={st.id} className="border-t border-slate-100">
                  <td className="px-3 py-2">
                    <Link href={`/stocktakes/${st.id}`}>{st.number}</Link>
                  </td>
                  <td className="px-3 py-2">{st.date}</td>
                  <td className="px-3 py-2">{st.warehouseCode}</td>
                  <td className="px-3 py-2">{st.itemCodes.length === 0 ? 'All' : st.itemCodes.join(', ')}</td>
                  <td className="px-3 py-2 capitalize">{st.status}</td>
                  <td className="px-3 py-2 text-right">{st.scans.toLocaleString('en')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label="Stocktakes"
        href={(p) => `/stocktakes?${new URLSearchParams(p)}`}
        param="page"
        page={page}
        total={total}
        perPage={PER_PAGE}
      />
    </>
  );
}
