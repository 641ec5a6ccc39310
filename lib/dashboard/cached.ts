import { allPipelined } from '@/lib/sql-pipeline';
import 'server-only';
import { getDb } from '@/db/client';
import { keyedStaleWhileRevalidate, staleWhileRevalidate } from '@/lib/cache/stale-while-revalidate';
import type { DocumentKind } from '@/lib/inventory/kinds';
import { dashboardTotals, itemsBelowMinimum, movementsPerDay } from './queries';

/*
 * The dashboard's whole-table figures (totals, the 30-day chart, items below minimum) aggregate every item,
 * stock level and recent line: 300–375 ms at 10,000,000 serials, on every visit of everyone's home page. They are
 * kept per process: at most DASHBOARD_MAX_AGE_MS old (the page says as of when), recomputed in the background
 * by the first visit after DASHBOARD_FRESH_MS. The recent documents stay live (an index read of eight rows).
 */
export const DASHBOARD_FRESH_MS = 10_000;
export const DASHBOARD_MAX_AGE_MS = 60_000;
const options = { freshMs: DASHBOARD_FRESH_MS, maxAgeMs: DASHBOARD_MAX_AGE_MS };

/** Keyed by the kinds the viewer may read: one entry per role's set, so a handful at most. */
export const cachedDashboardTotals = keyedStaleWhileRevalidate(
  (kinds: DocumentKind[]) => dashboardTotals(getDb(), kinds),
  options,
  (kinds) => [...kinds].sort().join(','),
);

const movementsAndLowStock = staleWhileRevalidate(async () => {
  const db = getDb();
  const [days, low] = await allPipelined([movementsPerDay(db, 30), itemsBelowMinimum(db)]);
  return { days, low };
}, options);

export const cachedMovementsAndLowStock = () => movementsAndLowStock.get();
