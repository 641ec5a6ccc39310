import Link from 'next/link';
import { getDb } from '@/db/client';
import { catalogCounts } from '@/lib/dashboard/queries';
import { Card, PageHeader } from '@/components/ui/page-header';
import { requirePagePermission } from '@/lib/auth/session';

export const metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const user = await requirePagePermission(null, '/');
  const counts = await catalogCounts(getDb());
  return (
    <>
      <PageHeader title="Dashboard" description={`Signed in as ${user.userName}.`} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Card title="Items"><p className="text-3xl font-semibold">{counts.items}</p><Link href="/items">Price list</Link></Card>
        <Card title="Warehouses"><p className="text-3xl font-semibold">{counts.warehouses}</p></Card>
        <Card title="Partners"><p className="text-3xl font-semibold">{counts.partners}</p></Card>
      </div>
    </>
  );
}
