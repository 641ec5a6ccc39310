'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert, type FormProblem } from '@/components/ui/form-alert';
import { Input, Select, Textarea } from '@/components/ui/input';
import { ItemPicker } from '@/components/documents/item-picker';
import { reach } from '@/lib/actions/reach';
import { openStocktakeAction } from '@/app/(app)/stocktakes/actions';

type Option = { id: string; code: string; name: string };

export function NewStocktakeForm({ warehouses, today }: { warehouses: Option[]; today: string }) {
  const router = useRouter();
  const [date, setDate] = useState(today);
  const [warehouseId, setWarehouseId] = useState('');
  // Chosen through the item search (a price list has tens of thousands of items: the page ships none of them).
  const [items, setItems] = useState<Option[]>([]);
  const itemIds = items.map((item) => item.id);
  const addItem = ({ id, code, name }: Option) =>
    setItems((chosen) => (chosen.some((item) => item.id === id) ? chosen : [...chosen, { id, code, name }]));
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
      <fieldset className="space-y-2" aria-describedby={errors.itemIds ? 'itemIds-error' : 'itemIds-hint'}>
        <legend className="block text-sm font-medium text-slate-700">Limit to items</legend>
        {items.length > 0 && (
          <ul aria-label="Items to count" className="space-y-1 text-sm">
            {items.map((item) => (
              <li key={item.id} className="flex items-center gap-2">
                <span>
                  {item.code} — {item.name}
                </span>
                <Button
                  variant="ghost"
                  aria-label={`Remove ${item.code}`}
                  onClick={() => setItems((chosen) => chosen.filter((other) => other.id !== item.id))}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
        <ItemPicker onPick={addItem} description="Each item you add is counted; the others are left out." />
        {errors.itemIds ? (
          <p id="itemIds-error" role="alert" className="text-sm text-red-700">
            {errors.itemIds}
          </p>
        ) : (
          <p id="itemIds-hint" className="text-xs text-slate-500">
            {items.length === 0
              ? 'None chosen: every item of the warehouse is counted.'
              : 'Only these items are counted.'}
          </p>
        )}
      </fieldset>
      <Field id="note" label="Note" error={errors.note}>
        <Textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <Button type="submit" disabled={saving}>
        {saving ? 'Opening…' : 'Open stocktake'}
      </Button>
    </form>
  );
}
