import { getDb } from '@/db/client';
import { Card, PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/roles';
import { requirePagePermission } from '@/lib/auth/session';
import { warehouseOptions } from '@/lib/catalog/lookup-queries';
import { DeleteWarehouseButton } from './delete-warehouse-button';
import { WarehouseForm } from './warehouse-form';

export const metadata = { title: 'Warehouses' };

export default async function WarehousesPage() {
  const user = await requirePagePermission('warehouses.read', '/warehouses');
  const warehouses = await warehouseOptions(getDb());
  const canEdit = can(user.role, 'warehouses.write');
  return (
    <>
      <PageHeader title="Warehouses" />
      <div className="space-y-4">
        {canEdit && <Card title="New warehouse"><WarehouseForm label="New warehouse" initial={{ code: '', name: '' }} /></Card>}
        <Card title="All warehouses">
          <ul className="space-y-3">
            {warehouses.map((w) => (
              <li key={w.id}>
                {canEdit ? (
                  <div className="flex flex-wrap items-end gap-3">
                    <WarehouseForm id={w.id} label={`Warehouse ${w.code}`} initial={{ code: w.code, name: w.name }} />
                    <DeleteWarehouseButton id={w.id} code={w.code} />
                  </div>
                )
                  : <span><strong>{w.code}</strong> · {w.name}</span>}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
