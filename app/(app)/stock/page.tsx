import { getDb } from '@/db/client';
import { PageHeader } from '@/components/ui/page-header';
import { requirePagePermission, withQuery } from '@/lib/auth/session';
import { warehouseOptions } from '@/lib/catalog/lookup-queries';
import type { SearchParams } from '@/lib/data-table/params';
import { listStock, parseStockListParams } from '@/lib/inventory/queries/stock';
import { StockTable } from './stock-table';
import { ParamProblems } from '@/components/data-table/param-problems';

export const metadata = { title: 'Stock' };

export default async function StockPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  await requirePagePermission('stock.read', withQuery('/stock', raw));
  const params = parseStockListParams(raw);
  const db = getDb();
  const [{ rows, total }, warehouses] = await Promise.all([listStock(db, params), warehouseOptions(db)]);
  // The export takes the same filters, search and sort as the list on screen.
  const exportQuery = new URLSearchParams();
  if (params.q) exportQuery.set('q', params.q);
  for (const [name, value] of Object.entries(params.filters)) if (value) exportQuery.set(name, value);
  exportQuery.set('sort', `${params.sort.id}.${params.sort.desc ? 'desc' : 'asc'}`);
  return (
    <>
      <PageHeader title="Stock" description="Quantities on hand per item and warehouse." />
      <ParamProblems problems={params.problems} />
      <StockTable
        rows={rows}
        total={total}
        page={params.page}
        perPage={params.perPage}
        sort={params.sort}
        exportHref={`/stock/export?${exportQuery.toString()}`}
        warehouses={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
      />
    </>
  );
}
