'use client';
import { Link } from '@/components/ui/link';
import { DataTable, type ListColumn } from '@/components/data-table/data-table';
import { DataTableToolbar } from '@/components/data-table/toolbar';
import { Badge } from '@/components/ui/alert';
import type { ItemRow } from '@/lib/catalog/item-queries';
import { formatMoney, formatWarrantyMonths } from '@/lib/format';

const columns: ListColumn<ItemRow>[] = [
  {
    id: 'code',
    accessorKey: 'code',
    header: 'Code',
    cell: ({ row }) => <Link href={`/items/${row.original.id}`}>{row.original.code}</Link>,
  },
  { id: 'name', accessorKey: 'name', header: 'Name' },
  {
    id: 'salePrice',
    accessorKey: 'salePrice',
    header: 'Sale price',
    cell: ({ row }) => formatMoney(row.original.salePrice),
  },
  {
    id: 'purchasePrice',
    accessorKey: 'purchasePrice',
    header: 'Purchase price',
    cell: ({ row }) => formatMoney(row.original.purchasePrice),
  },
  {
    id: 'saleWarrantyMonths',
    accessorKey: 'saleWarrantyMonths',
    header: 'Sale warranty',
    enableSorting: false,
    cell: ({ row }) => formatWarrantyMonths(row.original.saleWarrantyMonths),
  },
  {
    id: 'purchaseWarrantyMonths',
    accessorKey: 'purchaseWarrantyMonths',
    header: 'Purchase warranty',
    enableSorting: false,
    cell: ({ row }) => formatWarrantyMonths(row.original.purchaseWarrantyMonths),
  },
  {
    id: 'trackSerials',
    accessorKey: 'trackSerials',
    header: 'Serials',
    cell: ({ row }) => (row.original.trackSerials ? <Badge tone="blue">Tracked</Badge> : '—'),
  },
  {
    id: 'active',
    accessorKey: 'active',
    header: 'Active',
    cell: ({ row }) => (row.original.active ? 'Yes' : <Badge tone="amber">Inactive</Badge>),
  },
];

export function ItemsTable(props: {
  rows: ItemRow[];
  total: number;
  page: number;
  perPage: number;
  sort: { id: string; desc: boolean };
}) {
  return (
    <>
      <DataTableToolbar
        searchLabel="Search items"
        filters={[
          {
            kind: 'select',
            name: 'tracking',
            label: 'Serial tracking',
            options: [
              { value: 'yes', label: 'Tracked' },
              { value: 'no', label: 'Not tracked' },
            ],
          },
          {
            kind: 'select',
            name: 'active',
            label: 'Status',
            options: [
              { value: 'yes', label: 'Active' },
              { value: 'no', label: 'Inactive' },
            ],
          },
        ]}
      />
      <DataTable
        caption="Items"
        columns={columns}
        data={props.rows}
        total={props.total}
        page={props.page}
        perPage={props.perPage}
        sort={props.sort}
        getRowId={(r) => r.id}
      />
    </>
  );
}
