'use client';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { PER_PAGE_OPTIONS } from '@/lib/data-table/params';
import { formatCount } from '@/lib/format';

export function Pagination({
  page,
  perPage,
  total,
  totalLabel,
  onPage,
  onPerPage,
}: {
  page: number;
  perPage: number;
  total: number;
  totalLabel?: string;
  onPage: (page: number) => void;
  onPerPage: (n: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const from = total === 0 ? 0 : (page - 1) * perPage + 1;
  const to = Math.min(total, page * perPage);
  return (
    <nav
      aria-label="Pagination"
      className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-3 py-2 text-sm"
    >
      <p aria-live="polite">
        {formatCount(from)}–{formatCount(to)} of {totalLabel ?? formatCount(total)}
      </p>
      <div className="flex items-center gap-2">
        <label htmlFor="per-page" className="text-slate-600">
          Rows per page
        </label>
        <Select id="per-page" className="w-20" value={perPage} onChange={(e) => onPerPage(Number(e.target.value))}>
          {PER_PAGE_OPTIONS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
        <Button variant="secondary" onClick={() => onPage(page - 1)} disabled={page <= 1}>
          Previous
        </Button>
        <span>
          Page {page}
          {totalLabel ? '' : ` of ${pages}`}
        </span>
        <Button variant="secondary" onClick={() => onPage(page + 1)} disabled={page >= pages}>
          Next
        </Button>
      </div>
    </nav>
  );
}
