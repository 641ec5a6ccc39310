'use client';
import { DataTable, type ListColumn } from '@/components/data-table/data-table';
import { DataTableToolbar } from '@/components/data-table/toolbar';
import type { WarehouseRow } from '@/lib/catalog/warehouse-queries';
import { DeleteWarehouseButton } from './delete-warehouse-button';
import { WarehouseForm } from './warehouse-form';

export function WarehousesTable(props: {
  rows: WarehouseRow[];
  total: number;
  page: number;
  perPage: number;
  sort: { id: string; desc: boolean };
  canEdit: boolean;
}) {
  const columns: ListColumn<WarehouseRow>[] = [
    { id: 'code', accessorKey: 'code', header: 'Code' },
    { id: 'name', accessorKey: 'name', header: 'Name' },
  ];
  if (props.canEdit) {
    columns.push({
      id: 'manage',
      header: 'Edit',
      enableSorting: false,
      cell: ({ row }) => (
        <div className="flex flex-wrap items-end gap-3">
          {/* Keyed by version: after Reload (a newer version) the form starts over from the current data. */}
          <WarehouseForm
            key={row.original.version}
            id={row.original.id}
            version={row.original.version}
            label={`Warehouse ${row.original.code}`}
            initial={{ code: row.original.code, name: row.original.name }}
          />
          <DeleteWarehouseButton id={row.original.id} code={row.original.code} />
        </div>
      ),
    });
  }
  return (
    <>
      <DataTableToolbar searchLabel="Search warehouses" />
      <DataTable
        caption="Warehouses"
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
