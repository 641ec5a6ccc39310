'use client';
import { Link } from '@/components/ui/link';
import { DataTable, type ListColumn } from '@/components/data-table/data-table';
import { DataTableToolbar } from '@/components/data-table/toolbar';
import type { PartnerRow } from '@/lib/catalog/partner-queries';

const TYPE_LABELS = { supplier: 'Supplier', customer: 'Customer', both: 'Both' } as const;

export function PartnersTable(props: {
  rows: PartnerRow[];
  total: number;
  page: number;
  perPage: number;
  sort: { id: string; desc: boolean };
  canEdit: boolean;
}) {
  const columns: ListColumn<PartnerRow>[] = [
    {
      id: 'code',
      accessorKey: 'code',
      header: 'Code',
      cell: ({ row }) =>
        props.canEdit ? <Link href={`/partners/${row.original.id}`}>{row.original.code}</Link> : row.original.code,
    },
    { id: 'name', accessorKey: 'name', header: 'Name' },
    { id: 'type', accessorKey: 'type', header: 'Type', cell: ({ row }) => TYPE_LABELS[row.original.type] },
    { id: 'vatId', accessorKey: 'vatId', header: 'VAT ID', enableSorting: false },
    { id: 'email', accessorKey: 'email', header: 'Email', enableSorting: false },
  ];
  return (
    <>
      <DataTableToolbar
        searchLabel="Search partners"
        filters={[
          {
            kind: 'select',
            name: 'type',
            label: 'Type',
            options: Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label })),
          },
        ]}
      />
      <DataTable
        caption="Partners"
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
