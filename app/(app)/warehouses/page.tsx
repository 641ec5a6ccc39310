import { getDb } from '@/db/client';
import { Card, PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/roles';
import { requirePagePermission, withQuery } from '@/lib/auth/session';
import { listWarehousesPage, parseWarehouseListParams } from '@/lib/catalog/warehouse-queries';
import type { SearchParams } from '@/lib/data-table/params';
import { WarehouseForm } from './warehouse-form';
import { WarehousesTable } from './warehouses-table';
import { ParamProblems } from '@/components/data-table/param-problems';

export const metadata = { title: 'Warehouses' };

export default async function WarehousesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const user = await requirePagePermission('warehouses.read', withQuery('/warehouses', raw));
  const params = parseWarehouseListParams(raw);
  const { rows, total } = await listWarehousesPage(getDb(), params);
  const canEdit = can(user.role, 'warehouses.write');
  return (
    <>
      <PageHeader title="Warehouses" />
      <ParamProblems problems={params.problems} />
      <div className="space-y-4">
        {canEdit && (
          <Card title="New warehouse">
            <WarehouseForm label="New warehouse" initial={{ code: '', name: '' }} />
          </Card>
        )}
        <WarehousesTable
          rows={rows}
          total={total}
          page={params.page}
          perPage={params.perPage}
          sort={params.sort}
          canEdit={canEdit}
        />
      </div>
    </>
  );
}
