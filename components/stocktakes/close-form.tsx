'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert, type FormProblem } from '@/components/ui/form-alert';
import { Input } from '@/components/ui/input';
import { reach } from '@/lib/actions/reach';
import { closeStocktakeAction } from '@/app/(app)/stocktakes/actions';

/**
 * Posts what the confirmation lists. `digest` is the fingerprint of that list: when a scan or a document changed the
 * differences meanwhile, the close is refused and Reload shows the new list.
 */
export function CloseStocktakeForm({
  id,
  number,
  digest,
  minDate,
  today,
  nothing,
}: {
  id: string;
  number: string;
  digest: string;
  minDate: string;
  today: string;
  nothing: boolean;
}) {
  const router = useRouter();
  const [date, setDate] = useState(today < minDate ? minDate : today);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const result = await reach(
      () => closeStocktakeAction({ id, values: { date, reason, digest } }),
      `The server did not answer, so it is not known whether ${number} was closed. Open it again before retrying.`,
    );
    setSaving(false);
    if (!result.ok) {
      setErrors(result.fieldErrors);
      return setProblem({ message: result.error, reload: result.code === 'CONFLICT' });
    }
    router.push(`/stocktakes/${id}`);
    router.refresh();
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={`Close ${number}`}>
      <FormAlert problem={problem} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="close-date" label="Adjustments dated" error={errors.date}>
          <Input type="date" value={date} min={minDate} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field id="reason" label="Reason" error={errors.reason} hint="The adjustments' note, after the count's number.">
          <Input value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </div>
      <Button type="submit" disabled={saving}>
        {saving ? 'Closing…' : nothing ? 'Close (nothing to post)' : 'Post adjustments and close'}
      </Button>
    </form>
  );
}
