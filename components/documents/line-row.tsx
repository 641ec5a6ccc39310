'use client';
import { useCallback, useEffect } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import type { DocumentFormValues, FormLine } from './form-values';
import { LineDetail } from './line-detail';
import { LineSerials, preloadLineSerialEntry, type LineFacts, type LineSerialContext } from './line-serials';

type Form = UseFormReturn<DocumentFormValues>;

/**
 * The columns of the lines table from 640 px, and the two-column card below it (lines-editor.tsx); a kind
 * without prices (a transfer) has no price and VAT columns. Whole class names, for Tailwind to find them.
 */
export function lineGrid(kind: DocumentKind): string {
  return KINDS[kind].priced
    ? 'grid grid-cols-2 gap-x-3 gap-y-2 sm:grid-cols-[minmax(10rem,1fr)_7rem_11rem_8rem_5rem_11rem] sm:items-start'
    : 'grid grid-cols-2 gap-x-3 gap-y-2 sm:grid-cols-[minmax(10rem,1fr)_7rem_11rem_11rem] sm:items-start';
}
type Editable = 'quantity' | 'unitPrice' | 'vatRate';

/** A line's facts for its row; undefined while a removed line's row is still rendered. */
function withoutSerials(line: FormLine | undefined): LineFacts | undefined {
  if (!line) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { serials, ...facts } = line;
  return facts;
}

/** One line: a row of the table on a desktop, a card on a phone (lines-editor.tsx). */
export function LineRow({
  form,
  kind,
  index,
  onRemove,
  documentId,
  serialsHere,
  problems,
  detailOpen,
  fixedNote,
}: {
  form: Form;
  kind: DocumentKind;
  index: number;
  onRemove: (index: number) => void;
  documentId: string | null;
  serialsHere: boolean;
  problems: string[] | undefined;
  detailOpen: boolean;
  /** Items, quantities and serials are read-only, for the reason with this id (a pinned document). */
  fixedNote: string | null;
}) {
  // This line only: a keystroke in one line re-renders that line, not every line of the document (a watcher of the
  // whole list is told of every change in it). Its serials are left out: a scan re-renders only what shows them
  // (useLineSerials), not this row and the dialog around the serial form.
  const line = useWatch({ control: form.control, name: `lines.${index}`, compute: withoutSerials });
  const warehouseId = useWatch({ control: form.control, name: 'warehouseId' });
  const n = index + 1;
  const setSerials = useCallback(
    (serials: string[]) => form.setValue(`lines.${index}.serials`, serials, { shouldDirty: true }),
    [form, index],
  );
  // A line is on the form, so its serial form may open soon: fetch that code now, off the first load.
  useEffect(preloadLineSerialEntry, []);
  if (!line) return null;
  const context: LineSerialContext = {
    kind,
    line,
    lineNo: n,
    control: form.control,
    warehouseId,
    documentId,
    // Read, not watched: only the serial form uses the other lines, and it is modal, so they cannot change while
    // it is open; it reads them again each time it opens.
    lines: form.getValues('lines') ?? [],
    onChange: setSerials,
    fixedNote,
  };
  const setQuantity = (quantity: string) => form.setValue(`lines.${index}.quantity`, quantity, { shouldDirty: true });
  const itemError = form.formState.errors.lines?.[index]?.itemId?.message;
  return (
    <li
      aria-label={`Line ${n}`}
      className={`${lineGrid(kind)} rounded-lg border border-slate-200 bg-white p-3 sm:rounded-none sm:border-0 sm:border-t sm:border-slate-100 sm:py-2`}
    >
      <div className="col-span-2 min-w-0 text-sm sm:col-span-1">
        <span className="mr-1 tabular-nums text-slate-500">{n}.</span>
        <span className="font-medium">{line.itemCode}</span>
        <span className="block truncate text-slate-600" title={line.itemName}>
          {line.itemName}
        </span>
        {itemError && <p className="mt-1 text-xs text-red-700">{itemError}</p>}
      </div>
      <LineField form={form} index={index} name="quantity" label="Quantity" fixedNote={fixedNote} />
      <div className="self-end sm:self-start">
        <span className="mb-1 block text-xs font-medium text-slate-600 sm:hidden" aria-hidden="true">
          Serial numbers
        </span>
        <LineSerials context={context} enabled={serialsHere} />
      </div>
      {KINDS[kind].priced && <LineField form={form} index={index} name="unitPrice" label="Unit price" />}
      {KINDS[kind].priced && <LineField form={form} index={index} name="vatRate" label="VAT rate" />}
      <div className="col-span-2 flex justify-end gap-1 sm:col-span-1">
        <LineDetail context={context} enabled={serialsHere} defaultOpen={detailOpen} onQuantityChange={setQuantity} />
        {!fixedNote && (
          <Button variant="ghost" aria-label={`Remove line ${n}`} onClick={() => onRemove(index)}>
            Remove
          </Button>
        )}
      </div>
      {problems && (
        <ul
          role="alert"
          aria-label={`Problems on line ${n}`}
          className="col-span-2 list-disc space-y-0.5 pl-5 text-sm text-red-700 sm:col-span-full"
        >
          {problems.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * A labelled input of the line: the label shows on the card and is read out (with the line number) in the
 * table. Read-only with `fixedNote` (the quantity of a pinned document), which says why.
 */
function LineField({
  form,
  index,
  name,
  label,
  fixedNote = null,
}: {
  form: Form;
  index: number;
  name: Editable;
  label: string;
  fixedNote?: string | null;
}) {
  const id = `lines-${index}-${name}`;
  const message = form.formState.errors.lines?.[index]?.[name]?.message;
  const describedBy = [message ? `${id}-error` : null, fixedNote].filter(Boolean).join(' ') || undefined;
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600 sm:sr-only">
        {label}
        <span className="sr-only">, line {index + 1}</span>
      </label>
      <Input
        id={id}
        inputMode="decimal"
        autoComplete="off"
        aria-invalid={message ? true : undefined}
        readOnly={fixedNote !== null}
        aria-describedby={describedBy}
        {...form.register(`lines.${index}.${name}`)}
      />
      {message && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {message}
        </p>
      )}
    </div>
  );
}
