'use client';
import { useRouter } from 'next/navigation';
import { useMemo, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { Input, Textarea } from '@/components/ui/input';
import { reach } from '@/lib/actions/reach';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import type { DocumentInput, MissingExpected } from '@/lib/validation/documents';
import { checkSerialsAction, saveDocumentAction } from '@/app/(app)/_documents/actions';
import { checkArrivalSerialsAction } from '@/app/(app)/transfers/actions';
import { refusalHeadline, RefusalProblems } from './refusal-problems';
import { CountedScan, MissingChoice, readsAs, TrackedScan, UnexpectedScans, type ScanLine } from './scan-sections';
import { toWire } from './serials-wire';
import type { SaveProblem } from './use-save-document';

export type ArrivalLine = ScanLine;

/** An arrival being edited: its id and version (a save over a newer one is refused) and what it received. */
export type ArrivalEdit = {
  id: string;
  version: number;
  date: string;
  note: string;
  scanned: Record<string, string[]>;
  counted: Record<string, string>;
};

/**
 * What goods are received against: an in-transit transfer (at its destination) or an expected receipt (in its
 * warehouse, from its supplier). `date` is the transfer's date, before which nothing can arrive.
 */
export type ScanTarget = {
  kind: 'transfer' | 'expected_receipt';
  id: string;
  number: string;
  date: string;
  warehouseId: string;
  warehouseCode: string;
  partnerId: string | null;
};

/**
 * Receiving by scanning what came, item by item, with the serial form of every document line: an in-transit
 * transfer (saving posts a transfer arrival; what was not scanned stays in transit) or an expected receipt
 * (saving posts a goods receipt that confirms it). Against an expected receipt the form shows what arrived but
 * was not expected, to accept as an extra or remove, and what was expected but is missing, to keep expected or
 * drop; nothing is saved until each is resolved.
 */
export function ArrivalForm({
  target,
  lines,
  expected,
  today,
  readable,
  editing,
}: {
  target: ScanTarget;
  lines: ScanLine[];
  /** The serials that may come: in transit on the transfer, or still expected. */
  expected: { itemId: string; serial: string }[];
  today: string;
  readable: DocumentKind[];
  /** Editing a transfer arrival: the form starts from what it received and saves over it. */
  editing?: ArrivalEdit;
}) {
  const router = useRouter();
  const confirming = target.kind === 'expected_receipt';
  const editedId = editing?.id;
  const [date, setDate] = useState(editing?.date ?? (!confirming && today < target.date ? target.date : today));
  const [note, setNote] = useState(editing?.note ?? '');
  const [scanned, setScanned] = useState<Record<string, string[]>>(editing?.scanned ?? {});
  const [counted, setCounted] = useState<Record<string, string>>(
    () => editing?.counted ?? Object.fromEntries(lines.filter((l) => !l.trackSerials).map((l) => [l.itemId, l.left])),
  );
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [missingChoice, setMissingChoice] = useState<MissingExpected | null>(null);
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [saving, setSaving] = useState(false);

  const expectedOf = useMemo(() => {
    const byItem = new Map<string, string[]>();
    for (const s of expected) {
      const list = byItem.get(s.itemId);
      if (list) list.push(s.serial);
      else byItem.set(s.itemId, [s.serial]);
    }
    return byItem;
  }, [expected]);
  const expectedKeys = useMemo(() => new Set(expected.map((s) => `${s.itemId}:${readsAs(s.serial)}`)), [expected]);
  const unexpected = confirming
    ? lines.flatMap((l) =>
        (scanned[l.itemId] ?? [])
          .filter((s) => !expectedKeys.has(`${l.itemId}:${readsAs(s)}`))
          .map((serial) => ({ itemId: l.itemId, serial })),
      )
    : [];
  const scannedExpected = lines.reduce(
    (n, l) => n + (scanned[l.itemId] ?? []).filter((s) => expectedKeys.has(`${l.itemId}:${readsAs(s)}`)).length,
    0,
  );
  const missingCount = confirming ? expected.length - scannedExpected : 0;

  const unresolved = (): string | null => {
    const open = unexpected.filter((u) => !accepted.has(readsAs(u.serial)));
    if (open.length > 0)
      return `Accept or remove the serials that arrived but were not expected: ${open.map((u) => u.serial).join(', ')}.`;
    if (missingCount > 0 && missingChoice === null)
      return 'Choose what becomes of the expected serials that are missing: keep them expected or drop them.';
    return null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const arrived = lines.flatMap((l) => {
      const serials = scanned[l.itemId] ?? [];
      const quantity = l.trackSerials ? String(serials.length) : (counted[l.itemId] ?? '').trim();
      const priced = confirming ? { unitPrice: l.unitPrice, vatRate: l.vatRate } : {};
      return quantity === '' || quantity === '0' ? [] : [{ itemId: l.itemId, quantity, serials, ...priced }];
    });
    if (arrived.length === 0)
      return setProblem({ message: 'Scan the serial numbers that arrived, or enter the counted goods that did.' });
    const open = unresolved();
    if (open) return setProblem({ message: open });
    const values: DocumentInput = confirming
      ? {
          kind: 'goods_receipt',
          date,
          note,
          partnerId: target.partnerId,
          warehouseId: target.warehouseId,
          expectedReceiptId: target.id,
          missingExpected: missingChoice ?? 'keep',
          lines: arrived,
        }
      : {
          kind: 'transfer_arrival',
          date,
          note,
          warehouseId: target.warehouseId,
          transferId: target.id,
          lines: arrived,
        };
    setSaving(true);
    const result = await reach(
      () =>
        saveDocumentAction(values.kind, {
          ...(editing ? { id: editing.id, version: editing.version } : {}),
          values: toWire(values),
        }),
      `The server did not answer, so it is not known whether it was saved. Check ${target.number} before saving again.`,
    );
    setSaving(false);
    if (!result.ok)
      return setProblem({
        message: refusalHeadline(result.error, result.problems, confirming ? 'Receipt not saved' : 'Arrival not saved'),
        problems: result.problems,
      });
    router.push(
      confirming
        ? `${KINDS.goods_receipt.path}/${result.data.id}`
        : editing
          ? `${KINDS.transfer_arrival.path}/${editing.id}`
          : `/transfers/${target.id}`,
    );
    router.refresh();
  };

  // One checker per item, kept across renders: the serial form re-checks when its checker changes.
  const checkers = useMemo(
    () =>
      new Map(
        lines.map((l) => [
          l.itemId,
          async (serials: string[]) => {
            const result = confirming
              ? await checkSerialsAction({
                  itemId: l.itemId,
                  warehouseId: target.warehouseId,
                  direction: 'receive',
                  serials,
                })
              : await checkArrivalSerialsAction({
                  transferId: target.id,
                  itemId: l.itemId,
                  serials,
                  ...(editedId ? { arrivalId: editedId } : {}),
                });
            if (!result.ok) throw new Error(result.error);
            return result.data;
          },
        ]),
      ),
    [lines, confirming, target.id, target.warehouseId, editedId],
  );
  const setSerials = (itemId: string, serials: string[]) => setScanned((all) => ({ ...all, [itemId]: serials }));

  return (
    <form onSubmit={submit} noValidate className="space-y-6" aria-label={`Receive ${target.number}`}>
      <FormAlert problem={problem}>
        <RefusalProblems problems={problem?.problems} readable={readable} />
      </FormAlert>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="date"
          label={confirming ? 'Received on' : 'Arrived on'}
          hint={
            confirming
              ? `Expected in warehouse ${target.warehouseCode}.`
              : `Sent on ${target.date}; received in warehouse ${target.warehouseCode}.`
          }
        >
          <Input
            type="date"
            value={date}
            min={confirming ? undefined : target.date}
            onChange={(e) => setDate(e.target.value)}
          />
        </Field>
        <Field id="note" label="Note">
          <Textarea rows={1} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
      </div>
      {lines.map((line) =>
        line.trackSerials ? (
          <TrackedScan
            key={line.itemId}
            line={line}
            value={scanned[line.itemId] ?? []}
            expected={expectedOf.get(line.itemId) ?? []}
            leftWord={confirming ? 'expected' : 'in transit'}
            missingNote={confirming ? 'expected but not arrived' : 'these stay in transit'}
            checkSerials={checkers.get(line.itemId)!}
            onChange={(serials) => setSerials(line.itemId, serials)}
          />
        ) : (
          <CountedScan
            key={line.itemId}
            line={line}
            value={counted[line.itemId] ?? ''}
            onChange={(q) => setCounted((all) => ({ ...all, [line.itemId]: q }))}
          />
        ),
      )}
      <UnexpectedScans
        serials={unexpected}
        accepted={accepted}
        onAccept={(serial, yes) =>
          setAccepted((all) => {
            const next = new Set(all);
            if (yes) next.add(readsAs(serial));
            else next.delete(readsAs(serial));
            return next;
          })
        }
        onRemove={(itemId, serial) =>
          setSerials(
            itemId,
            (scanned[itemId] ?? []).filter((s) => s !== serial),
          )
        }
      />
      <MissingChoice count={missingCount} value={missingChoice} onChange={setMissingChoice} />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={saving}>
          {saving ? 'Saving…' : confirming ? 'Save receipt' : 'Save arrival'}
        </Button>
        <Button variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
