'use client';
import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { Badge } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { reach } from '@/lib/actions/reach';
import type { LineItemOption } from '@/lib/inventory/queries/form-lookups';
import { canonicalKey } from '@/lib/text/canonical-key';
import { searchLineItemsAction } from '@/app/(app)/_documents/actions';
import { useLatestSearch, type SearchAnswer } from './use-latest-search';

/**
 * The item Enter adds: the one whose code reads as the text, else the first found. Enter does not wait
 * for the debounced search: without an answer for what is typed now, it asks for it.
 */
async function itemForEnter(
  text: string,
  answer: SearchAnswer<LineItemOption> | null,
): Promise<LineItemOption | string> {
  let found = answer?.text === text ? answer : null;
  if (!found) {
    const result = await reach(() => searchLineItemsAction(text));
    found = result.ok ? { text, data: result.data, error: null } : { text, data: [], error: result.error };
  }
  const key = canonicalKey(text.trim());
  return (
    found.data.find((item) => canonicalKey(item.code) === key) ??
    found.data[0] ??
    found.error ??
    `No active item matches “${text}”.`
  );
}

/**
 * The item picker's dialog (item-picker.tsx loads it on the first opening): a searchable list of items; each
 * pick (a click, or Enter in the search) adds a line and the picker stays open for the next one.
 */
export default function ItemPickerDialog({
  open,
  onOpenChange,
  onCloseAutoFocus,
  onPick,
  description = 'Each item you add becomes a new line.',
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus: (event: Event) => void;
  onPick: (item: LineItemOption) => void;
  /** What a pick does, under the title. */
  description?: string;
}) {
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const [enterProblem, setEnterProblem] = useState<string | null>(null);
  const answer = useLatestSearch(open, query, searchLineItemsAction);
  const pick = (item: LineItemOption) => {
    onPick(item);
    setPicked(item.code);
    setEnterProblem(null);
  };

  async function addOnEnter() {
    if (!query.trim()) return;
    const item = await itemForEnter(query, answer);
    if (typeof item === 'string') setEnterProblem(item);
    else pick(item);
  }
  const items = answer?.data ?? null;
  // Until the answer for what is typed now arrives, say so (the list keeps the last answer meanwhile).
  const current = answer !== null && answer.text === query;
  const status =
    enterProblem ??
    (picked
      ? `Added ${picked}.`
      : !current
        ? 'Searching…'
        : (answer.error ?? `${answer.data.length} item${answer.data.length === 1 ? '' : 's'} found.`));
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        setPicked(null);
        setEnterProblem(null);
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          onCloseAutoFocus={onCloseAutoFocus}
          className="fixed left-1/2 top-1/2 z-40 flex max-h-[88vh] w-[min(94vw,36rem)] -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg bg-white p-4 shadow-xl sm:p-6"
        >
          <Dialog.Title className="text-lg font-semibold">Choose an item</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-600">{description}</Dialog.Description>
          <label htmlFor="item-picker-search" className="mt-4 block text-sm font-medium text-slate-700">
            Find item by code or name
          </label>
          <Input
            id="item-picker-search"
            type="search"
            value={query}
            autoComplete="off"
            enterKeyHint="done"
            aria-describedby="item-picker-hint"
            onChange={(e) => {
              setQuery(e.target.value);
              setPicked(null);
              setEnterProblem(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                e.preventDefault();
                void addOnEnter();
              }
            }}
          />
          <p id="item-picker-hint" className="mt-1 text-xs text-slate-500">
            Enter adds the item whose code is typed, or else the first one found.
          </p>
          <p role="status" aria-live="polite" className="mt-2 min-h-5 text-sm text-slate-600">
            {status}
          </p>
          <ItemList items={items ?? []} onPick={pick} />
          <div className="mt-4 flex justify-end">
            <Dialog.Close asChild>
              <Button>Done</Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ItemList({ items, onPick }: { items: LineItemOption[]; onPick: (item: LineItemOption) => void }) {
  return (
    <ul
      aria-label="Items"
      className="mt-2 min-h-0 flex-1 divide-y divide-slate-100 overflow-y-auto rounded border border-slate-200"
    >
      {items.map((item) => (
        <li key={item.id} className="flex items-center justify-between gap-3 px-3 py-2">
          <span className="min-w-0">
            <span className="font-medium">{item.code}</span> {item.trackSerials && <Badge tone="blue">Serials</Badge>}
            <span className="block truncate text-sm text-slate-600">{item.name}</span>
          </span>
          <Button variant="secondary" aria-label={`Add ${item.code}`} onClick={() => onPick(item)}>
            Add
          </Button>
        </li>
      ))}
    </ul>
  );
}
