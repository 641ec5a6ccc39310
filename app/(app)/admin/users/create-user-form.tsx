'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { serverChecked, showErrors } from '@/components/forms/server-checks';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { ROLE_LABELS, ROLES } from '@/lib/auth/roles';
import type { CreateUserInput } from '@/lib/validation/users';
import { createUserAction } from './actions';
import { reach } from '@/lib/actions/reach';

export function CreateUserForm() {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const form = useForm<CreateUserInput>({
    resolver: serverChecked(),
    defaultValues: { name: '', email: '', role: 'warehouse', password: '' },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const result = await reach(() => createUserAction(values));
    if (!result.ok) return showErrors(result, form.setError, (text) => setMessage({ tone: 'error', text }));
    setMessage({ tone: 'success', text: `User ${values.email} created.` });
    form.reset();
    router.refresh();
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New user" className="space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="user-name" label="Name" error={errors.name?.message}>
          <Input {...form.register('name')} />
        </Field>
        <Field id="user-email" label="Email" error={errors.email?.message}>
          <Input type="email" {...form.register('email')} />
        </Field>
        <Field id="user-role" label="Role" error={errors.role?.message}>
          <Select {...form.register('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="user-password" label="Initial password" error={errors.password?.message}>
          <Input type="password" autoComplete="new-password" {...form.register('password')} />
        </Field>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        Create user
      </Button>
    </form>
  );
}
