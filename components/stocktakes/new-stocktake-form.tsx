'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert, type FormProblem } from '@/components/ui/form-alert';
import { Input, Select, Textarea } from '@/components/ui/input';
import { reach } from '@/lib/actions/reach';
import { openStocktakeAction } from '@/app/(app)/stocktakes/actions';

type Option = { id: string; code: string; name: string };

export function NewStocktakeForm({
  warehouses,
  items,
  today,
}: {
  warehouses: Option[];
  items: Option[];
  today: string;
}) {
  const router = useRouter();
  const [date, setDate] = useState(today);
  const [warehouseId, setWarehouseId] = useState('');
  const [itemIds, setItemIds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const result = await reach(() => openStocktakeAction({ date, warehouseId, itemIds, note }));
    setSaving(false);
    if (!result.ok) {
      setErrors(result.fieldErrors);
      return setProblem({ message: result.error });
    }
    router.push(`/stocktakes/${result.data.id}`);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="New stocktake">
      <FormAlert problem={problem} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="date" label="Date" error={errors.date}>
          <Input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field id="warehouseId" label="Warehouse" error={errors.warehouseId}>
          <Select value={warehouseId} onChange={(e) => setWarehouseId(e.target.value)}>
            <option value="">Choose…</option>
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {w.code} — {w.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field
        id="itemIds"
        label="Limit to items"
        hint="Leave empty to count every item of the warehouse. Ctrl or Cmd picks several."
        error={errors.itemIds}
      >
        <Select
          multiple
          size={Math.min(8, Math.max(3, items.length))}
          value={itemIds}
          onChange={(e) => setItemIds([...e.target.selectedOptions].map((o) => o.value))}
        >
          {items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.code} — {i.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="note" label="Note" error={errors.note}>
        <Textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <Button type="submit" disabled={saving}>
        {saving ? 'Opening…' : 'Open stocktake'}
      </Button>
    </form>
  );
}
