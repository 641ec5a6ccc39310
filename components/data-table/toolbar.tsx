'use client';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Input, Select } from '@/components/ui/input';
import { useUrlState } from './use-url-state';

export type FilterOption = { value: string; label: string };
export type FilterDef =
  | { kind: 'select'; name: string; label: string; options: FilterOption[] }
  | { kind: 'text' | 'date'; name: string; label: string; placeholder?: string }
  /** A control of the list's own (a searchable picker, say) that writes the filter's value through onChange. */
  | { kind: 'custom'; name: string; label: string; render: (control: { id: string; onChange: (value: string) => void }) => ReactNode };

/** Search box (debounced) and filters; each writes to the URL so the list can be shared and Back works. */
export function DataTableToolbar({ searchLabel, filters = [] }: { searchLabel: string; filters?: FilterDef[] }) {
  const { searchParams, update } = useUrlState();
  return (
    <div className="mb-3 flex flex-wrap items-end gap-3">
      <DebouncedInput label={searchLabel} name="q" initial={searchParams.get('q') ?? ''} onChange={(v) => update({ q: v })} type="search" />
      {filters.map((filter) => {
        const id = `filter-${filter.name}`;
        const onChange = (value: string) => update({ [filter.name]: value });
        if (filter.kind !== 'select' && filter.kind !== 'custom') {
          return <DebouncedInput key={filter.name} label={filter.label} name={filter.name} type={filter.kind}
            initial={searchParams.get(filter.name) ?? ''} onChange={onChange} />;
        }
        return (
          <div key={filter.name} className="min-w-36">
            <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">{filter.label}</label>
            {filter.kind === 'custom' ? filter.render({ id, onChange }) : (
              <Select id={id} value={searchParams.get(filter.name) ?? ''} onChange={(e) => onChange(e.target.value)}>
                <option value="">All</option>
                {filter.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </Select>
            )}
          </div>
        );
      })}
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
