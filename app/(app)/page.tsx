import { Suspense } from 'react';
import { getDb } from '@/db/client';
import { DOCUMENT_KINDS } from '@/db/schema/inventory';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/roles';
import { requirePagePermission } from '@/lib/auth/session';
import { cachedDashboardTotals, cachedMovementsAndLowStock } from '@/lib/dashboard/cached';
import { KINDS } from '@/lib/inventory/kinds';
import { recentDocuments } from '@/lib/dashboard/queries';
import {
  BelowMinimumSection,
  MovementsSection,
  RecentSection,
  MovementsSkeleton,
  RecentSkeleton,
  SectionSkeleton,
  TotalsSkeleton,
  TotalsSection,
} from './_dashboard/sections';

export const metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const user = await requirePagePermission(null, '/');
  const kinds = DOCUMENT_KINDS.filter((kind) => can(user.role, KINDS[kind].readPermission));
  const showStock = can(user.role, 'stock.read');
  const db = getDb();
  // Started together, awaited apart: each section streams in as soon as its own query is done. The whole-table
  // figures come from the per-process cache (lib/dashboard/cached.ts), so only a visit that finds them missing or
  // too old waits for their queries; the recent documents are always read live.
  const cachedTotals = cachedDashboardTotals(kinds);
  const cachedFigures = cachedMovementsAndLowStock();
  const totals = cachedTotals.then((c) => c.value);
  const days = cachedFigures.then((c) => c.value.days);
  const recent = recentDocuments(db, kinds, 8);
  const low = showStock ? cachedFigures.then((c) => c.value.low) : null;
  const asOf = Promise.all([cachedTotals, cachedFigures]).then(([t, f]) => Math.min(t.computedAt, f.computedAt));
  // A query the page no longer awaits (a section not rendered) must not end as an unhandled rejection.
  for (const pending of [totals, days, recent, low, asOf]) pending?.catch(() => undefined);
  const links = { items: can(user.role, 'items.read'), stock: showStock, serials: can(user.role, 'serials.read') };
  return (
    <>
      <PageHeader title="Dashboard" description={`Signed in as ${user.userName}.`} />
      <Suspense fallback={<TotalsSkeleton />}>
        <TotalsSection totals={totals} asOf={asOf} links={links} />
      </Suspense>
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Suspense fallback={<MovementsSkeleton />}>
            <MovementsSection days={days} />
          </Suspense>
        </div>
        <Suspense fallback={<RecentSkeleton rows={8} />}>
          <RecentSection recent={recent} />
        </Suspense>
      </div>
      {low && (
        <div className="mt-6">
          <Suspense fallback={<SectionSkeleton title="Items below minimum stock" />}>
            <BelowMinimumSection low={low} />
          </Suspense>
        </div>
      )}
    </>
  );
}
