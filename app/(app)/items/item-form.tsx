'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useLeaveGuard } from '@/components/forms/leave-guard';
import { serverChecked, showErrors } from '@/components/forms/server-checks';
import { Button } from '@/components/ui/button';
import { CheckboxField, Field } from '@/components/ui/field';
import { FormAlert, type FormProblem } from '@/components/ui/form-alert';
import { Input, Textarea } from '@/components/ui/input';
import type { ItemInput } from '@/lib/validation/catalog';
import { createItemAction, updateItemAction } from './actions';
import { reach } from '@/lib/actions/reach';

export type ItemFormValues = {
  code: string;
  name: string;
  unit: string;
  purchasePrice: string;
  salePrice: string;
  vatRate: string;
  ean: string;
  description: string;
  active: boolean;
  trackSerials: boolean;
  minStock: string;
  saleWarrantyMonths: string;
  purchaseWarrantyMonths: string;
};

/**
 * New item (no id) or edit of one, loaded at `version` (a save over a newer version is refused). `trackingFixed`: why
 * switching serial tracking would be refused (documents use the item), shown beside the checkbox before a click.
 */
export function ItemForm({
  id,
  version,
  initial,
  trackingFixed,
}: {
  id?: string;
  version?: number;
  initial: ItemFormValues;
  trackingFixed?: string | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<FormProblem | null>(null);
  const form = useForm<ItemFormValues>({ resolver: serverChecked(), defaultValues: initial });
  const guard = useLeaveGuard(form.formState.isDirty, 'The changes to this item are not saved and will be lost.');
  const onSubmit = form.handleSubmit(async () => {
    setError(null);
    // The server parses the raw values again with the same schema.
    const values = form.getValues() as ItemInput;
    const result = await reach(() => (id ? updateItemAction({ id, version, values }) : createItemAction(values)));
    if (!result.ok) return showErrors(result, form.setError, (message, reload) => setError({ message, reload }));
    guard.release();
    router.push(`/items/${result.data.id}`);
    router.refresh();
  });
  const { errors, isSubmitting } = form.formState;
  const text = (name: keyof ItemFormValues, label: string, props: Record<string, unknown> = {}) => (
    <Field id={name} label={label} error={errors[name]?.message}>
      <Input {...props} {...form.register(name)} />
    </Field>
  );
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4" aria-label={id ? 'Edit item' : 'New item'}>
      {guard.dialog}
      <FormAlert problem={error} />
      <div className="grid gap-4 sm:grid-cols-2">
        {text('code', 'Code', { autoComplete: 'off' })}
        {text('name', 'Name')}
        {text('unit', 'Unit')}
        {text('ean', 'EAN', { inputMode: 'numeric' })}
        {text('purchasePrice', 'Purchase price', { inputMode: 'decimal' })}
        {text('salePrice', 'Sale price', { inputMode: 'decimal' })}
        {text('vatRate', 'VAT rate (%)', { inputMode: 'decimal' })}
        {text('minStock', 'Minimum stock', { inputMode: 'decimal' })}
        {text('saleWarrantyMonths', 'Sale warranty (months)', { inputMode: 'numeric' })}
        {text('purchaseWarrantyMonths', 'Purchase warranty (months)', { inputMode: 'numeric' })}
      </div>
      <Field id="description" label="Description" error={errors.description?.message}>
        <Textarea rows={3} {...form.register('description')} />
      </Field>
      <div className="flex flex-wrap gap-6">
        <CheckboxField
          id="trackSerials"
          label="Track serial numbers"
          error={errors.trackSerials?.message}
          hint={trackingFixed ?? undefined}
        >
          <input id="trackSerials" type="checkbox" className="size-4" {...form.register('trackSerials')} />
        </CheckboxField>
        <CheckboxField id="active" label="Active" error={errors.active?.message}>
          <input id="active" type="checkbox" className="size-4" {...form.register('active')} />
        </CheckboxField>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Saving…' : 'Save item'}
      </Button>
    </form>
  );
}
