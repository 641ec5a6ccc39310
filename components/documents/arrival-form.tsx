'use client';
import { useRouter } from 'next/navigation';
import { useMemo, useState, type FormEvent } from 'react';
import { SerialEntry } from '@/components/serials/serial-entry';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { Input, Textarea } from '@/components/ui/input';
import { reach } from '@/lib/actions/reach';
import type { DocumentKind } from '@/lib/inventory/kinds';
import type { DocumentInput } from '@/lib/validation/documents';
import { saveDocumentAction } from '@/app/(app)/_documents/actions';
import { checkArrivalSerialsAction } from '@/app/(app)/transfers/actions';
import { refusalHeadline, RefusalProblems } from './refusal-problems';
import { toWire } from './serials-wire';
import type { SaveProblem } from './use-save-document';

export type ArrivalLine = {
  itemId: string;
  itemCode: string;
  itemName: string;
  unit: string;
  trackSerials: boolean;
  left: string;
};
export type ArrivalTransfer = {
  id: string;
  number: string;
  date: string;
  destinationId: string;
  destinationCode: string;
};

/**
 * Receiving an in-transit transfer at its destination: scan what arrived, item by item (the same serial form
 * as every document line, checked live against what the transfer has in transit), and enter the counted goods
 * that came. Saving posts a transfer arrival; what was not scanned stays in transit on the transfer.
 */
export function ArrivalForm({
  transfer,
  lines,
  inTransit,
  today,
  readable,
}: {
  transfer: ArrivalTransfer;
  lines: ArrivalLine[];
  inTransit: { itemId: string; serial: string }[];
  today: string;
  readable: DocumentKind[];
}) {
  const router = useRouter();
  const [date, setDate] = useState(today < transfer.date ? transfer.date : today);
  const [note, setNote] = useState('');
  const [scanned, setScanned] = useState<Record<string, string[]>>({});
  const [counted, setCounted] = useState<Record<string, string>>(() =>
    Object.fromEntries(lines.filter((l) => !l.trackSerials).map((l) => [l.itemId, l.left])),
  );
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const arrived = lines.flatMap((l) => {
      const serials = scanned[l.itemId] ?? [];
      const quantity = l.trackSerials ? String(serials.length) : (counted[l.itemId] ?? '').trim();
      return quantity === '' || quantity === '0' ? [] : [{ itemId: l.itemId, quantity, serials }];
    });
    if (arrived.length === 0)
      return setProblem({ message: 'Scan the serial numbers that arrived, or enter the counted goods that did.' });
    const values: DocumentInput = {
      kind: 'transfer_arrival',
      date,
      note,
      warehouseId: transfer.destinationId,
      transferId: transfer.id,
      lines: arrived,
    };
    setSaving(true);
    const result = await reach(
      () => saveDocumentAction('transfer_arrival', { values: toWire(values) }),
      `The server did not answer, so it is not known whether the arrival was saved. Check ${transfer.number} before saving again.`,
    );
    setSaving(false);
    if (!result.ok)
      return setProblem({
        message: refusalHeadline(result.error, result.problems, 'Arrival not saved'),
        problems: result.problems,
      });
    router.push(`/transfers/${transfer.id}`);
    router.refresh();
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-6" aria-label={`Receive ${transfer.number}`}>
      <FormAlert problem={problem}>
        <RefusalProblems problems={problem?.problems} readable={readable} />
      </FormAlert>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="date"
          label="Arrived on"
          hint={`Sent on ${transfer.date}; received in warehouse ${transfer.destinationCode}.`}
        >
          <Input type="date" value={date} min={transfer.date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field id="note" label="Note">
          <Textarea rows={1} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
      </div>
      {lines.map((line) =>
        line.trackSerials ? (
          <TrackedArrival
            key={line.itemId}
            transferId={transfer.id}
            line={line}
            value={scanned[line.itemId] ?? []}
            expected={inTransit.filter((s) => s.itemId === line.itemId).map((s) => s.serial)}
            onChange={(serials) => setScanned((all) => ({ ...all, [line.itemId]: serials }))}
          />
        ) : (
          <CountedArrival
            key={line.itemId}
            line={line}
            value={counted[line.itemId] ?? ''}
            onChange={(q) => setCounted((all) => ({ ...all, [line.itemId]: q }))}
          />
        ),
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save arrival'}
        </Button>
        <Button variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** A tracked item: the serial form, and the serials in transit not scanned yet (they stay in transit). */
function TrackedArrival({
  transferId,
  line,
  value,
  expected,
  onChange,
}: {
  transferId: string;
  line: ArrivalLine;
  value: string[];
  expected: string[];
  onChange: (serials: string[]) => void;
}) {
  const label = `${line.itemCode} · ${line.itemName}`;
  const checkSerials = useMemo(
    () => async (serials: string[]) => {
      const result = await checkArrivalSerialsAction({ transferId, itemId: line.itemId, serials });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    [transferId, line.itemId],
  );
  // As a person compares labels: case and surrounding spaces aside (the server matches look-alikes too).
  const seen = new Set(value.map((s) => s.trim().toUpperCase()));
  const missing = expected.filter((s) => !seen.has(s.trim().toUpperCase()));
  return (
    <section aria-label={`Arrived: ${label}`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-3 font-medium">
        {label} <span className="font-normal text-slate-600">({line.left} in transit)</span>
      </h2>
      <SerialEntry
        idPrefix={`arrival-${line.itemId}`}
        direction="receive"
        itemLabel={label}
        expectedCount={null}
        value={value}
        onChange={onChange}
        checkSerials={checkSerials}
      />
      {missing.length > 0 && (
        <div className="mt-3 text-sm">
          <p className="font-medium text-slate-700">
            Not scanned yet ({missing.length.toLocaleString('en')}): these stay in transit
          </p>
          <ul
            aria-label={`Not scanned yet: ${line.itemCode}`}
            className="mt-1 flex flex-wrap gap-x-3 gap-y-1 font-mono text-xs text-slate-600"
          >
            {missing.slice(0, 200).map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function CountedArrival({
  line,
  value,
  onChange,
}: {
  line: ArrivalLine;
  value: string;
  onChange: (quantity: string) => void;
}) {
  const id = `arrival-${line.itemId}-quantity`;
  return (
    <section
      aria-label={`Arrived: ${line.itemCode} · ${line.itemName}`}
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <Field
        id={id}
        label={`${line.itemCode} · ${line.itemName}: quantity arrived (${line.unit})`}
        hint={`${line.left} ${line.unit} in transit; what does not arrive stays in transit.`}
      >
        <Input inputMode="decimal" autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} />
      </Field>
    </section>
  );
}
