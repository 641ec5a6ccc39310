import Link from 'next/link';
import { getDb } from '@/db/client';
import { DOCUMENT_KINDS } from '@/db/schema/inventory';
import { MovementChart } from '@/components/documents/movement-chart';
import { Card, PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/roles';
import { requirePagePermission } from '@/lib/auth/session';
import { cachedDashboardTotals, cachedMovementsAndLowStock } from '@/lib/dashboard/cached';
import { recentDocuments } from '@/lib/dashboard/queries';
import { formatDateTime, formatQuantity } from '@/lib/format';
import { KINDS } from '@/lib/inventory/kinds';

export const metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const user = await requirePagePermission(null, '/');
  const kinds = DOCUMENT_KINDS.filter((kind) => can(user.role, KINDS[kind].readPermission));
  const showStock = can(user.role, 'stock.read');
  const db = getDb();
  const [cachedTotals, cachedFigures, recent] = await Promise.all([
    cachedDashboardTotals(kinds),
    cachedMovementsAndLowStock(),
    recentDocuments(db, kinds, 8),
  ]);
  const totals = cachedTotals.value;
  const { days, low } = cachedFigures.value;
  const asOf = new Date(Math.min(cachedTotals.computedAt, cachedFigures.computedAt));
  const figures: [string, string, string | null][] = [
    ['Items', totals.items.toLocaleString('en'), can(user.role, 'items.read') ? '/items' : null],
    ['Stock quantity', formatQuantity(totals.stockQuantity), showStock ? '/stock' : null],
    [
      'Serials in stock',
      totals.serialsInStock.toLocaleString('en'),
      can(user.role, 'serials.read') ? '/serial-numbers' : null,
    ],
    ['Documents this month', totals.documentsThisMonth.toLocaleString('en'), null],
  ];
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Signed in as ${user.userName}. Totals, chart and minimum stock as of ${formatDateTime(asOf)}.`}
      />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Totals">
        {figures.map(([label, value, href]) => (
          <li key={label} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <p className="text-sm text-slate-600">{href ? <Link href={href}>{label}</Link> : label}</p>
            <p className="mt-1 text-3xl font-semibold tabular-nums">{value}</p>
          </li>
        ))}
      </ul>
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title="Received and issued, last 30 days">
            <MovementChart days={days} />
          </Card>
        </div>
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
      </div>
      {showStock && (
        <div className="mt-6">
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
        </div>
      )}
    </>
  );
}
