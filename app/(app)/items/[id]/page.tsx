import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { Badge } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/roles';
import { requirePagePermission } from '@/lib/auth/session';
import { getItem, getItemSerialsInStock, getItemStock } from '@/lib/catalog/item-queries';
import { formatDateTime, formatMoney, formatQuantity, formatWarrantyMonths } from '@/lib/format';
import { parseId } from '@/lib/ids';
import { DeleteItemButton } from '../delete-item-button';

export const metadata = { title: 'Item' };

export default async function ItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission('items.read', `/items/${id}`);
  const itemId = parseId(id);
  const db = getDb();
  const item = itemId ? await getItem(db, itemId) : null;
  if (!item || !itemId) notFound();
  const [stock, serials] = await Promise.all([
    getItemStock(db, itemId),
    item.trackSerials ? getItemSerialsInStock(db, itemId) : null,
  ]);
  const facts: [string, string][] = [
    ['Unit', item.unit],
    ['Purchase price', formatMoney(item.purchasePrice)],
    ['Sale price', formatMoney(item.salePrice)],
    ['VAT rate', `${formatQuantity(item.vatRate)} %`],
    ['EAN', item.ean ?? '—'],
    ['Minimum stock', formatQuantity(item.minStock)],
    ['Sale warranty', formatWarrantyMonths(item.saleWarrantyMonths)],
    ['Purchase warranty', formatWarrantyMonths(item.purchaseWarrantyMonths)],
  ];
  return (
    <>
      <PageHeader
        title={`${item.code} · ${item.name}`}
        description={item.description || undefined}
        actions={
          <>
            {item.trackSerials && item.active && can(user.role, 'stockDocs.write') && (
              <SerialEntryLinks itemId={item.id} />
            )}
            {can(user.role, 'items.write') && (
              <>
                <Link className={buttonClass('secondary')} href={`/items/${item.id}/edit`}>
                  Edit
                </Link>
                <DeleteItemButton id={item.id} code={item.code} />
              </>
            )}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Details">
          <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
            <dt className="text-slate-500">Serial numbers</dt>
            <dd>{item.trackSerials ? <Badge tone="blue">Tracked</Badge> : 'Not tracked'}</dd>
            <dt className="text-slate-500">Status</dt>
            <dd>{item.active ? 'Active' : <Badge tone="amber">Inactive</Badge>}</dd>
          </dl>
        </Card>
        <Card title="Stock per warehouse">
          {stock.length === 0 ? (
            <p className="text-sm text-slate-500">No stock movements yet.</p>
          ) : (
            <table className="w-full text-sm">
              <caption className="sr-only">Stock per warehouse</caption>
              <thead>
                <tr className="text-left text-slate-500">
                  <th scope="col">Warehouse</th>
                  <th scope="col" className="text-right">
                    Quantity
                  </th>
                </tr>
              </thead>
              <tbody>
                {stock.map((s) => (
                  <tr key={s.warehouseId} className="border-t border-slate-100">
                    <td className="py-1">
                      {s.warehouseCode} · {s.warehouseName}
                    </td>
                    <td className="text-right">
                      {formatQuantity(s.quantity)} {item.unit}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
      {serials && (
        <div className="mt-6">
          <Card title={`Serial numbers in stock (${serials.total})`}>
            {serials.total === 0 ? (
              <p className="text-sm text-slate-500">No serial numbers of this item are in stock.</p>
            ) : (
              <>
                <ul className="grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3" aria-label="Serial numbers in stock">
                  {serials.rows.map((s) => (
                    <li key={s.id}>
                      <Link href={`/serial-numbers/${s.id}`} className="font-mono">
                        {s.serial}
                      </Link>{' '}
                      <span className="text-slate-500">
                        {s.warehouseCode} · {formatDateTime(s.receivedAt)}
                      </span>
                    </li>
                  ))}
                </ul>
                {serials.total > serials.rows.length && (
                  <p className="mt-3 text-sm">
                    <Link href={`/serial-numbers?item=${encodeURIComponent(item.code)}`}>
                      All {serials.total} serial numbers in the agenda
                    </Link>
                  </p>
                )}
              </>
            )}
          </Card>
        </div>
      )}
    </>
  );
}

/**
 * Serial entry from the item's own page: a new goods receipt or issue with this item on a line and the
 * line's serial form open (the same form as a line's Serials button).
 */
function SerialEntryLinks({ itemId }: { itemId: string }) {
  return (
    <>
      <Link className={buttonClass()} href={`/goods-receipts/new?item=${itemId}`}>
        Receive serials
      </Link>
      <Link className={buttonClass('secondary')} href={`/goods-issues/new?item=${itemId}`}>
        Issue serials
      </Link>
    </>
  );
}
