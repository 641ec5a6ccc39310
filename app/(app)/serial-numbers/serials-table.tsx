'use client';
import { Link } from '@/components/ui/link';
import { useCallback, useMemo, useState } from 'react';
import { DataTable, type ListColumn } from '@/components/data-table/data-table';
import { DataTableToolbar, type FilterOption } from '@/components/data-table/toolbar';
import { useUrlState } from '@/components/data-table/use-url-state';
import { SerialStatusBadge } from '@/components/serials/serial-status';
import { Button, buttonClass } from '@/components/ui/button';
import { formatDateTime } from '@/lib/format';
import { KINDS } from '@/lib/inventory/kinds';
import type { SerialRow } from '@/lib/inventory/queries/serials';
import { SERIAL_SEARCH_HINT } from '@/lib/search/serial-search-hint';

function columnsFor(selected: ReadonlySet<string>, toggle: (id: string) => void): ListColumn<SerialRow>[] {
  return [
    {
      id: 'select',
      header: () => <span className="sr-only">Select</span>,
      enableSorting: false,
      cell: ({ row }) => (
        <input
          type="checkbox"
          className="size-4"
          aria-label={`Select ${row.original.serial} (${row.original.itemCode})`}
          checked={selected.has(row.original.id)}
          onChange={() => toggle(row.original.id)}
        />
      ),
    },
    {
      id: 'serial',
      accessorKey: 'serial',
      header: 'Serial number',
      cell: ({ row }) => (
        <Link href={`/serial-numbers/${row.original.id}`} className="whitespace-nowrap font-mono">
          {row.original.serial}
        </Link>
      ),
    },
    {
      id: 'item',
      accessorKey: 'itemCode',
      header: 'Item',
      enableSorting: false,
      cell: ({ row }) => (
        <>
          <Link href={`/items/${row.original.itemId}`}>{row.original.itemCode}</Link>{' '}
          <span className="text-slate-600">{row.original.itemName}</span>
        </>
      ),
    },
    { id: 'warehouse', accessorKey: 'warehouseCode', header: 'Warehouse', enableSorting: false },
    {
      id: 'status',
      accessorKey: 'status',
      header: 'Status',
      enableSorting: false,
      cell: ({ row }) => <SerialStatusBadge status={row.original.status} />,
    },
    {
      id: 'receivedAt',
      accessorKey: 'receivedAt',
      header: 'Received',
      cell: ({ row }) => formatDateTime(row.original.receivedAt),
    },
    {
      id: 'receivedBy',
      accessorKey: 'receivedBy',
      header: 'Received by',
      enableSorting: false,
      cell: ({ row }) =>
        row.original.receivedById ? (
          <Link href={`${KINDS[row.original.receivedByKind ?? 'goods_receipt'].path}/${row.original.receivedById}`}>
            {row.original.receivedBy}
          </Link>
        ) : (
          '—'
        ),
    },
  ];
}

/** The agenda: URL-driven filters, a switch for every serial ever known, and check boxes for label printing. */
export function SerialsTable({
  rows,
  total,
  countLabel,
  page,
  perPage,
  sort,
  everyKnown,
  warehouses,
}: {
  rows: SerialRow[];
  total: number;
  countLabel: string;
  page: number;
  perPage: number;
  sort: { id: string; desc: boolean };
  everyKnown: boolean;
  warehouses: FilterOption[];
}) {
  const { update } = useUrlState();
  // The switch answers at once; the list follows when the server has re-rendered for the new URL.
  const [showAll, setShowAll] = useState(everyKnown);
  const [shownFor, setShownFor] = useState(everyKnown);
  if (shownFor !== everyKnown) {
    setShownFor(everyKnown);
    setShowAll(everyKnown);
  }
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback(
    (id: string) =>
      setSelected((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const columns = useMemo(() => columnsFor(selected, toggle), [selected, toggle]);
  const labelsHref = `/labels?ids=${[...selected].join(',')}`;
  return (
    <>
      <DataTableToolbar
        searchLabel="Search serial numbers"
        searchHint={SERIAL_SEARCH_HINT}
        filters={[
          { kind: 'text', name: 'item', label: 'Item code' },
          { kind: 'select', name: 'warehouse', label: 'Warehouse', options: warehouses },
          { kind: 'date', name: 'from', label: 'Received from' },
          { kind: 'date', name: 'to', label: 'Received to' },
        ]}
      />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2">
          <input
            id="every-serial"
            type="checkbox"
            className="size-4"
            checked={showAll}
            onChange={(e) => {
              setShowAll(e.target.checked);
              update({ all: e.target.checked ? '1' : null });
            }}
          />
          <label htmlFor="every-serial" className="text-sm font-medium text-slate-700">
            Show every serial ever known
          </label>
        </div>
        <p className="text-sm text-slate-600" aria-live="polite">
          {countLabel} serial number{total === 1 ? '' : 's'}
        </p>
        {selected.size > 0 ? (
          <Link href={labelsHref} className={buttonClass('secondary')}>
            Print labels for selected ({selected.size})
          </Link>
        ) : (
          <Button variant="secondary" disabled>
            Print labels for selected
          </Button>
        )}
      </div>
      <DataTable
        caption="Serial numbers"
        columns={columns}
        data={rows}
        total={total}
        totalLabel={countLabel.endsWith('+') ? countLabel : undefined}
        page={page}
        perPage={perPage}
        sort={sort}
        getRowId={(r) => r.id}
      />
    </>
  );
}
