'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Select } from '@/components/ui/input';
import type { ErrorEntry } from '@/lib/import/jobs/error-report';

const SHOWN = 500;

/** Problems of the skipped rows; the filters live in the URL (?column=…&code=…), so a filtered view can be shared. */
export function ErrorTable({ errors, truncated }: { errors: ErrorEntry[]; truncated: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const column = searchParams.get('column') ?? '';
  const code = searchParams.get('code') ?? '';
  const setFilter = (key: 'column' | 'code', value: string) => {
    const next = new URLSearchParams(searchParams.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  const columns = [...new Set(errors.map((e) => e.column || '(row)'))].sort();
  const codes = [...new Set(errors.map((e) => e.code))].sort();
  const withFiles = errors.some((e) => e.file !== undefined);
  const shown = errors.filter((e) => (!column || (e.column || '(row)') === column) && (!code || e.code === code));
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-4">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Filter by column</span>
          <Select value={column} onChange={(e) => setFilter('column', e.target.value)}>
            <option value="">All columns</option>
            {columns.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Filter by error code</span>
          <Select value={code} onChange={(e) => setFilter('code', e.target.value)}>
            <option value="">All codes</option>
            {codes.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </label>
      </div>
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <caption className="sr-only">Errors</caption>
          <thead className="bg-slate-50 text-xs uppercase text-slate-600">
            <tr>
              {withFiles && (
                <th scope="col" className="px-3 py-2">
                  File
                </th>
              )}
              <th scope="col" className="px-3 py-2">
                Row
              </th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">Code</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, SHOWN).map((e, index) => (
              <tr key={`${e.file ?? ''}-${e.row}-${index}`} className="border-t border-slate-100 align-top">
                {withFiles && <td className="px-3 py-1.5">{e.file}</td>}
                <td className="px-3 py-1.5 tabular-nums">{e.row}</td>
                <td className="pr-3">{e.column || '—'}</td>
                <td className="max-w-48 truncate pr-3 font-mono text-xs" title={e.value}>
                  {e.value}
                </td>
                <td className="pr-3 font-mono text-xs">{e.code}</td>
                <td className="py-1.5">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-500">
        {shown.length > SHOWN ? `Showing ${SHOWN} of ${shown.length.toLocaleString('en')} problems. ` : ''}
        {truncated
          ? 'Only the first problems are listed here; the result file lists every row.'
          : 'The result file lists every row.'}
      </p>
    </div>
  );
}
