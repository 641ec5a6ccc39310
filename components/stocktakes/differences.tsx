import { DIFFERENCES_PER_PAGE, type CountRow, type ScanRow } from '@/lib/inventory/queries/stocktakes';
import { describeFinding } from '@/lib/inventory/stocktake/findings';
import { Pager } from './pager';

type Paging = { page: number; total: number; href: (params: Record<string, string>) => string };

/** A page of the serials the books have here that nobody scanned. */
export function MissingList({ rows, paging }: { rows: { serial: string; itemCode: string }[]; paging: Paging }) {
  return (
    <section aria-label="Missing serials" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-2 text-sm font-semibold">Missing serials ({paging.total.toLocaleString('en')})</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">None: every serial the books have here was scanned.</p>
      ) : (
        <ul className="grid gap-1 text-sm sm:grid-cols-2">
          {rows.map((r) => (
            <li key={`${r.itemCode}/${r.serial}`}>
              <span className="font-mono">{r.serial}</span> <span className="text-xs text-slate-500">{r.itemCode}</span>
            </li>
          ))}
        </ul>
      )}
      <Pager label="Missing serials" param="missing" perPage={DIFFERENCES_PER_PAGE} {...paging} />
    </section>
  );
}

/** A page of the scanned serials the books do not have in stock here, each with its reason. */
export function UnexpectedList({ rows, paging }: { rows: ScanRow[]; paging: Paging }) {
  return (
    <section aria-label="Unexpected serials" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-2 text-sm font-semibold">Unexpected serials ({paging.total.toLocaleString('en')})</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">None.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {rows.map((r) => (
            <li key={`${r.itemCode}/${r.serial}`}>
              {describeFinding(r.finding, r.serial, r.where)}{' '}
              <span className="text-xs text-slate-500">
                {r.itemCode} · {r.by} · {r.at}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Pager label="Unexpected serials" param="unexpected" perPage={DIFFERENCES_PER_PAGE} {...paging} />
    </section>
  );
}

export function CountTable({ rows }: { rows: CountRow[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-label="Counted goods" className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-2 text-sm font-semibold">Counted goods</h2>
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="py-1">Item</th>
            <th className="py-1 text-right">Counted</th>
            <th className="py-1 text-right">Books when counted</th>
            <th className="py-1 text-right">Difference</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.itemId} className="border-t border-slate-100">
              <td className="py-1">
                {r.itemCode} <span className="text-xs text-slate-500">{r.itemName}</span>
              </td>
              <td className="py-1 text-right tabular-nums">
                {r.quantity} {r.unit}
              </td>
              <td className="py-1 text-right tabular-nums">{r.bookQuantity}</td>
              <td className="py-1 text-right tabular-nums">{r.difference}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
