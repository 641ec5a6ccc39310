'use client';
import { DataTable, type ListColumn } from '@/components/data-table/data-table';
import { DataTableToolbar } from '@/components/data-table/toolbar';
import { Badge } from '@/components/ui/alert';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/format';
import type { ApiKeyRowView } from '@/lib/users/queries';
import { RevokeButton } from './revoke-button';

const columns: ListColumn<ApiKeyRowView>[] = [
  { id: 'name', accessorKey: 'name', header: 'Name' },
  { id: 'role', accessorKey: 'role', header: 'Role', cell: ({ row }) => ROLE_LABELS[row.original.role] },
  {
    id: 'key',
    header: 'Key',
    enableSorting: false,
    cell: ({ row }) => <span className="font-mono">{row.original.keyPrefix}…</span>,
  },
  {
    id: 'createdAt',
    accessorKey: 'createdAt',
    header: 'Created',
    cell: ({ row }) => (
      <>
        {formatDateTime(row.original.createdAt)}
        <br />
        <span className="text-slate-500">by {row.original.createdByName}</span>
      </>
    ),
  },
  {
    id: 'lastUsedAt',
    accessorKey: 'lastUsedAt',
    header: 'Last used',
    cell: ({ row }) => (row.original.lastUsedAt ? formatDateTime(row.original.lastUsedAt) : 'Never'),
  },
  {
    id: 'secret',
    header: 'Callback signing secret',
    enableSorting: false,
    cell: ({ row }) => (
      <code className="break-all text-xs">{row.original.revokedAt ? '—' : row.original.signingSecret}</code>
    ),
  },
  {
    id: 'status',
    header: 'Status',
    enableSorting: false,
    cell: ({ row }) =>
      row.original.revokedAt ? (
        <Badge tone="red">Revoked {formatDateTime(row.original.revokedAt)}</Badge>
      ) : (
        <div className="space-y-1">
          {!row.original.ownerActive && (
            <Badge tone="amber">Owner deactivated: refused until {row.original.createdByName} is activated</Badge>
          )}
          <RevokeButton id={row.original.id} name={row.original.name} />
        </div>
      ),
  },
];

export function ApiKeysTable(props: {
  rows: ApiKeyRowView[];
  total: number;
  page: number;
  perPage: number;
  sort: { id: string; desc: boolean };
}) {
  return (
    <>
      <DataTableToolbar
        searchLabel="Search API keys"
        filters={[
          {
            kind: 'select',
            name: 'status',
            label: 'Status',
            options: [
              { value: 'active', label: 'Active' },
              { value: 'revoked', label: 'Revoked' },
            ],
          },
        ]}
      />
      <DataTable
        caption="API keys"
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
