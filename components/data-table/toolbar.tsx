'use client';
import { useEffect, useRef, useState } from 'react';
import { Input, Select } from '@/components/ui/input';
import { useUrlState } from './use-url-state';

export type FilterOption = { value: string; label: string };
export type FilterDef =
  | { kind: 'select'; name: string; label: string; options: FilterOption[] }
  | { kind: 'text' | 'date'; name: string; label: string; placeholder?: string };

/** Search box (debounced) and filters; each writes to the URL so the list can be shared and Back works. */
export function DataTableToolbar({ searchLabel, filters = [] }: { searchLabel: string; filters?: FilterDef[] }) {
  const { searchParams, update } = useUrlState();
  return (
    <div className="mb-3 flex flex-wrap items-end gap-3">
      <DebouncedInput label={searchLabel} name="q" initial={searchParams.get('q') ?? ''} onChange={(v) => update({ q: v })} type="search" />
      {filters.map((filter) => filter.kind === 'select' ? (
        <div key={filter.name} className="min-w-36">
          <label htmlFor={`filter-${filter.name}`} className="mb-1 block text-xs font-medium text-slate-600">{filter.label}</label>
          <Select id={`filter-${filter.name}`} value={searchParams.get(filter.name) ?? ''}
            onChange={(e) => update({ [filter.name]: e.target.value })}>
            <option value="">All</option>
            {filter.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </Select>
        </div>
      ) : (
        <DebouncedInput key={filter.name} label={filter.label} name={filter.name} type={filter.kind}
          initial={searchParams.get(filter.name) ?? ''} onChange={(v) => update({ [filter.name]: v })} />
      ))}
    </div>
  );
}

function DebouncedInput({ label, name, initial, onChange, type }: {
  label: string; name: string; initial: string; onChange: (value: string) => void; type: string;
}) {
  const [value, setValue] = useState(initial);
  const last = useRef(initial);
  useEffect(() => {
    if (value === last.current) return;
    const timer = setTimeout(() => { last.current = value; onChange(value); }, type === 'date' ? 0 : 300);
    return () => clearTimeout(timer);
  }, [value, onChange, type]);
  return (
    <div className="min-w-48 flex-1 sm:flex-none">
      <label htmlFor={`filter-${name}`} className="mb-1 block text-xs font-medium text-slate-600">{label}</label>
      <Input id={`filter-${name}`} type={type} value={value} onChange={(e) => setValue(e.target.value)} />
    </div>
  );
}
