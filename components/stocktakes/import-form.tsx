'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { reach } from '@/lib/actions/reach';
import { importStocktakeCsvAction } from '@/app/(app)/stocktakes/actions';

type Result = { recorded: number; refused: { rowNumber: number; message: string }[] };

/** Brings a CSV of found serials and counted quantities (from a handheld's export, say) into the open count. */
export function ImportCountForm({ stocktakeId }: { stocktakeId: string }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    if (!file) return setError('Choose a CSV file.');
    setBusy(true);
    const csv = await file.text();
    const answer = await reach(() => importStocktakeCsvAction({ id: stocktakeId, values: { csv } }));
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    setError(null);
    const refused = answer.data.filter((o) => !o.ok);
    setResult({ recorded: answer.data.length - refused.length, refused });
    router.refresh();
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Import into the count"
      className="space-y-3 rounded-lg border bg-white p-4"
    >
      <h2 className="text-sm font-semibold">Import a CSV into the count</h2>
      <Field
        id="count-csv"
        label="CSV file of found serials and counts"
        hint="Columns Serial_Number (and Item, for a serial new to the books), or Item and Quantity for goods without serials."
        error={error ?? undefined}
      >
        <Input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </Field>
      <Button type="submit" variant="secondary" disabled={busy}>
        {busy ? 'Importing…' : 'Import'}
      </Button>
      {result && (
        <div role="status" aria-label="Import result" className="text-sm">
          <p>
            {result.recorded} rows recorded, {result.refused.length} refused.
          </p>
          <ul className="list-inside list-disc text-red-800">
            {result.refused.slice(0, 50).map((r) => (
              <li key={r.rowNumber}>{r.message}</li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
