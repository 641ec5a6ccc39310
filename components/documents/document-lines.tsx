import { Link } from '@/components/ui/link';
import { Fragment } from 'react';
import { formatMoney, formatQuantity } from '@/lib/format';
import type { DocumentLineView } from '@/lib/inventory/queries/document-detail';

/** Serials shown open under a line; longer lists fold into a disclosure. */
const OPEN_SERIALS = 12;

/**
 * The lines of a document with exact line totals and, under each tracked line, its serial numbers; a transfer's have no
 * prices.
 */
export function DocumentLines({
  lines,
  showTotals,
  showPrices = true,
  noSerialsNote,
}: {
  lines: DocumentLineView[];
  showTotals: boolean;
  showPrices?: boolean;
  /** Under a tracked line that moved no serial numbers. */ noSerialsNote: string;
}) {
  const priceColumns = (showPrices ? 2 : 0) + (showTotals ? 3 : 0);
  return (
    <section aria-label="Lines" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <h2 className="px-4 pt-4 text-lg font-semibold sm:px-6">Lines</h2>
      <div className="relative overflow-x-auto">
        <table className="mt-3 w-full min-w-[44rem] text-left text-sm">
          <caption className="sr-only">Lines</caption>
          <thead className="bg-slate-50 text-xs uppercase text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                #
              </th>
              <th scope="col" className="px-3 py-2">
                Item
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Quantity
              </th>
              {showPrices && (
                <>
                  <th scope="col" className="px-3 py-2 text-right">
                    Unit price
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    VAT %
                  </th>
                </>
              )}
              {showTotals && (
                <>
                  <th scope="col" className="px-3 py-2 text-right">
                    Net
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    VAT
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Gross
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <Fragment key={line.id}>
                <tr className="border-t border-slate-100">
                  <td className="px-3 py-2">{line.lineNo}</td>
                  <td className="px-3 py-2">
                    <Link href={`/items/${line.itemId}`} className="font-medium">
                      {line.itemCode}
                    </Link>
                    <span className="block text-slate-600">{line.itemName}</span>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {formatQuantity(line.quantity)} {line.unit}
                  </td>
                  {showPrices && (
                    <>
                      <td className="px-3 py-2 text-right tabular-nums">{formatMoney(line.unitPrice)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatQuantity(line.vatRate)}</td>
                    </>
                  )}
                  {showTotals && (
                    <>
                      <td className="px-3 py-2 text-right tabular-nums">{formatMoney(line.net)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatMoney(line.vat)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatMoney(line.gross)}</td>
                    </>
                  )}
                </tr>
                {line.trackSerials && (
                  <tr>
                    <td />
                    <td colSpan={2 + priceColumns} className="px-3 pb-3">
                      <LineSerials line={line} noSerialsNote={noSerialsNote} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function LineSerials({ line, noSerialsNote }: { line: DocumentLineView; noSerialsNote: string }) {
  if (line.serialTotal === 0) return <p className="text-xs text-slate-500">{noSerialsNote}</p>;
  const list = (
    <ul aria-label={`Serial numbers of line ${line.lineNo}`} className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
      {line.serials.map((s) => (
        <li key={s.id}>
          <Link href={`/serial-numbers/${s.id}`} className="font-mono text-xs">
            {s.serial}
          </Link>
        </li>
      ))}
    </ul>
  );
  const title = `Serial numbers (${line.serialTotal.toLocaleString('en')})`;
  const more =
    line.serialTotal > line.serials.length ? (
      <p className="mt-1 text-xs text-slate-500">
        Showing the first {line.serials.length.toLocaleString('en')}; find the others in the Serial Numbers agenda.
      </p>
    ) : null;
  if (line.serials.length <= OPEN_SERIALS) {
    return (
      <div>
        <p className="text-xs font-medium text-slate-600">{title}</p>
        {list}
      </div>
    );
  }
  return (
    <details>
      <summary className="cursor-pointer text-xs font-medium text-slate-600">{title}</summary>
      {list}
      {more}
    </details>
  );
}
