'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { useController, useFieldArray, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { CheckboxField, Field } from '@/components/ui/field';
import { FormAlert, type FormProblem } from '@/components/ui/form-alert';
import { Input, Select, Textarea } from '@/components/ui/input';
import type { ActionResult } from '@/lib/actions/result';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import type { LineItemOption } from '@/lib/inventory/queries/form-lookups';
import { documentSchema } from '@/lib/validation/documents';
import { saveDocumentAction } from './actions';
import { AddItemBar } from './add-item-bar';
import { tooLargeForForm } from './form-size';
import { reach } from '@/lib/actions/reach';
import { toWire } from './serials-wire';
import { DocumentLinesEditor } from './lines-editor';
import { PartnerCombobox, type PartnerChoice } from './partner-combobox';
import { carriesSerials, lineFor, toDocumentInput, type DocumentFormValues, type Option } from './form-values';

const PROBLEMS_KEY = /^lines\.(\d+)\.problems$/;

/**
 * Create and edit form for every kind of document. The browser checks the shape with the shared
 * schema; every stock and serial rule is the core's, and its answer lands at the top, on the fields
 * and on the lines it names. An edit carries the `version` it was loaded from: a save over a newer one is refused.
 */
export function DocumentForm({ kind, id, version, initial, partner, warehouses }: {
  kind: DocumentKind; id?: string; version?: number; initial: DocumentFormValues; partner: PartnerChoice | null; warehouses: Option[];
}) {
  const info = KINDS[kind];
  const router = useRouter();
  const [error, setProblem] = useState<FormProblem | null>(null);
  const setError = useCallback((message: string | null) => setProblem(message === null ? null : { message }), []);
  const [lineProblems, setLineProblems] = useState<Record<number, string[]>>({});
  const form = useForm<DocumentFormValues>({ resolver: zodResolver(documentSchema) as never, defaultValues: initial });
  const lines = useFieldArray({ control: form.control, name: 'lines' });
  const { ref: partnerRef, onChange: setPartnerId, onBlur: onPartnerBlur } = useController({ control: form.control, name: 'partnerId' }).field;
  const createStock = useWatch({ control: form.control, name: 'createStockDocument' });
  const { errors, isSubmitting } = form.formState;

  const showFailure = (result: Extract<ActionResult<unknown>, { ok: false }>) => {
    setProblem({ message: result.error, reload: result.reload });
    const problems: Record<number, string[]> = {};
    for (const [field, message] of Object.entries(result.fieldErrors)) {
      const match = PROBLEMS_KEY.exec(field);
      if (match) problems[Number(match[1])] = message.split('\n');
      else form.setError(field as never, { type: 'server', message });
    }
    setLineProblems(problems);
  };

  const onSubmit = form.handleSubmit(async () => {
    setError(null);
    setLineProblems({});
    const values = toDocumentInput(form.getValues());
    const wire = toWire(values);
    const tooLarge = tooLargeForForm(wire, values);
    if (tooLarge) return setError(tooLarge);
    // No answer (connection lost, server restarting): the save may or may not have happened.
    const result = await reach(() => saveDocumentAction(kind, { id, version, values: wire }), 'The server did not answer, so it is not '
      + `known whether the document was saved. Check the ${info.label.toLowerCase()} list before saving again.`);
    if (!result.ok) return showFailure(result);
    router.push(`${info.path}/${result.data.id}`);
    router.refresh();
  }, (invalid: FieldErrors<DocumentFormValues>) => setError(firstMessage(invalid) ?? 'Check the highlighted fields.'));

  // Problems are tied to line positions, which shift when a line goes: they are cleared until the next save.
  const removeLine = useCallback((index: number) => { lines.remove(index); setLineProblems({}); }, [lines]);
  const addItem = useCallback((item: LineItemOption) => lines.append(lineFor(kind, item), { shouldFocus: false }), [lines, kind]);
  const partnerLabel = info.partnerRole === 'supplier' ? 'Supplier' : 'Customer';
  const linesError = errors.lines?.message ?? errors.lines?.root?.message;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={id ? `Edit ${info.label.toLowerCase()}` : `New ${info.label.toLowerCase()}`}>
      <FormAlert problem={error} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="date" label="Date" error={errors.date?.message}>
          <Input type="date" {...form.register('date')} />
        </Field>
        <Field id="partnerId" label={partnerLabel} error={errors.partnerId?.message}>
          <PartnerCombobox kind={kind} selected={partner} ref={partnerRef} onBlur={onPartnerBlur}
            onSelect={(choice) => setPartnerId(choice?.id ?? '')} clearLabel={info.partnerRequired ? undefined : 'None'}
            placeholder={info.partnerRequired ? `Choose the ${info.partnerRole}` : undefined} />
        </Field>
        <Field id="warehouseId" label="Warehouse" error={errors.warehouseId?.message}>
          <Select {...form.register('warehouseId')}>
            <option value="">Choose the warehouse</option>
            {warehouses.map((w) => <option key={w.id} value={w.id}>{w.code} · {w.name}</option>)}
          </Select>
        </Field>
        {info.generates && (
          <div className="flex items-end pb-2">
            <CheckboxField id="createStockDocument" label={`Create ${KINDS[info.generates].label.toLowerCase()}`} error={errors.createStockDocument?.message}>
              <input id="createStockDocument" type="checkbox" className="size-4" {...form.register('createStockDocument')} />
            </CheckboxField>
          </div>
        )}
      </div>
      <Field id="note" label="Note" error={errors.note?.message}>
        <Textarea rows={2} {...form.register('note')} />
      </Field>
      <AddItemBar onAdd={addItem} />
      {linesError && <p role="alert" className="text-sm text-red-700">{linesError}</p>}
      <DocumentLinesEditor form={form} kind={kind} fields={lines.fields} onRemove={removeLine} documentId={id ?? null}
        serialsHere={carriesSerials(kind, createStock)} problems={lineProblems} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>{isSubmitting ? 'Saving…' : `Save ${info.label.toLowerCase()}`}</Button>
        <Button variant="secondary" onClick={() => router.back()}>Cancel</Button>
      </div>
    </form>
  );
}

/** The first message of the browser-side check, to repeat above the form where it is seen first. */
function firstMessage(errors: FieldErrors<DocumentFormValues>): string | null {
  const queue: unknown[] = [errors];
  while (queue.length > 0) {
    const next = queue.shift();
    if (!next || typeof next !== 'object') continue;
    const message = (next as { message?: unknown }).message;
    if (typeof message === 'string' && message) return message;
    queue.push(...Object.entries(next).filter(([key]) => key !== 'ref').map(([, value]) => value));
  }
  return null;
}
