import { isExpectedReceipt, isReturn, isTransfer, KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import type { LineItemOption } from '@/lib/inventory/queries/form-lookups';
import type { DocumentInput } from '@/lib/validation/documents';

/** A line as the form holds it: the item's facts ride along so the row can label itself. */
export type FormLine = {
  itemId: string;
  itemCode: string;
  itemName: string;
  unit: string;
  trackSerials: boolean;
  quantity: string;
  unitPrice: string;
  vatRate: string;
  serials: string[];
};

export type DocumentFormValues = {
  kind: DocumentKind;
  date: string;
  partnerId: string;
  warehouseId: string;
  /** A transfer's destination warehouse; blank on other kinds. */
  destinationWarehouseId: string;
  /** A transfer sent in transit (received at the destination later). */
  inTransit: boolean;
  /** A return's or credit note's document the goods go back on (set by the page, not edited in the form). */
  returnOfId?: string;
  note: string;
  /** The partner's own number of the document (their delivery note or invoice number); blank for none. */
  externalNumber: string;
  createStockDocument: boolean;
  lines: FormLine[];
};

export type Option = { id: string; code: string; name: string };

/**
 * A new line for an item: quantity 1 and the item's price for the direction (purchase in, sale out) and VAT rate;
 * no price on a kind without prices (a transfer).
 */
export function lineFor(kind: DocumentKind, item: LineItemOption): FormLine {
  const info = KINDS[kind];
  const [unitPrice, vatRate] = !info.priced
    ? ['0', '0']
    : [info.direction === 'in' ? item.purchasePrice : item.salePrice, item.vatRate];
  return {
    itemId: item.id,
    itemCode: item.code,
    itemName: item.name,
    unit: item.unit,
    trackSerials: item.trackSerials,
    quantity: '1',
    unitPrice,
    vatRate,
    serials: [],
  };
}

/**
 * Serials travel only where stock moves: on goods documents, and on invoices that create one; and on an expected
 * receipt, whose serials are the list it waits for.
 */
export function carriesSerials(kind: DocumentKind, createStockDocument: boolean): boolean {
  return KINDS[kind].movesStock || createStockDocument || isExpectedReceipt(kind);
}

/** The form's values as the shared document schema takes them (the server parses them again). */
export function toDocumentInput(values: DocumentFormValues): DocumentInput {
  const withSerials = carriesSerials(values.kind, values.createStockDocument);
  return {
    kind: values.kind,
    date: values.date,
    partnerId: values.partnerId || null,
    warehouseId: values.warehouseId,
    destinationWarehouseId: isTransfer(values.kind) ? values.destinationWarehouseId || null : null,
    inTransit: isTransfer(values.kind) && values.inTransit === true,
    returnOfId: isReturn(values.kind) ? values.returnOfId || null : null,
    note: values.note,
    // A draft kept before the field existed has none.
    externalNumber: values.externalNumber ?? '',
    createStockDocument: KINDS[values.kind].generates ? values.createStockDocument : undefined,
    lines: values.lines.map((l) => ({
      itemId: l.itemId,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      vatRate: l.vatRate,
      serials: withSerials && l.trackSerials ? l.serials : [],
    })),
  };
}

/** A whole quantity as the count the serial form expects, or null while the quantity is not a whole number. */
export function expectedSerialCount(quantity: string): number | null {
  const text = quantity.trim();
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}
