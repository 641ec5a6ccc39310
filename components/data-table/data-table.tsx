'use client';
import {
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type PaginationState,
  type RowData,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useMemo } from 'react';
import { cn } from '@/components/ui/cn';
import { Pagination } from './pagination';
import { useUrlState } from './use-url-state';

export const listFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });
export type ListColumn<T extends RowData> = ColumnDef<typeof listFeatures, T>;

const resolve = <T,>(updater: Updater<T>, old: T): T =>
  typeof updater === 'function' ? (updater as (o: T) => T)(old) : updater;

/**
 * The one list table: the server has already paged, sorted and filtered (state read from the URL);
 * this component renders the page and writes any change back to the URL.
 */
export function DataTable<T extends RowData>({
  caption,
  columns,
  data,
  total,
  totalLabel,
  page,
  perPage,
  sort,
  getRowId,
}: {
  caption: string;
  columns: ListColumn<T>[];
  data: T[];
  total: number;
  totalLabel?: string;
  page: number;
  perPage: number;
  sort: { id: string; desc: boolean };
  getRowId: (row: T) => string;
}) {
  const { update, isPending } = useUrlState();
  const sorting: SortingState = useMemo(() => [sort], [sort]);
  const pagination: PaginationState = useMemo(() => ({ pageIndex: page - 1, pageSize: perPage }), [page, perPage]);
  const table = useTable({
    features: listFeatures,
    columns,
    data,
    getRowId,
    rowCount: total,
    manualSorting: true,
    manualPagination: true,
    state: { sorting, pagination },
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = resolve(updater, sorting);
      update({ sort: next ? `${next.id}.${next.desc ? 'desc' : 'asc'}` : null });
    },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = resolve(updater, pagination);
      update({ page: String(next.pageIndex + 1), perPage: String(next.pageSize) }, next.pageSize !== perPage);
    },
  });

  return (
    <div className={cn('rounded-lg border border-slate-200 bg-white', isPending && 'opacity-70')} aria-busy={isPending}>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-xs uppercase text-slate-600">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className="px-3 py-2 font-semibold"
                      aria-sort={sorted ? (sorted === 'desc' ? 'descending' : 'ascending') : undefined}
                    >
                      {canSort ? (
                        <button
                          type="button"
                          className="inline-flex items-center gap-1 uppercase hover:text-slate-900"
                          onClick={() => header.column.toggleSorting(sorted === 'asc')}
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}</span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-100 hover:bg-slate-50">
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2 align-top">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {data.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="px-3 py-8 text-center text-slate-500">
                  Nothing found.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pagination
        page={page}
        perPage={perPage}
        total={total}
        totalLabel={totalLabel}
        onPage={(p) => table.setPageIndex(p - 1)}
        onPerPage={(n) => table.setPageSize(n)}
      />
    </div>
  );
}
