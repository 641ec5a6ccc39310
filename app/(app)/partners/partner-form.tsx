'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useLeaveGuard } from '@/components/forms/leave-guard';
import { serverChecked, showErrors } from '@/components/forms/server-checks';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert, type FormProblem } from '@/components/ui/form-alert';
import { Input, Select, Textarea } from '@/components/ui/input';
import type { PartnerInput } from '@/lib/validation/catalog';
import { savePartnerAction } from './actions';
import { reach } from '@/lib/actions/reach';

export type PartnerFormValues = {
  code: string;
  name: string;
  type: 'supplier' | 'customer' | 'both';
  vatId: string;
  email: string;
  phone: string;
  address: string;
};

/** New partner (no id) or edit of one, loaded at `version` (a save over a newer version is refused). */
export function PartnerForm({ id, version, initial }: { id?: string; version?: number; initial: PartnerFormValues }) {
  const router = useRouter();
  const [error, setError] = useState<FormProblem | null>(null);
  const form = useForm<PartnerFormValues>({ resolver: serverChecked(), defaultValues: initial });
  const guard = useLeaveGuard(form.formState.isDirty, 'The changes to this partner are not saved and will be lost.');
  const onSubmit = form.handleSubmit(async () => {
    setError(null);
    const result = await reach(() => savePartnerAction({ id, version, values: form.getValues() as PartnerInput }));
    if (!result.ok) return showErrors(result, form.setError, (message, reload) => setError({ message, reload }));
    guard.release();
    router.push('/partners');
    router.refresh();
  });
  const { errors, isSubmitting } = form.formState;
  const text = (name: keyof PartnerFormValues, label: string, type = 'text') => (
    <Field id={name} label={label} error={errors[name]?.message}>
      <Input type={type} {...form.register(name)} />
    </Field>
  );
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="max-w-3xl space-y-4"
      aria-label={id ? 'Edit partner' : 'New partner'}
    >
      {guard.dialog}
      <FormAlert problem={error} />
      <div className="grid gap-4 sm:grid-cols-2">
        {text('code', 'Code')}
        {text('name', 'Name')}
        <Field id="type" label="Type" error={errors.type?.message}>
          <Select {...form.register('type')}>
            <option value="supplier">Supplier</option>
            <option value="customer">Customer</option>
            <option value="both">Supplier and customer</option>
          </Select>
        </Field>
        {text('vatId', 'VAT ID')}
        {text('email', 'Email', 'email')}
        {text('phone', 'Phone', 'tel')}
      </div>
      <Field id="address" label="Address" error={errors.address?.message}>
        <Textarea rows={2} {...form.register('address')} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Saving…' : 'Save partner'}
      </Button>
    </form>
  );
}
