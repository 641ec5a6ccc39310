import { Link } from '@/components/ui/link';
import { getDb } from '@/db/client';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { listItems, parseItemListParams } from '@/lib/catalog/item-queries';
import { can } from '@/lib/auth/roles';
import { requirePagePermission, withQuery } from '@/lib/auth/session';
import type { SearchParams } from '@/lib/data-table/params';
import { ItemsTable } from './items-table';
import { ParamProblems } from '@/components/data-table/param-problems';

export const metadata = { title: 'Price list' };

export default async function ItemsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const user = await requirePagePermission('items.read', withQuery('/items', raw));
  const params = parseItemListParams(raw);
  const { rows, total } = await listItems(getDb(), params);
  return (
    <>
      <PageHeader
        title="Price list"
        description="Items, prices and whether their serial numbers are tracked."
        actions={
          can(user.role, 'items.write') && (
            <Link href="/items/new" className={buttonClass()}>
              New item
            </Link>
          )
        }
      />
      <ParamProblems problems={params.problems} />
      <ItemsTable rows={rows} total={total} page={params.page} perPage={params.perPage} sort={params.sort} />
    </>
  );
}
