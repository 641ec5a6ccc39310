import { getDb } from '@/db/client';
import { PageHeader } from '@/components/ui/page-header';
import { requirePagePermission, withQuery } from '@/lib/auth/session';
import { warehouseOptions } from '@/lib/catalog/lookup-queries';
import type { SearchParams } from '@/lib/data-table/params';
import { listSerials, parseSerialListParams, SERIAL_COUNT_CAP } from '@/lib/inventory/queries/serials';
import { SerialsTable } from './serials-table';
import { ParamProblems } from '@/components/data-table/param-problems';

export const metadata = { title: 'Serial numbers' };

export default async function SerialNumbersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  await requirePagePermission('serials.read', withQuery('/serial-numbers', raw));
  const params = parseSerialListParams(raw);
  const db = getDb();
  const [{ rows, total, capped }, warehouses] = await Promise.all([listSerials(db, params), warehouseOptions(db)]);
  const everyKnown = params.filters.all === '1';
  const count = capped ? `${SERIAL_COUNT_CAP.toLocaleString('en')}+` : total.toLocaleString('en');
  return (
    <>
      <PageHeader
        title="Serial numbers"
        description={
          everyKnown ? 'Every serial number ever received, in stock or issued.' : 'The serial numbers in stock now.'
        }
      />
      <ParamProblems problems={params.problems} />
      <SerialsTable
        rows={rows}
        total={total}
        countLabel={count}
        page={params.page}
        perPage={params.perPage}
        sort={params.sort}
        everyKnown={everyKnown}
        warehouses={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
      />
    </>
  );
}
