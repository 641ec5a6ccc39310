'use client';
import { Link } from '@/components/ui/link';
import { DataTable, type ListColumn } from '@/components/data-table/data-table';
import { DataTableToolbar, type FilterOption } from '@/components/data-table/toolbar';
import { Badge } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { formatQuantity } from '@/lib/format';
import type { StockRow } from '@/lib/inventory/queries/stock';

const columns: ListColumn<StockRow>[] = [
  {
    id: 'itemCode',
    accessorKey: 'itemCode',
    header: 'Item code',
    cell: ({ row }) => <Link href={`/items/${row.original.itemId}`}>{row.original.itemCode}</Link>,
  },
  {
    id: 'itemName',
    accessorKey: 'itemName',
    header: 'Name',
    cell: ({ row }) => (
      <>
        {row.original.itemName} {row.original.trackSerials && <Badge tone="blue">Serials</Badge>}
      </>
    ),
  },
  {
    id: 'warehouse',
    accessorKey: 'warehouseCode',
    header: 'Warehouse',
    cell: ({ row }) => `${row.original.warehouseCode} · ${row.original.warehouseName}`,
  },
  {
    id: 'quantity',
    accessorKey: 'quantity',
    header: 'Quantity',
    cell: ({ row }) => {
      const { quantity, unit, trackSerials, itemCode, warehouseId } = row.original;
      const text = `${formatQuantity(quantity)} ${unit}`;
      return trackSerials ? (
        <Link
          href={`/serial-numbers?item=${encodeURIComponent(itemCode)}&warehouse=${warehouseId}`}
          className="tabular-nums"
        >
          {text}
        </Link>
      ) : (
        <span className="tabular-nums">{text}</span>
      );
    },
  },
];

export function StockTable({
  rows,
  total,
  page,
  perPage,
  sort,
  exportHref,
  warehouses,
}: {
  rows: StockRow[];
  total: number;
  page: number;
  perPage: number;
  sort: { id: string; desc: boolean };
  exportHref: string;
  warehouses: FilterOption[];
}) {
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <DataTableToolbar
          searchLabel="Search items"
          filters={[
            { kind: 'text', name: 'item', label: 'Item code' },
            { kind: 'select', name: 'warehouse', label: 'Warehouse', options: warehouses },
          ]}
        />
        {/* A plain link: the browser downloads the file the route handler sends. */}
        <a href={exportHref} className={buttonClass('secondary', 'mb-3')} download>
          Export CSV
        </a>
      </div>
      <DataTable
        caption="Stock"
        columns={columns}
        data={rows}
        total={total}
        page={page}
        perPage={perPage}
        sort={sort}
        getRowId={(r) => `${r.itemId}:${r.warehouseId}`}
      />
    </>
  );
}
