'use client';
import { SerialEntry } from '@/components/serials/serial-entry';
import type { CheckSerials } from '@/components/serials/use-serial-check';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { MissingExpected } from '@/lib/validation/documents';

export type ScanLine = {
  itemId: string;
  itemCode: string;
  itemName: string;
  unit: string;
  trackSerials: boolean;
  /** What may still come: in transit on the transfer, or still expected on the expected receipt. */
  left: string;
  unitPrice?: string;
  vatRate?: string;
};

/** As a person compares labels: case and surrounding spaces aside (the server matches look-alikes too). */
export const readsAs = (serial: string) => serial.trim().toUpperCase();

const LIST = 'mt-1 flex flex-wrap gap-x-3 gap-y-1 font-mono text-xs text-slate-600';

/**
 * A tracked item: the serial form, and what was expected but not scanned yet (`missingNote` says what becomes
 * of it).
 */
export function TrackedScan({
  line,
  value,
  expected,
  leftWord,
  missingNote,
  checkSerials,
  onChange,
}: {
  line: ScanLine;
  value: string[];
  expected: string[];
  leftWord: string;
  missingNote: string;
  checkSerials: CheckSerials;
  onChange: (serials: string[]) => void;
}) {
  const label = `${line.itemCode} · ${line.itemName}`;
  const seen = new Set(value.map(readsAs));
  const missing = expected.filter((s) => !seen.has(readsAs(s)));
  return (
    <section aria-label={`Arrived: ${label}`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-3 font-medium">
        {label}{' '}
        <span className="font-normal text-slate-600">
          ({line.left} {leftWord})
        </span>
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
            Not scanned yet ({missing.length.toLocaleString('en')}): {missingNote}
          </p>
          <ul aria-label={`Not scanned yet: ${line.itemCode}`} className={LIST}>
            {missing.slice(0, 200).map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

export function CountedScan({
  line,
  value,
  onChange,
}: {
  line: ScanLine;
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

/**
 * Scanned but not expected: each is accepted as an extra (received with the rest) or removed before posting,
 * never received unnoticed.
 */
export function UnexpectedScans({
  serials,
  accepted,
  onAccept,
  onRemove,
}: {
  serials: { itemId: string; serial: string }[];
  accepted: Set<string>;
  onAccept: (serial: string, yes: boolean) => void;
  onRemove: (itemId: string, serial: string) => void;
}) {
  if (serials.length === 0) return null;
  return (
    <section aria-label="Arrived but not expected" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 className="font-medium">Arrived but not expected ({serials.length.toLocaleString('en')})</h2>
      <p className="mb-2 text-sm text-slate-700">Accept each as an extra, or remove it, before saving.</p>
      <ul className="space-y-2">
        {serials.map(({ itemId, serial }) => (
          <li key={`${itemId}:${serial}`} className="flex flex-wrap items-center gap-3 text-sm">
            <span className="font-mono">{serial}</span>
            <label className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={accepted.has(readsAs(serial))}
                onChange={(e) => onAccept(serial, e.target.checked)}
              />
              Accept {serial} as extra
            </label>
            <Button
              variant="secondary"
              aria-label={`Remove unexpected ${serial}`}
              onClick={() => onRemove(itemId, serial)}
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Expected but not scanned: kept expected on the expected receipt (the remainder) or dropped from it. */
export function MissingChoice({
  count,
  value,
  onChange,
}: {
  count: number;
  value: MissingExpected | null;
  onChange: (choice: MissingExpected) => void;
}) {
  if (count === 0) return null;
  const options: [MissingExpected, string][] = [
    ['keep', 'Keep them expected (a later receipt confirms them)'],
    ['drop', 'Drop them from this expected receipt'],
  ];
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 font-medium">
        Expected but missing ({count.toLocaleString('en')}): what becomes of them?
      </legend>
      {options.map(([choice, text]) => (
        <label key={choice} className="mt-2 flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="missing-expected"
            value={choice}
            checked={value === choice}
            onChange={() => onChange(choice)}
          />
          {text}
        </label>
      ))}
    </fieldset>
  );
}
