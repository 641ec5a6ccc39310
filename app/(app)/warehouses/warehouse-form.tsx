'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useLeaveGuard } from '@/components/forms/leave-guard';
import { serverChecked, showErrors } from '@/components/forms/server-checks';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert, type FormProblem } from '@/components/ui/form-alert';
import { Input } from '@/components/ui/input';
import { saveWarehouseAction } from './actions';
import { reach } from '@/lib/actions/reach';

type Values = { code: string; name: string };

/**
 * Creates a warehouse, or renames one when an id is given (loaded at `version`: a save over a newer one is refused).
 */
export function WarehouseForm({
  id,
  version,
  initial,
  label,
}: {
  id?: string;
  version?: number;
  initial: Values;
  label: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<FormProblem | null>(null);
  const form = useForm<Values>({ resolver: serverChecked(), defaultValues: initial });
  const guard = useLeaveGuard(form.formState.isDirty, 'The changes to this warehouse are not saved and will be lost.');
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await reach(() => saveWarehouseAction({ id, version, values }));
    if (!result.ok) return showErrors(result, form.setError, (message, reload) => setError({ message, reload }));
    // Saved: the form is clean again (empty for the next new one, the saved values for a rename).
    form.reset(id ? values : initial);
    router.refresh();
  });
  const { errors, isSubmitting } = form.formState;
  const prefix = id ? `wh-${id}` : 'wh-new';
  return (
    <form onSubmit={onSubmit} noValidate aria-label={label} className="flex flex-wrap items-start gap-3">
      {guard.dialog}
      {error && (
        <div className="w-full">
          <FormAlert problem={error} />
        </div>
      )}
      <Field id={`${prefix}-code`} label="Code" error={errors.code?.message}>
        <Input {...form.register('code')} />
      </Field>
      <Field id={`${prefix}-name`} label="Name" error={errors.name?.message}>
        <Input {...form.register('name')} />
      </Field>
      <Button type="submit" className="mt-6" disabled={isSubmitting}>
        {id ? 'Save' : 'Add warehouse'}
      </Button>
    </form>
  );
}
