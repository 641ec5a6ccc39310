'use client';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { useUrlState } from './use-url-state';

export type FilterOption = { value: string; label: string };
export type FilterDef =
  | { kind: 'select'; name: string; label: string; options: FilterOption[] }
  /** `hint`: how the filter matches, under the box (a serial filter finds any part of the serial). */
  | { kind: 'text' | 'date'; name: string; label: string; placeholder?: string; hint?: string }
  /** A control of the list's own (a searchable picker, say) that writes the filter's value through onChange. */
  | {
      kind: 'custom';
      name: string;
      label: string;
      render: (control: { id: string; onChange: (value: string) => void }) => ReactNode;
    };

/**
 * Search box (debounced) and filters; each writes to the URL so the list can be shared and Back works.
 * On a phone the filters fold behind a "Filters" button, so the list starts on the first screen; from
 * 640 px they are always shown.
 */
export function DataTableToolbar({
  searchLabel,
  searchHint,
  filters = [],
}: {
  searchLabel: string;
  searchHint?: string;
  filters?: FilterDef[];
}) {
  const { searchParams, update } = useUrlState();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const active = filters.filter((f) => searchParams.get(f.name)).length;
  return (
    <div className="mb-3 flex flex-wrap items-end gap-3">
      <DebouncedInput
        label={searchLabel}
        name="q"
        initial={searchParams.get('q') ?? ''}
        onChange={(v) => update({ q: v })}
        type="search"
        hint={searchHint}
      />
      {filters.length > 0 && (
        <Button
          variant="secondary"
          className="sm:hidden"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          Filters{active > 0 ? ` (${active})` : ''}
        </Button>
      )}
      <div id={panelId} className={`${open ? 'flex' : 'hidden'} w-full flex-wrap items-end gap-3 sm:flex sm:w-auto`}>
        {filters.map((filter) => (
          <FilterControl
            key={filter.name}
            filter={filter}
            value={searchParams.get(filter.name) ?? ''}
            onChange={(value) => update({ [filter.name]: value })}
          />
        ))}
      </div>
    </div>
  );
}

function FilterControl({
  filter,
  value,
  onChange,
}: {
  filter: FilterDef;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = `filter-${filter.name}`;
  if (filter.kind === 'text' || filter.kind === 'date') {
    return (
      <DebouncedInput
        label={filter.label}
        name={filter.name}
        type={filter.kind}
        initial={value}
        onChange={onChange}
        hint={filter.hint}
      />
    );
  }
  return (
    <div className="min-w-36">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        {filter.label}
      </label>
      {filter.kind === 'select' ? (
        <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">All</option>
          {filter.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      ) : (
        filter.kind === 'custom' && filter.render({ id, onChange })
      )}
    </div>
  );
}

function DebouncedInput({
  label,
  name,
  initial,
  onChange,
  type,
  hint,
}: {
  label: string;
  name: string;
  initial: string;
  onChange: (value: string) => void;
  type: string;
  hint?: string;
}) {
  const [value, setValue] = useState(initial);
  const last = useRef(initial);
  useEffect(() => {
    if (value === last.current) return;
    const timer = setTimeout(
      () => {
        last.current = value;
        onChange(value);
      },
      type === 'date' ? 0 : 300,
    );
    return () => clearTimeout(timer);
  }, [value, onChange, type]);
  const id = `filter-${name}`;
  return (
    <div className="min-w-48 flex-1 sm:flex-none">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      <Input
        id={id}
        type={type}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 max-w-xs text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}
