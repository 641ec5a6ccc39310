'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { serverChecked, showErrors } from '@/components/forms/server-checks';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField, Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { reach } from '@/lib/actions/reach';
import { DOCUMENT_KINDS } from '@/db/schema/values';
import { KINDS } from '@/lib/inventory/kinds';
import type { CompanySettings, CompanySettingsInput } from '@/lib/settings/company-schema';
import { saveSettingsAction } from './actions';

/** The company defaults: the invoices' goods-document switch and the document number formats. */
export function SettingsForm({ initial }: { initial: CompanySettings }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const form = useForm<CompanySettingsInput>({
    resolver: serverChecked(),
    defaultValues: initial,
  });
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const result = await reach(() => saveSettingsAction(values));
    if (!result.ok) return showErrors(result, form.setError, (text) => setMessage({ tone: 'error', text }));
    setMessage({ tone: 'success', text: 'Settings saved. New documents follow them.' });
    router.refresh();
  });
  const { errors, isSubmitting } = form.formState;
  const digits = useWatch({ control: form.control, name: 'digits' });
  const prefixes = useWatch({ control: form.control, name: 'prefixes' });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Company defaults" className="space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <CheckboxField
        id="settings-create-stock"
        label="New invoices create their goods receipt or issue"
        error={errors.createStockDocument?.message}
      >
        <input type="checkbox" id="settings-create-stock" {...form.register('createStockDocument')} />
      </CheckboxField>
      <div className="grid gap-4 sm:grid-cols-4">
        {DOCUMENT_KINDS.map((kind) => (
          <Field
            key={kind}
            id={`settings-prefix-${kind}`}
            label={`Prefix of ${KINDS[kind].plural.toLowerCase()}`}
            error={errors.prefixes?.[kind]?.message}
            hint={`${prefixes?.[kind] || '…'}-2026-${'1'.padStart(Number(digits) || 5, '0')}`}
          >
            <Input {...form.register(`prefixes.${kind}`)} />
          </Field>
        ))}
      </div>
      <Field id="settings-digits" label="Digits of the number (at least)" error={errors.digits?.message}>
        <Input type="number" min={3} max={9} {...form.register('digits')} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        Save settings
      </Button>
    </form>
  );
}
