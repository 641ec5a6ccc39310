'use client';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ScanInput } from '@/components/serials/scan-input';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { cn } from '@/components/ui/cn';
import { reach } from '@/lib/actions/reach';
import type { ScanRow, StocktakeSummary } from '@/lib/inventory/queries/stocktakes';
import { describeFinding } from '@/lib/inventory/stocktake/findings';
import { countStocktakeAction, scanStocktakeAction, stocktakeStatusAction } from '@/app/(app)/stocktakes/actions';
import { ImportCountForm } from './import-form';
import { SummaryList } from './summary';

/** How often the totals are fetched again while nobody scans here (others may be scanning the same count). */
const POLL_MS = 4000;

type Item = { id: string; code: string; name: string; trackSerials: boolean };
type Feedback = { tone: 'ok' | 'warn' | 'error'; message: string };

/**
 * The count screen's live part, built for a phone: a scan box that answers each serial at once (its own request, so
 * several people scan the same count), the totals and the latest scans, polled every few seconds. The lists of
 * differences are server-rendered pages below it, never the whole count.
 */
export function CountPanel({
  stocktakeId,
  items,
  initial,
}: {
  stocktakeId: string;
  items: Item[];
  initial: { summary: StocktakeSummary; latest: ScanRow[] };
}) {
  const router = useRouter();
  const [summary, setSummary] = useState(initial.summary);
  const [latest, setLatest] = useState(initial.latest);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [itemId, setItemId] = useState('');
  // Scans go one after another in the order they were read: a USB scanner types faster than a request returns.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const refresh = useCallback(async () => {
    const result = await reach(() => stocktakeStatusAction({ id: stocktakeId }));
    if (!result.ok) return;
    setSummary(result.data.summary);
    setLatest(result.data.latest);
    if (result.data.status !== 'open') router.refresh();
  }, [stocktakeId, router]);

  useEffect(() => {
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const scan = async (serial: string) => {
    const result = await reach(() => scanStocktakeAction({ id: stocktakeId, values: { serial, itemId } }));
    if (!result.ok) setFeedback({ tone: 'error', message: result.error });
    else
      setFeedback({
        tone: result.data.finding === 'expected' && !result.data.alreadyScanned ? 'ok' : 'warn',
        message: result.data.message,
      });
  };
  const scanAll = (serials: string[]) => {
    queue.current = queue.current.then(async () => {
      for (const serial of serials) await scan(serial);
      await refresh();
    });
  };

  const tracked = items.filter((i) => i.trackSerials);
  const counted = items.filter((i) => !i.trackSerials);
  return (
    <div className="space-y-4">
      <section aria-label="Scan" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <ScanInput
          id="scan"
          hintId="scan-hint"
          onSubmitText={(text) => scanAll([text])}
          onPasteList={(serials) => scanAll(serials)}
          onAddRange={() => {
            setFeedback({ tone: 'error', message: 'A count takes the serials that are there: scan each one.' });
            return false;
          }}
        />
        <Field id="scan-item" label="Item of an unknown serial" hint="Only needed when the serial is new to the books.">
          <Select value={itemId} onChange={(e) => setItemId(e.target.value)}>
            <option value="">Found by the serial</option>
            {tracked.map((i) => (
              <option key={i.id} value={i.id}>
                {i.code} — {i.name}
              </option>
            ))}
          </Select>
        </Field>
        <p
          role="status"
          aria-label="Last scan"
          className={cn(
            'min-h-10 rounded-md px-3 py-2 text-sm',
            feedback?.tone === 'ok' && 'bg-green-50 text-green-800',
            feedback?.tone === 'warn' && 'bg-amber-50 text-amber-900',
            feedback?.tone === 'error' && 'bg-red-50 text-red-800',
          )}
        >
          {feedback?.message ?? 'Scan the first serial.'}
        </p>
      </section>
      <SummaryList summary={summary} />
      <section aria-label="Latest scans" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-sm font-semibold">Latest scans</h2>
        {latest.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing scanned yet.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {latest.map((s) => (
              <li key={`${s.itemCode}/${s.serial}`} className="flex flex-wrap justify-between gap-2">
                <span className="font-mono">{describeFinding(s.finding, s.serial, s.where)}</span>
                <span className="text-xs text-slate-500">
                  {s.itemCode} · {s.by} · {s.at}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {counted.length > 0 && <CountForm stocktakeId={stocktakeId} items={counted} onSaved={() => router.refresh()} />}
      <ImportCountForm stocktakeId={stocktakeId} />
    </div>
  );
}

function CountForm({ stocktakeId, items, onSaved }: { stocktakeId: string; items: Item[]; onSaved: () => void }) {
  const [itemId, setItemId] = useState(items[0]?.id ?? '');
  const [quantity, setQuantity] = useState('');
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await reach(() => countStocktakeAction({ id: stocktakeId, values: { itemId, quantity } }));
    if (!result.ok) {
      setErrors(result.fieldErrors);
      return setFeedback({ tone: 'error', message: result.error });
    }
    setErrors({});
    setQuantity('');
    const { itemCode, quantity: q, bookQuantity } = result.data;
    setFeedback({ tone: 'ok', message: `${itemCode}: counted ${q}, the books say ${Number(bookQuantity)}.` });
    onSaved();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Count goods" className="space-y-3 rounded-lg border bg-white p-4">
      <h2 className="text-sm font-semibold">Count goods without serials</h2>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="count-item" label="Counted item" error={errors.itemId}>
          <Select value={itemId} onChange={(e) => setItemId(e.target.value)}>
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.code} — {i.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="count-quantity" label="Counted quantity" error={errors.quantity}>
          <Input inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
        </Field>
        <div className="flex items-end">
          <Button type="submit">Save count</Button>
        </div>
      </div>
      {feedback && (
        <p role="status" className={cn('text-sm', feedback.tone === 'error' ? 'text-red-700' : 'text-green-800')}>
          {feedback.message}
        </p>
      )}
    </form>
  );
}
