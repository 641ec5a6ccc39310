import { z } from 'zod';
import { DOCUMENT_KINDS } from '@/db/schema/inventory';
import { parseId } from '@/lib/ids';
import { isArrival, isReturn, isTransfer, returnOfLabels, type DocumentKind } from '@/lib/inventory/kinds';
import { MAX_SERIAL_LENGTH, normaliseSerial, serialTextProblem } from '@/lib/serials/parse';
import { identifierTextProblem, trimIdentifier } from '@/lib/text/identifier-text';
import { toScaled } from '@/lib/decimal';
import { dateSchema } from './date';
import { moneySchema, quantitySchema, vatRateSchema } from './decimal';
import { cleanText } from './text';
import { MAX_LINES, MAX_SERIALS_PER_LINE, NO_LINES_MESSAGE, TOO_MANY_LINES_MESSAGE } from './document-limits';

export { MAX_LINES, MAX_SERIALS_PER_LINE, MAX_SERIAL_LENGTH };
/** What a receipt confirming an expected receipt does with the expected serials that did not arrive. */
export const MISSING_EXPECTED = ['keep', 'drop'] as const;
export type MissingExpected = (typeof MISSING_EXPECTED)[number];
const MISSING_EXPECTED_MESSAGE =
  'Say what becomes of the expected serials that did not arrive: drop them (true) or keep them expected (false).';

const idSchema = (what: string) =>
  z.union([z.string(), z.number(), z.bigint()]).transform((v, ctx) => {
    // parseId also refuses 19-digit numbers beyond bigint, which the database would answer with an error.
    const id = parseId(String(v).trim());
    if (id === null) {
      ctx.addIssue({ code: 'custom', message: `Choose the ${what}.` });
      return z.NEVER;
    }
    return id;
  });

/** Blank means none; anything else must be an id (a union would answer zod's bare "Invalid input"). */
const optionalIdSchema = (what: string) =>
  z
    .union([z.string(), z.number(), z.bigint(), z.null()])
    .optional()
    .transform((v, ctx) => {
      if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return null;
      const id = parseId(String(v).trim());
      if (id === null) ctx.addIssue({ code: 'custom', message: `Choose the ${what}.` });
      return id ?? z.NEVER;
    });

/**
 * A line's serials as every door takes them: trimmed (whitespace and invisible marks at the ends), blanks
 * dropped, and each one refused with its position named when it holds a line break, a control character,
 * NUL or a text-direction control (issues keep the index of the serial as sent, for the importer's rows).
 */
export const serialListSchema = z
  .array(z.string())
  .max(MAX_SERIALS_PER_LINE, `A line can have at most ${MAX_SERIALS_PER_LINE.toLocaleString('en')} serial numbers.`)
  .superRefine((list, ctx) => {
    list.forEach((raw, index) => {
      const serial = normaliseSerial(raw);
      const problem = serial === '' ? null : serialTextProblem(serial);
      if (problem) ctx.addIssue({ code: 'custom', path: [index], message: problem });
    });
  })
  .transform((list) => list.map(normaliseSerial).filter((s) => s.length > 0));

export const documentLineSchema = z.object({
  itemId: idSchema('item'),
  quantity: quantitySchema('Quantity'),
  unitPrice: moneySchema('Unit price')
    .optional()
    .transform((v) => v ?? '0'),
  vatRate: vatRateSchema.optional(),
  serials: serialListSchema.optional().transform((v) => v ?? []),
});

/** One schema for a stock document or invoice: the form, the API and the importer all parse with it. */
export const documentSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    date: dateSchema('Date'),
    partnerId: optionalIdSchema('partner'),
    warehouseId: idSchema('warehouse'),
    // Transfers only: where the goods go (warehouseId is where they leave from).
    destinationWarehouseId: optionalIdSchema('destination warehouse'),
    // Transfers only: dispatched now, received at the destination later by transfer arrivals.
    inTransit: z
      .boolean()
      .optional()
      .transform((v) => v ?? false),
    // Transfer arrivals only: the in-transit transfer whose goods arrived.
    transferId: optionalIdSchema('transfer'),
    // Goods receipts only: the expected receipt whose serials this receipt confirms, and what becomes of its
    // expected serials that did not arrive: kept expected on it (the remainder) or dropped from it.
    expectedReceiptId: optionalIdSchema('expected receipt'),
    // The web's confirm screen says keep or drop; the records API and the importer say it as the switch
    // Drop_Missing_Expected (true = drop), the same key of this one schema.
    missingExpected: z
      .union([z.enum(MISSING_EXPECTED), z.boolean()], { message: MISSING_EXPECTED_MESSAGE })
      .optional()
      .transform((v): MissingExpected => (v === true || v === 'drop' ? 'drop' : 'keep')),
    // Returns and credit notes only: the document whose goods go back (see KINDS[kind].returnOf).
    returnOfId: optionalIdSchema('document the goods are returned on'),
    externalNumber: z
      .string()
      .optional()
      .nullable()
      .transform((v, ctx) => {
        const text = v ? trimIdentifier(v) : '';
        if (text === '') return null;
        const problem =
          text.length > 64
            ? 'The external number can have at most 64 characters.'
            : identifierTextProblem('The external number', text);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
        return text;
      }),
    note: z
      .string()
      .max(2000, 'The note can have at most 2,000 characters.')
      .check(cleanText('The note'))
      .optional()
      .transform((v) => v ?? ''),
    createStockDocument: z.boolean().optional(),
    lines: z.array(documentLineSchema).min(1, NO_LINES_MESSAGE).max(MAX_LINES, TOO_MANY_LINES_MESSAGE),
  })
  .superRefine((data, ctx) => {
    checkTransferFields(data, ctx);
    checkReturnOf(data, ctx);
    checkTotals(data.lines, ctx);
  });
export type DocumentInput = z.input<typeof documentSchema>;

type TransferFields = {
  kind: DocumentKind;
  warehouseId: bigint;
  destinationWarehouseId: bigint | null;
  inTransit: boolean;
  transferId: bigint | null;
  expectedReceiptId: bigint | null;
  missingExpected: MissingExpected;
};

/**
 * A transfer goes from one warehouse to another, directly or in transit; an arrival names its transfer. No other
 * kind names a destination, goes in transit or names a transfer.
 */
function checkTransferFields(data: TransferFields, ctx: z.RefinementCtx): void {
  const path = ['destinationWarehouseId'];
  if (data.inTransit && !isTransfer(data.kind))
    ctx.addIssue({ code: 'custom', path: ['inTransit'], message: 'Only a transfer goes in transit.' });
  if (isArrival(data.kind) !== (data.transferId !== null)) {
    const message = isArrival(data.kind)
      ? 'Choose the transfer that arrived.'
      : 'Only a transfer arrival names a transfer.';
    ctx.addIssue({ code: 'custom', path: ['transferId'], message });
  }
  if (data.expectedReceiptId !== null && data.kind !== 'goods_receipt') {
    const message = 'Only a goods receipt confirms an expected receipt.';
    ctx.addIssue({ code: 'custom', path: ['expectedReceiptId'], message });
  }
  if (data.missingExpected === 'drop' && data.expectedReceiptId === null) {
    const message =
      'Only a receipt that confirms an expected receipt drops its missing serials: name the expected receipt.';
    ctx.addIssue({ code: 'custom', path: ['missingExpected'], message });
  }
  if (!isTransfer(data.kind)) {
    if (data.destinationWarehouseId !== null)
      ctx.addIssue({ code: 'custom', path, message: 'Only a transfer has a destination warehouse.' });
  } else if (data.destinationWarehouseId === null) {
    ctx.addIssue({ code: 'custom', path, message: 'Choose the destination warehouse.' });
  } else if (data.destinationWarehouseId === data.warehouseId) {
    ctx.addIssue({ code: 'custom', path, message: 'The destination must be another warehouse than the source.' });
  }
}

/** A return or credit note names the document its goods go back on; no other kind does. */
function checkReturnOf(data: { kind: DocumentKind; returnOfId: bigint | null }, ctx: z.RefinementCtx): void {
  if (isReturn(data.kind) === (data.returnOfId !== null)) return;
  const message = isReturn(data.kind)
    ? `Choose the document the goods are returned on (${returnOfLabels(data.kind)}).`
    : 'Only a return or a credit note names a document the goods are returned on.';
  ctx.addIssue({ code: 'custom', path: ['returnOfId'], message });
}

// Totals are shown, exported and summed as money (numeric(19,4)): each line's and the document's must stay below this.
const MAX_TOTAL = 10n ** 15n;
const MONEY_LIMIT = '999,999,999,999,999';

/**
 * Quantity × unit price × (1 + VAT/100) of a line, exact, in units of 10^-11 (3 + 4 decimals, and 10,000 for 1 +
 * VAT/100).
 */
function grossOf(line: { quantity: string; unitPrice: string; vatRate?: string }): bigint {
  return toScaled(line.quantity, 3) * toScaled(line.unitPrice, 4) * (10_000n + toScaled(line.vatRate ?? '0', 2));
}

/** Refuses lines and documents whose totals money cannot hold, naming the line, before anything is written. */
export function checkTotals(
  lines: { quantity: string; unitPrice: string; vatRate?: string }[],
  ctx: z.RefinementCtx,
): void {
  const limit = MAX_TOTAL * 10n ** 11n;
  let total = 0n;
  lines.forEach((line, index) => {
    const gross = grossOf(line);
    total += gross;
    if (gross >= limit) {
      ctx.addIssue({
        code: 'custom',
        path: ['lines', index, 'unitPrice'],
        message: `Line ${index + 1}: quantity × unit price with VAT comes to more than ${MONEY_LIMIT}, the most a total can be.`,
      });
    }
  });
  if (total >= limit && !lines.some((line) => grossOf(line) >= limit)) {
    ctx.addIssue({
      code: 'custom',
      path: ['lines'],
      message: `The document's total with VAT comes to more than ${MONEY_LIMIT}, the most a total can be.`,
    });
  }
}
export type DocumentData = z.output<typeof documentSchema>;
export type DocumentLineData = DocumentData['lines'][number];
