import { getDb } from '@/db/client';
import { Card, PageHeader } from '@/components/ui/page-header';
import { NewStocktakeForm } from '@/components/stocktakes/new-stocktake-form';
import { requirePagePermission } from '@/lib/auth/session';
import { warehouseOptions } from '@/lib/catalog/lookup-queries';

export const metadata = { title: 'New stocktake' };

export default async function Page() {
  await requirePagePermission('stockDocs.write', '/stocktakes/new');
  const warehouses = await warehouseOptions(getDb());
  return (
    <>
      <PageHeader title="New stocktake" description="Count one warehouse: every item, or only the ones you choose." />
      <Card>
        <NewStocktakeForm warehouses={warehouses} today={new Date().toISOString().slice(0, 10)} />
      </Card>
    </>
  );
}
