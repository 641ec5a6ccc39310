import type { StocktakeSummary } from '@/lib/inventory/queries/stocktakes';

const n = (value: number) => value.toLocaleString('en');

/** The count's totals: what the screen polls, so it stays a handful of numbers however big the count. */
export function SummaryList({ summary }: { summary: StocktakeSummary }) {
  const { unexpected } = summary;
  const items: [string, number][] = [
    ['Expected', summary.expected],
    ['Found', summary.found],
    ['Missing', summary.missing],
    ['Unknown', unexpected.unknown],
    ['In another warehouse', unexpected.other_warehouse],
    ['Already issued', unexpected.issued],
    ['In transit', unexpected.in_transit],
    ['Count differences', summary.countDifferences],
  ];
  return (
    <dl aria-label="Count totals" className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
      {items.map(([label, value]) => (
        <div key={label} className="rounded-md border border-slate-200 bg-white px-3 py-2">
          <dt className="text-xs text-slate-500">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums">{n(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
