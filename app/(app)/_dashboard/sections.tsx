import { Link } from '@/components/ui/link';
import { MovementChart } from '@/components/documents/movement-chart';
import { Card } from '@/components/ui/page-header';
import type { DailyMovement, DashboardTotals, LowStockItem, RecentDocument } from '@/lib/dashboard/queries';
import { formatDateTime, formatQuantity } from '@/lib/format';
import { KINDS } from '@/lib/inventory/kinds';

/*
 * The dashboard's sections, each awaiting its own query under the page's Suspense boundaries: the page
 * starts all four queries at once and sends its frame at once; each section streams in when its query is
 * done, instead of the whole page waiting for the slowest (the dashboard took 375 ms at 10,000,000 serials,
 * docs/quality.md). The whole-table figures are cached per process (lib/dashboard/cached.ts), so they wait only
 * when the cache computes them.
 */
const TOTAL_LABELS = ['Items', 'Stock quantity', 'Serials in stock', 'Documents this month'] as const;
const TOTAL_CARD = 'rounded-lg border border-slate-200 bg-white p-4 shadow-sm';

export async function TotalsSection({
  totals: pending,
  asOf: pendingAsOf,
  links,
}: {
  totals: Promise<DashboardTotals>;
  /** When the cached whole-table figures were computed (lib/dashboard/cached.ts), epoch ms. */
  asOf: Promise<number>;
  links: { items: boolean; stock: boolean; serials: boolean };
}) {
  const [totals, asOf] = await Promise.all([pending, pendingAsOf]);
  const figures: [string, string, string | null][] = [
    [TOTAL_LABELS[0], totals.items.toLocaleString('en'), links.items ? '/items' : null],
    [TOTAL_LABELS[1], formatQuantity(totals.stockQuantity), links.stock ? '/stock' : null],
    [TOTAL_LABELS[2], totals.serialsInStock.toLocaleString('en'), links.serials ? '/serial-numbers' : null],
    [TOTAL_LABELS[3], totals.documentsThisMonth.toLocaleString('en'), null],
  ];
  return (
    <>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Totals">
        {figures.map(([label, value, href]) => (
          <li key={label} className={TOTAL_CARD}>
            <p className="text-sm text-slate-600">{href ? <Link href={href}>{label}</Link> : label}</p>
            <p className="mt-1 text-3xl font-semibold tabular-nums">{value}</p>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-slate-500">
        Totals, chart and minimum stock as of {formatDateTime(new Date(asOf))} UTC (recomputed at most a minute apart).
      </p>
    </>
  );
}

export async function MovementsSection({ days }: { days: Promise<DailyMovement[]> }) {
  return (
    <Card title="Received and issued, last 30 days">
      <MovementChart days={await days} />
    </Card>
  );
}

export async function RecentSection({ recent: pending }: { recent: Promise<RecentDocument[]> }) {
  const recent = await pending;
  return (
    <Card title="Recent documents">
      {recent.length === 0 ? (
        <p className="text-sm text-slate-500">No documents yet.</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {recent.map((d) => (
            <li key={d.id}>
              <Link href={`${KINDS[d.kind].path}/${d.id}`} className="font-medium">
                {d.number}
              </Link>
              <span className="block text-slate-600">
                {KINDS[d.kind].label} · {d.date}
                {d.partnerName ? ` · ${d.partnerName}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export async function BelowMinimumSection({ low: pending }: { low: Promise<LowStockItem[]> }) {
  const low = await pending;
  return (
    <Card title="Items below minimum stock">
      {low.length === 0 ? (
        <p className="text-sm text-slate-500">Every item is at or above its minimum stock.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Items below minimum stock</caption>
            <thead className="text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Item
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  On hand
                </th>
                <th scope="col" className="py-1 text-right">
                  Minimum
                </th>
              </tr>
            </thead>
            <tbody>
              {low.map((i) => (
                <tr key={i.id} className="border-t border-slate-100">
                  <td className="py-1.5 pr-3">
                    <Link href={`/items/${i.id}`}>{i.code}</Link> <span className="text-slate-600">{i.name}</span>
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">
                    {formatQuantity(i.onHand)} {i.unit}
                  </td>
                  <td className="py-1.5 text-right tabular-nums">
                    {formatQuantity(i.minStock)} {i.unit}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

/*
 * The skeletons take the size of what streams in after them (the same cards, the chart's aspect ratio, two lines per
 * recent document): a phone's page must not jump when the figures arrive (perf:web measured a layout shift of 0.45 on
 * the dashboard with bars of one height for every section).
 */
export function TotalsSkeleton() {
  return (
    <div aria-busy="true">
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {TOTAL_LABELS.map((label) => (
          <li key={label} className={TOTAL_CARD}>
            <p className="text-sm text-slate-600">{label}</p>
            <p className="mt-1 text-3xl font-semibold text-slate-300">…</p>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-slate-500">Loading the totals…</p>
    </div>
  );
}

export function MovementsSkeleton() {
  return (
    <Card title="Received and issued, last 30 days">
      <p className="sr-only">Loading…</p>
      <div className="aspect-[10/3] w-full animate-pulse rounded bg-slate-100" aria-hidden="true" />
      <div className="mt-2 h-4" aria-hidden="true" />
    </Card>
  );
}

export function RecentSkeleton({ rows }: { rows: number }) {
  return (
    <Card title="Recent documents">
      <p className="sr-only">Loading…</p>
      <ul className="space-y-2" aria-hidden="true">
        {Array.from({ length: rows }, (_, i) => (
          <li key={i} className="space-y-0">
            <div className="h-5 w-28 animate-pulse rounded bg-slate-100" />
            <div className="h-5 w-48 rounded bg-slate-50" />
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** What a section of unknown size shows while its query runs: a card of the same title. */
export function SectionSkeleton({ title, rows = 3 }: { title?: string; rows?: number }) {
  const bars = (
    <div className="space-y-2" aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-4 animate-pulse rounded bg-slate-100" />
      ))}
    </div>
  );
  return title ? (
    <Card title={title}>
      <p className="sr-only">Loading…</p>
      {bars}
    </Card>
  ) : (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p className="sr-only">Loading…</p>
      {bars}
    </div>
  );
}
