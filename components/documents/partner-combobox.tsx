'use client';
import { useCallback, useEffect, useId, useState, type KeyboardEvent, type Ref } from 'react';
import { cn } from '@/components/ui/cn';
import { Input } from '@/components/ui/input';
import { reach } from '@/lib/actions/reach';
import { formatPartner } from '@/lib/format';
import type { DocumentKind } from '@/lib/inventory/kinds';
import type { PartnerOption } from '@/lib/inventory/queries/form-lookups';
import { searchPartnersAction } from '@/app/(app)/_documents/actions';
import { useLatestSearch, type SearchAnswer } from './use-latest-search';

/** A partner as a picker holds it: the id it stands for and the "CODE · Name" it shows. */
export type PartnerChoice = { id: string; label: string };

function statusOf(answer: SearchAnswer<PartnerOption> | null): string {
  if (!answer) return 'Searching…';
  if (answer.error) return answer.error;
  const found = answer.data.length;
  if (found > 0) return `${found} partner${found === 1 ? '' : 's'} found.`;
  return answer.text ? `No partner matches “${answer.text}”.` : 'There are no partners yet.';
}

type Props = {
  id?: string;
  kind: DocumentKind;
  selected: PartnerChoice | null;
  onSelect: (choice: PartnerChoice | null) => void;
  /** The choice that clears the partner ("All", "None"); left out where a partner is required. */
  clearLabel?: string;
  placeholder?: string;
  onBlur?: () => void;
  ref?: Ref<HTMLInputElement>;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
};

/**
 * A text box that finds suppliers or customers as the user types (ARIA combobox with a listbox popup),
 * so a page never has to ship thousands of partners as options. Only a pick changes the value; leaving
 * the box or Escape puts the chosen partner's label back.
 */
export function PartnerCombobox({
  id,
  kind,
  selected,
  onSelect,
  clearLabel,
  placeholder,
  onBlur,
  ref,
  ...aria
}: Props) {
  const [chosen, setChosen] = useState(selected);
  // A new partner from outside (Back to a differently filtered list) replaces the one shown.
  const [outside, setOutside] = useState(selected);
  if (selected?.id !== outside?.id) {
    setOutside(selected);
    setChosen(selected);
  }
  const [query, setQuery] = useState<string | null>(null); // null: the box shows the chosen partner
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const text = (query ?? '').trim();
  const search = useCallback((query: string) => reach(() => searchPartnersAction(kind, query)), [kind]);
  const answer = useLatestSearch(open, text, search);
  const current = answer?.text === text ? answer : null; // never offer what an older search found
  const options: (PartnerChoice | null)[] = [
    ...(clearLabel !== undefined && text === '' ? [null] : []),
    ...(current?.data ?? []).map((p) => ({ id: p.id, label: formatPartner(p) })),
  ];
  const highlighted = active < options.length ? active : -1;
  const ownId = useId();
  const inputId = id ?? ownId;
  const listId = `${inputId}-options`;
  const optionId = (index: number) => `${listId}-${index}`;

  useEffect(() => {
    if (highlighted >= 0) document.getElementById(`${listId}-${highlighted}`)?.scrollIntoView({ block: 'nearest' });
  }, [highlighted, listId]);

  const close = () => {
    setOpen(false);
    setQuery(null);
    setActive(-1);
  };
  const pick = (choice: PartnerChoice | null) => {
    close();
    setChosen(choice);
    if (choice?.id !== chosen?.id) onSelect(choice);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive(Math.max(0, Math.min(options.length - 1, highlighted + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Enter') {
      event.preventDefault(); // the text is a search, never a reason to submit the form
      if (open && highlighted >= 0) pick(options[highlighted]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="relative min-w-56">
      <Input
        ref={ref}
        id={inputId}
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={highlighted >= 0 ? optionId(highlighted) : undefined}
        placeholder={placeholder ?? clearLabel}
        value={query ?? chosen?.label ?? ''}
        {...aria}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onClick={(e) => {
          if (!open) {
            setOpen(true);
            e.currentTarget.select();
          }
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          close();
          onBlur?.();
        }}
      />
      {/* The status stays in the page while closed, so screen readers hear every later change. */}
      <div
        className={open ? 'absolute z-30 mt-1 w-full rounded-md border border-slate-200 bg-white shadow-lg' : 'sr-only'}
      >
        <p role="status" aria-live="polite" className="px-3 py-1.5 text-xs text-slate-600">
          {open ? statusOf(current) : ''}
        </p>
        <ul
          role="listbox"
          id={listId}
          aria-label="Matching partners"
          hidden={!open}
          className="max-h-72 overflow-y-auto pb-1"
        >
          {options.map((choice, index) => (
            <li
              key={choice?.id ?? ''}
              id={optionId(index)}
              role="option"
              aria-selected={index === highlighted}
              // Pressing the mouse would blur the box and close the list before the click lands.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(choice)}
              className={cn(
                'cursor-pointer px-3 py-2 text-sm hover:bg-slate-50',
                index === highlighted && 'bg-blue-50 text-blue-900',
                (choice?.id ?? null) === (chosen?.id ?? null) && 'font-medium',
              )}
            >
              {choice?.label ?? clearLabel}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
