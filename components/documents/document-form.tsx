'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { useController, useFieldArray, useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { DraftBanner } from '@/components/forms/draft-banner';
import { draftKey } from '@/components/forms/draft-storage';
import { requestLeave, useLeaveGuard } from '@/components/forms/leave-guard';
import { Button } from '@/components/ui/button';
import { CheckboxField, Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { Input, Select, Textarea } from '@/components/ui/input';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import type { LineItemOption } from '@/lib/inventory/queries/form-lookups';
import { documentSchema } from '@/lib/validation/documents';
import { AddItemBar } from './add-item-bar';
import { DocumentLinesEditor } from './lines-editor';
import { PartnerCombobox, type PartnerChoice } from './partner-combobox';
import { carriesSerials, lineFor, type DocumentFormValues, type Option } from './form-values';
import { useDocumentDraft, type DocumentDraft } from './use-document-draft';
import { useSaveDocument } from './use-save-document';

const LEAVE_CONSEQUENCE = 'The document is not saved. This browser keeps a draft of it, which the form offers to restore when you open it again.';

/**
 * Create and edit form for every kind of document. The browser checks the shape with the shared
 * schema; every stock and serial rule is the core's (use-save-document.ts). An edit carries the `version`
 * it was loaded from: a save over a newer one is refused. Unsaved work is guarded: leaving asks first,
 * and a draft survives a reload in this browser (`draftOwner`: the user it belongs to).
 */
export function DocumentForm({ kind, id, version, initial, partner, warehouses, draftOwner, openLine }: {
  kind: DocumentKind; id?: string; version?: number; initial: DocumentFormValues; partner: PartnerChoice | null; warehouses: Option[];
  draftOwner: string; openLine?: number;
}) {
  const info = KINDS[kind];
  const router = useRouter();
  const form = useForm<DocumentFormValues>({ resolver: zodResolver(documentSchema) as never, defaultValues: initial });
  const lines = useFieldArray({ control: form.control, name: 'lines' });
  const createStock = useWatch({ control: form.control, name: 'createStockDocument' });
  const { errors, isSubmitting, isDirty } = form.formState;
  const [partnerChoice, setPartnerChoice] = useState(partner);
  const guard = useLeaveGuard(isDirty, LEAVE_CONSEQUENCE);
  const restoreDraft = useCallback(({ values, partner: chosen }: DocumentDraft) => {
    form.reset(values, { keepDefaultValues: true });
    setPartnerChoice(chosen);
  }, [form]);
  const draft = useDocumentDraft({ form, storageKey: draftKey(draftOwner, `${kind}:${id ?? 'new'}`), version: version ?? null,
    partner: partnerChoice, onRestore: restoreDraft });
  const save = useSaveDocument({ form, kind, id, version, onSaved: () => { draft.clear(); guard.release(); } });
  const { clearLineProblems } = save;
  const removeLine = useCallback((index: number) => { lines.remove(index); clearLineProblems(); }, [lines, clearLineProblems]);
  const addItem = useCallback((item: LineItemOption) => lines.append(lineFor(kind, item), { shouldFocus: false }), [lines, kind]);
  const linesError = errors.lines?.message ?? errors.lines?.root?.message;

  return (
    <form onSubmit={save.onSubmit} noValidate className="space-y-6" aria-label={id ? `Edit ${info.label.toLowerCase()}` : `New ${info.label.toLowerCase()}`}>
      {guard.dialog}
      {draft.offer && <DraftBanner savedAt={draft.offer.savedAt} summary={draftSummary(draft.offer.data)} onRestore={draft.restore} onDiscard={draft.discard} />}
      <FormAlert problem={save.problem} />
      <HeaderFields form={form} kind={kind} warehouses={warehouses} partner={partnerChoice} onPartner={setPartnerChoice} />
      <AddItemBar onAdd={addItem} />
      {linesError && <p role="alert" className="text-sm text-red-700">{linesError}</p>}
      <DocumentLinesEditor form={form} kind={kind} fields={lines.fields} onRemove={removeLine} documentId={id ?? null}
        serialsHere={carriesSerials(kind, createStock)} problems={save.lineProblems} openLine={openLine} />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={isSubmitting}>{isSubmitting ? 'Saving…' : `Save ${info.label.toLowerCase()}`}</Button>
        <Button variant="secondary" onClick={() => requestLeave(() => router.back())}>Cancel</Button>
        {draft.notKept && <p className="text-sm text-amber-800">This form is too large to keep as a draft in the browser; save it to keep it.</p>}
      </div>
    </form>
  );
}

/** Date, partner, warehouse, "create the goods document" for invoices, and the note. */
function HeaderFields({ form, kind, warehouses, partner, onPartner }: {
  form: UseFormReturn<DocumentFormValues>; kind: DocumentKind; warehouses: Option[]; partner: PartnerChoice | null;
  onPartner: (choice: PartnerChoice | null) => void;
}) {
  const info = KINDS[kind];
  const { errors } = form.formState;
  const { ref: partnerRef, onChange: setPartnerId, onBlur: onPartnerBlur } = useController({ control: form.control, name: 'partnerId' }).field;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="date" label="Date" error={errors.date?.message}>
          <Input type="date" {...form.register('date')} />
        </Field>
        <Field id="partnerId" label={info.partnerRole === 'supplier' ? 'Supplier' : 'Customer'} error={errors.partnerId?.message}>
          <PartnerCombobox kind={kind} selected={partner} ref={partnerRef} onBlur={onPartnerBlur}
            onSelect={(choice) => { onPartner(choice); setPartnerId(choice?.id ?? ''); }} clearLabel={info.partnerRequired ? undefined : 'None'}
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
    </>
  );
}

function draftSummary({ values }: DocumentDraft): string {
  const serials = values.lines.reduce((sum, line) => sum + (line.serials?.length ?? 0), 0);
  const lines = `${values.lines.length} line${values.lines.length === 1 ? '' : 's'}`;
  return `${lines}, ${serials.toLocaleString('en')} serial number${serials === 1 ? '' : 's'}`;
}
