'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { serverChecked, showErrors } from '@/components/forms/server-checks';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/auth/roles';
import { createApiKeyAction } from './actions';
import { reach } from '@/lib/actions/reach';

export function CreateKeyForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const form = useForm<{ name: string; role: Role }>({
    resolver: serverChecked(),
    defaultValues: { name: '', role: 'admin' },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await reach(() => createApiKeyAction(values));
    if (!result.ok) return showErrors(result, form.setError, setError);
    setCreated(result.data.key);
    form.reset();
    router.refresh();
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New API key" className="space-y-4">
      {error && <Alert>{error}</Alert>}
      {created && (
        <Alert tone="success">
          <p>Copy the key now: it is shown only once.</p>
          <label htmlFor="new-api-key" className="mt-2 block font-medium">
            New API key
          </label>
          <Input id="new-api-key" readOnly value={created} className="font-mono" onFocus={(e) => e.target.select()} />
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="key-name" label="Key name" error={errors.name?.message}>
          <Input {...form.register('name')} />
        </Field>
        <Field id="key-role" label="Key role" error={errors.role?.message}>
          <Select {...form.register('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        Create API key
      </Button>
    </form>
  );
}
