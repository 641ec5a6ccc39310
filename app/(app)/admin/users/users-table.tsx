'use client';
import { useMemo } from 'react';
import { DataTable, type ListColumn } from '@/components/data-table/data-table';
import { DataTableToolbar } from '@/components/data-table/toolbar';
import { ROLE_LABELS, ROLES } from '@/lib/auth/roles';
import type { UserRowView } from '@/lib/users/queries';
import { UserControls } from './user-row';

const columnsFor = (currentUserId: number): ListColumn<UserRowView>[] => [
  { id: 'name', accessorKey: 'name', header: 'Name' },
  { id: 'email', accessorKey: 'email', header: 'Email' },
  { id: 'role', accessorKey: 'role', header: 'Role', cell: ({ row }) => ROLE_LABELS[row.original.role] },
  {
    id: 'manage',
    header: 'Manage',
    enableSorting: false,
    cell: ({ row }) => <UserControls user={row.original} self={row.original.id === currentUserId} />,
  },
];

export function UsersTable(props: {
  rows: UserRowView[];
  total: number;
  page: number;
  perPage: number;
  sort: { id: string; desc: boolean };
  currentUserId: number;
}) {
  const columns = useMemo(() => columnsFor(props.currentUserId), [props.currentUserId]);
  return (
    <>
      <DataTableToolbar
        searchLabel="Search users"
        filters={[
          {
            kind: 'select',
            name: 'role',
            label: 'Role',
            options: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
          },
          {
            kind: 'select',
            name: 'status',
            label: 'Status',
            options: [
              { value: 'active', label: 'Active' },
              { value: 'inactive', label: 'Deactivated' },
            ],
          },
        ]}
      />
      <DataTable
        caption="Users"
        columns={columns}
        data={props.rows}
        total={props.total}
        page={props.page}
        perPage={props.perPage}
        sort={props.sort}
        getRowId={(r) => String(r.id)}
      />
    </>
  );
}
