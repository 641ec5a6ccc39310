'use client';
import { Fragment } from 'react';
import { useWatch, type FieldArrayWithId, type UseFormReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { DocumentKind } from '@/lib/inventory/kinds';
import type { DocumentFormValues } from './form-values';
import { LineSerials } from './line-serials';

type Form = UseFormReturn<DocumentFormValues>;

/** The lines of the form as a table that scrolls sideways inside itself on a phone. */
export function DocumentLinesEditor({ form, kind, fields, onRemove, documentId, serialsHere, problems }: {
  form: Form; kind: DocumentKind; fields: FieldArrayWithId<DocumentFormValues, 'lines'>[]; onRemove: (index: number) => void;
  documentId: string | null; serialsHere: boolean; problems: Record<number, string[]>;
}) {
  if (fields.length === 0) {
    return <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500">No lines yet: add an item above.</p>;
  }
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[52rem] text-left text-sm">
        <caption className="sr-only">Lines</caption>
        <thead className="bg-slate-50 text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">#</th>
            <th scope="col" className="px-3 py-2">Item</th>
            <th scope="col" className="px-3 py-2">Quantity</th>
            <th scope="col" className="px-3 py-2">Unit price</th>
            <th scope="col" className="px-3 py-2">VAT %</th>
            <th scope="col" className="px-3 py-2">Serial numbers</th>
            <th scope="col" className="px-3 py-2"><span className="sr-only">Remove</span></th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field, index) => (
            <Fragment key={field.id}>
              <LineRow form={form} kind={kind} index={index} onRemove={onRemove} documentId={documentId} serialsHere={serialsHere} />
              {problems[index] && (
                <tr>
                  <td />
                  <td colSpan={6} className="px-3 pb-3">
                    <ul role="alert" aria-label={`Problems on line ${index + 1}`} className="list-disc space-y-0.5 pl-5 text-sm text-red-700">
                      {problems[index].map((message) => <li key={message}>{message}</li>)}
                    </ul>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LineRow({ form, kind, index, onRemove, documentId, serialsHere }: {
  form: Form; kind: DocumentKind; index: number; onRemove: (index: number) => void; documentId: string | null; serialsHere: boolean;
}) {
  const line = useWatch({ control: form.control, name: `lines.${index}` });
  const warehouseId = useWatch({ control: form.control, name: 'warehouseId' });
  const errors = form.formState.errors.lines?.[index];
  const n = index + 1;
  const cell = (name: 'quantity' | 'unitPrice' | 'vatRate', label: string, width: string) => {
    const id = `lines-${index}-${name}`;
    const message = errors?.[name]?.message;
    return (
      <td className="px-3 py-2 align-top">
        <label htmlFor={id} className="sr-only">{`${label}, line ${n}`}</label>
        <Input id={id} inputMode="decimal" autoComplete="off" className={width} aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined} {...form.register(`lines.${index}.${name}`)} />
        {message && <p id={`${id}-error`} className="mt-1 text-xs text-red-700">{message}</p>}
      </td>
    );
  };
  if (!line) return null;
  return (
    <tr className="border-t border-slate-100">
      <td className="px-3 py-2 align-top">{n}</td>
      <td className="px-3 py-2 align-top">
        <span className="font-medium">{line.itemCode}</span>
        <span className="block max-w-56 truncate text-slate-600" title={line.itemName}>{line.itemName}</span>
        {errors?.itemId?.message && <p className="mt-1 text-xs text-red-700">{errors.itemId.message}</p>}
      </td>
      {cell('quantity', 'Quantity', 'w-24')}
      {cell('unitPrice', 'Unit price', 'w-32')}
      {cell('vatRate', 'VAT rate', 'w-20')}
      <td className="px-3 py-2 align-top">
        <LineSerials kind={kind} line={line} lineNo={n} warehouseId={warehouseId} documentId={documentId} enabled={serialsHere}
          onChange={(serials) => form.setValue(`lines.${index}.serials`, serials, { shouldDirty: true })} />
      </td>
      <td className="px-3 py-2 align-top">
        <Button variant="ghost" aria-label={`Remove line ${n}`} onClick={() => onRemove(index)}>Remove</Button>
      </td>
    </tr>
  );
}
