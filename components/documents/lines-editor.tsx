'use client';
import type { FieldArrayWithId, UseFormReturn } from 'react-hook-form';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import type { DocumentFormValues } from './form-values';
import { lineGrid, LineRow } from './line-row';

/**
 * Desktop: one row per line under column headings. Phone (below 640 px): one card per line, with the
 * item, the quantity and the Serials button (which shows the count) together on the screen, and no
 * sideways scrolling. One markup for both: the grid of each line changes shape, so every field exists once.
 */
export function DocumentLinesEditor({
  form,
  kind,
  fields,
  onRemove,
  documentId,
  serialsHere,
  problems,
  openLine,
  fixedNote,
}: {
  form: UseFormReturn<DocumentFormValues>;
  kind: DocumentKind;
  fields: FieldArrayWithId<DocumentFormValues, 'lines'>[];
  onRemove: (index: number) => void;
  documentId: string | null;
  serialsHere: boolean;
  problems: Record<number, string[]>;
  /** The line whose detail view opens with the page (a receipt or issue started from the item page). */
  openLine?: number;
  /** The id of the reason why items, quantities and serials are read-only (a pinned document), or null. */
  fixedNote: string | null;
}) {
  if (fields.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500">
        No lines yet: add an item above.
      </p>
    );
  }
  return (
    <section aria-label="Lines" className="sm:overflow-x-auto sm:rounded-lg sm:border sm:border-slate-200 sm:bg-white">
      <div className="sm:min-w-[56rem]">
        <div
          aria-hidden="true"
          className={`${lineGrid(kind)} hidden bg-slate-50 px-3 py-2 text-xs font-medium uppercase text-slate-600 sm:grid`}
        >
          <span>Item</span>
          <span>Quantity</span>
          <span>Serial numbers</span>
          {KINDS[kind].priced && (
            <>
              <span>Unit price</span>
              <span>VAT %</span>
            </>
          )}
          <span />
        </div>
        <ol className="space-y-3 sm:space-y-0">
          {fields.map((field, index) => (
            <LineRow
              key={field.id}
              form={form}
              kind={kind}
              index={index}
              onRemove={onRemove}
              documentId={documentId}
              serialsHere={serialsHere}
              problems={problems[index]}
              detailOpen={openLine === index}
              fixedNote={fixedNote}
            />
          ))}
        </ol>
      </div>
    </section>
  );
}
