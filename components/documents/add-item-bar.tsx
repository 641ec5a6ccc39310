'use client';
import { useState, type KeyboardEvent } from 'react';
import { Input } from '@/components/ui/input';
import type { LineItemOption } from '@/lib/inventory/queries/form-lookups';
import { findLineItemAction } from '@/app/(app)/_documents/actions';
import { ItemPicker } from './item-picker';

/**
 * Adds lines the fast way: scan or type an item code or EAN and press Enter (focus stays, so the next
 * scan lands here too), or search and pick in the item picker.
 */
export function AddItemBar({ onAdd }: { onAdd: (item: LineItemOption) => void }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);

  async function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    // Enter here adds a line; it must never submit the document.
    event.preventDefault();
    const text = code.trim();
    if (!text || busy) return;
    setBusy(true);
    const result = await findLineItemAction(text);
    setBusy(false);
    if (!result.ok) {
      setMessage({ text: result.error, problem: true });
      return;
    }
    onAdd(result.data);
    setCode('');
    setMessage({ text: `Added ${result.data.code} · ${result.data.name}.`, problem: false });
  }

  function pick(item: LineItemOption) {
    onAdd(item);
    setMessage({ text: `Added ${item.code} · ${item.name}.`, problem: false });
  }

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 basis-64">
          <label htmlFor="add-item-code" className="mb-1 block text-sm font-medium text-slate-700">
            Add item by code or EAN
          </label>
          <Input
            id="add-item-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            onKeyDown={(e) => void handleKeyDown(e)}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="done"
            aria-describedby="add-item-status"
          />
        </div>
        <ItemPicker onPick={pick} />
      </div>
      <p
        id="add-item-status"
        role="status"
        aria-live="polite"
        className={`mt-2 min-h-5 text-sm ${message?.problem ? 'text-red-700' : 'text-slate-600'}`}
      >
        {busy ? 'Looking up…' : (message?.text ?? 'Scan or type the code, then press Enter.')}
      </p>
    </div>
  );
}
