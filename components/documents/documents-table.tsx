'use client';
import { Link } from '@/components/ui/link';
import { DataTable, type ListColumn } from '@/components/data-table/data-table';
import { DataTableToolbar, type FilterDef, type FilterOption } from '@/components/data-table/toolbar';
import { formatMoney } from '@/lib/format';
import { DOCUMENT_KINDS } from '@/db/schema/values';
import { isArrival, isInvoice, KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import type { DocumentRow } from '@/lib/inventory/queries/document-list';
import { SERIAL_SEARCH_HINT } from '@/lib/search/serial-search-hint';
import { PartnerCombobox, type PartnerChoice } from './partner-combobox';

const money = (key: 'net' | 'vat' | 'gross', header: string): ListColumn<DocumentRow> => ({
  id: key,
  accessorKey: key,
  header,
  enableSorting: false,
  cell: ({ row }) => <span className="block text-right tabular-nums">{formatMoney(row.original[key])}</span>,
});

function columnsFor(kind: DocumentKind): ListColumn<DocumentRow>[] {
  const info = KINDS[kind];
  const linkedKind = info.generates ?? (isArrival(kind) ? 'transfer' : null);
  const columns: ListColumn<DocumentRow>[] = [
    {
      id: 'number',
      accessorKey: 'number',
      header: 'Number',
      cell: ({ row }) => (
        <Link href={`${info.path}/${row.original.id}`} className="font-medium">
          {row.original.number}
        </Link>
      ),
    },
    {
      id: 'externalNumber',
      accessorKey: 'externalNumber',
      header: 'External number',
      enableSorting: false,
      cell: ({ row }) => row.original.externalNumber ?? '—',
    },
    { id: 'date', accessorKey: 'date', header: 'Date' },
    ...placeColumns(kind),
    { id: 'lines', accessorKey: 'lineCount', header: 'Lines', enableSorting: false },
  ];
  if (isInvoice(kind)) columns.push(money('net', 'Net'), money('vat', 'VAT'), money('gross', 'Gross'));
  if (!hasLinkedDocument(kind)) return columns;
  columns.push({
    id: 'linked',
    accessorKey: 'linkedNumber',
    header: linkedKind ? KINDS[linkedKind].label : 'Created by',
    enableSorting: false,
    cell: ({ row }) => {
      const { linkedId, linkedNumber } = row.original;
      if (!linkedId || !linkedNumber) return '—';
      // An invoice links to the goods document it generated; a goods document to the invoice that generated it.
      const path = linkedKind
        ? KINDS[linkedKind].path
        : KINDS[info.direction === 'in' ? 'purchase_invoice' : 'sales_invoice'].path;
      return <Link href={`${path}/${linkedId}`}>{linkedNumber}</Link>;
    },
  });
  return columns;
}

/**
 * The partner and the warehouse, a transfer's two warehouses, or where an arrival arrived (its transfer is the linked
 * column).
 */
function placeColumns(kind: DocumentKind): ListColumn<DocumentRow>[] {
  const role = KINDS[kind].partnerRole;
  if (isArrival(kind)) return [{ id: 'warehouse', accessorKey: 'warehouseCode', header: 'Arrived in' }];
  if (role === null) {
    return [
      { id: 'warehouse', accessorKey: 'warehouseCode', header: 'From' },
      {
        id: 'destination',
        accessorKey: 'destinationCode',
        header: 'To',
        cell: ({ row }) => row.original.destinationCode ?? '—',
      },
    ];
  }
  return [
    {
      id: 'partner',
      accessorKey: 'partnerName',
      header: role === 'supplier' ? 'Supplier' : 'Customer',
      cell: ({ row }) => row.original.partnerName ?? '—',
    },
    { id: 'warehouse', accessorKey: 'warehouseCode', header: 'Warehouse' },
  ];
}

/**
 * Invoices link the goods document they created, goods documents the invoice that created them, arrivals their
 * transfer; a transfer has none.
 */
function hasLinkedDocument(kind: DocumentKind): boolean {
  return isInvoice(kind) || isArrival(kind) || DOCUMENT_KINDS.some((other) => KINDS[other].generates === kind);
}

function partnerFilter(kind: DocumentKind, role: 'supplier' | 'customer', partner: PartnerChoice | null): FilterDef {
  return {
    kind: 'custom',
    name: 'partner',
    label: role === 'supplier' ? 'Supplier' : 'Customer',
    render: ({ id, onChange }) => (
      <PartnerCombobox
        id={id}
        kind={kind}
        selected={partner}
        clearLabel="All"
        onSelect={(choice) => onChange(choice?.id ?? '')}
      />
    ),
  };
}

export function DocumentsTable({
  kind,
  rows,
  total,
  totalLabel,
  page,
  perPage,
  sort,
  partner,
  warehouses,
}: {
  kind: DocumentKind;
  rows: DocumentRow[];
  total: number;
  /** Shown instead of the total when the count stopped early ("1,000+"). */
  totalLabel?: string;
  page: number;
  perPage: number;
  sort: { id: string; desc: boolean };
  partner: PartnerChoice | null;
  warehouses: FilterOption[];
}) {
  const info = KINDS[kind];
  return (
    <>
      <DataTableToolbar
        searchLabel="Search by number or external number"
        filters={[
          { kind: 'date', name: 'from', label: 'From' },
          { kind: 'date', name: 'to', label: 'To' },
          ...(info.partnerRole ? [partnerFilter(kind, info.partnerRole, partner)] : []),
          {
            kind: 'select',
            name: 'warehouse',
            label: info.partnerRole ? 'Warehouse' : 'Warehouse (from or to)',
            options: warehouses,
          },
          { kind: 'text', name: 'item', label: 'Item code' },
          { kind: 'text', name: 'serial', label: 'Serial number', hint: SERIAL_SEARCH_HINT },
        ]}
      />
      <DataTable
        caption={info.plural}
        columns={columnsFor(kind)}
        data={rows}
        total={total}
        totalLabel={totalLabel}
        page={page}
        perPage={perPage}
        sort={sort}
        getRowId={(r) => r.id}
      />
    </>
  );
}
