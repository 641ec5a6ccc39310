import { Link } from '@/components/ui/link';
import { getDb } from '@/db/client';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/page-header';
import { DocumentLink } from '@/components/documents/document-link';
import type { DocumentKind } from '@/lib/inventory/kinds';
import { EXPECTED_SERIALS_SHOWN, getExpected } from '@/lib/inventory/queries/expected';

/**
 * An expected receipt's page: per item how many serials are still expected, received and dropped, the expected
 * ones by name, the receipts that confirmed it, and Receive while anything is expected.
 */
export async function ExpectedCard({
  documentId,
  canReceive,
  readable,
}: {
  documentId: string;
  canReceive: boolean;
  readable: DocumentKind[];
}) {
  const view = await getExpected(getDb(), BigInt(documentId));
  const open = view.serialTotal > 0;
  const columns = ['Expected', 'Received', 'Dropped'] as const;
  return (
    <Card title="Expected serial numbers">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="text-sm text-slate-600">
          {open
            ? 'Not in stock yet: receive by scanning what came; each serial is reserved for this receipt until then.'
            : 'Nothing is expected any more.'}
        </p>
        {open && canReceive && (
          <Link href={`/expected-receipts/${documentId}/receive`} className={buttonClass()}>
            Receive by scanning
          </Link>
        )}
      </div>
      <table className="mt-4 w-full text-left text-sm">
        <caption className="sr-only">Expected, received and dropped serials per item</caption>
        <thead className="text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3">
              Item
            </th>
            {columns.map((c) => (
              <th key={c} scope="col" className="py-1 pr-3 text-right">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.lines.map((l) => (
            <tr key={l.itemId} className="border-t border-slate-100">
              <td className="py-2 pr-3">
                {l.itemCode} · {l.itemName}
              </td>
              <td className="py-2 pr-3 text-right font-medium tabular-nums">{l.expected}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{l.received}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{l.dropped}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && (
        <div className="mt-4 text-sm">
          <p className="font-medium text-slate-700">Still expected ({view.serialTotal.toLocaleString('en')})</p>
          <ul aria-label="Still expected" className="mt-1 flex flex-wrap gap-x-3 gap-y-1 font-mono text-xs">
            {view.serials.slice(0, 1000).map((s) => (
              <li key={`${s.itemId}:${s.serial}`}>{s.serial}</li>
            ))}
          </ul>
          {view.serialTotal > Math.min(1000, EXPECTED_SERIALS_SHOWN) && (
            <p className="mt-1 text-xs text-slate-500">Showing the first 1,000.</p>
          )}
        </div>
      )}
      {view.confirmations.length > 0 && (
        <div className="mt-4 text-sm">
          <p className="font-medium text-slate-700">Received by</p>
          <ul aria-label="Received by" className="mt-1 space-y-0.5">
            {view.confirmations.map((c) => (
              <li key={c.id}>
                <DocumentLink doc={{ ...c, kind: 'goods_receipt' }} readable={readable} /> on {c.date}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
