import type { DOCUMENT_KINDS } from '@/db/schema/inventory';
import type { Permission } from '@/lib/auth/roles';

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** What a kind does to the stock of its warehouse: receives into it, issues from it, or moves to its destination. */
export type Direction = 'in' | 'out' | 'move';

type KindInfo = {
  prefix: string;
  label: string;
  plural: string;
  path: string;
  direction: Direction;
  /** Receipts and issues move stock themselves; invoices only through the document they generate. */
  movesStock: boolean;
  /** A transfer has no partner: its other side is the destination warehouse. */
  partnerRole: 'supplier' | 'customer' | null;
  partnerRequired: boolean;
  /** Whether lines carry a unit price and VAT (a transfer's lines are only goods and serials). */
  priced: boolean;
  generates: DocumentKind | null;
  /** Returns and credit notes: the kinds of document whose goods they send back (a required reference). */
  returnOf: DocumentKind[] | null;
  readPermission: Permission;
  writePermission: Permission;
};

export const KINDS: Record<DocumentKind, KindInfo> = {
  goods_receipt: {
    prefix: 'GR',
    label: 'Goods receipt',
    plural: 'Goods receipts',
    path: '/goods-receipts',
    direction: 'in',
    movesStock: true,
    partnerRole: 'supplier',
    partnerRequired: false,
    priced: true,
    generates: null,
    returnOf: null,
    readPermission: 'stockDocs.read',
    writePermission: 'stockDocs.write',
  },
  goods_issue: {
    prefix: 'GI',
    label: 'Goods issue',
    plural: 'Goods issues',
    path: '/goods-issues',
    direction: 'out',
    movesStock: true,
    partnerRole: 'customer',
    partnerRequired: false,
    priced: true,
    generates: null,
    returnOf: null,
    readPermission: 'stockDocs.read',
    writePermission: 'stockDocs.write',
  },
  purchase_invoice: {
    prefix: 'PI',
    label: 'Purchase invoice',
    plural: 'Purchase invoices',
    path: '/purchase-invoices',
    direction: 'in',
    movesStock: false,
    partnerRole: 'supplier',
    partnerRequired: true,
    priced: true,
    generates: 'goods_receipt',
    returnOf: null,
    readPermission: 'invoices.read',
    writePermission: 'invoices.write',
  },
  sales_invoice: {
    prefix: 'SI',
    label: 'Sales invoice',
    plural: 'Sales invoices',
    path: '/sales-invoices',
    direction: 'out',
    movesStock: false,
    partnerRole: 'customer',
    partnerRequired: true,
    priced: true,
    generates: 'goods_issue',
    returnOf: null,
    readPermission: 'invoices.read',
    writePermission: 'invoices.write',
  },
  transfer: {
    prefix: 'TR',
    label: 'Transfer',
    plural: 'Transfers',
    path: '/transfers',
    direction: 'move',
    movesStock: true,
    partnerRole: null,
    partnerRequired: false,
    priced: false,
    generates: null,
    returnOf: null,
    readPermission: 'stockDocs.read',
    writePermission: 'stockDocs.write',
  },
  // What arrived of an in-transit transfer, received at its destination; entered from the transfer's page.
  transfer_arrival: {
    prefix: 'TA',
    label: 'Transfer arrival',
    plural: 'Transfer arrivals',
    path: '/transfer-arrivals',
    direction: 'in',
    movesStock: true,
    partnerRole: null,
    partnerRequired: false,
    priced: false,
    generates: null,
    returnOf: null,
    readPermission: 'stockDocs.read',
    writePermission: 'stockDocs.write',
  },
  // Sold goods coming back: only what left with the sales invoice or goods issue it names, and is still out.
  customer_return: {
    prefix: 'CR',
    label: 'Customer return',
    plural: 'Customer returns',
    path: '/customer-returns',
    direction: 'in',
    movesStock: true,
    partnerRole: 'customer',
    partnerRequired: false,
    priced: true,
    generates: null,
    returnOf: ['sales_invoice', 'goods_issue'],
    readPermission: 'stockDocs.read',
    writePermission: 'stockDocs.write',
  },
  // Bought goods going back: only what came with the purchase invoice or goods receipt it names and is in stock.
  supplier_return: {
    prefix: 'SR',
    label: 'Return to supplier',
    plural: 'Returns to suppliers',
    path: '/supplier-returns',
    direction: 'out',
    movesStock: true,
    partnerRole: 'supplier',
    partnerRequired: false,
    priced: true,
    generates: null,
    returnOf: ['purchase_invoice', 'goods_receipt'],
    readPermission: 'stockDocs.read',
    writePermission: 'stockDocs.write',
  },
  // The money side of a customer return; with its switch on it creates the return, as a sales invoice its issue.
  credit_note: {
    prefix: 'CN',
    label: 'Credit note',
    plural: 'Credit notes',
    path: '/credit-notes',
    direction: 'in',
    movesStock: false,
    partnerRole: 'customer',
    partnerRequired: true,
    priced: true,
    generates: 'customer_return',
    returnOf: ['sales_invoice', 'goods_issue'],
    readPermission: 'invoices.read',
    writePermission: 'invoices.write',
  },
  // A goods receipt prepared from the supplier's list of serials before the goods came (expected.ts): it moves no
  // stock; goods receipts that name it confirm its serials by scanning.
  expected_receipt: {
    prefix: 'ER',
    label: 'Expected receipt',
    plural: 'Expected receipts',
    path: '/expected-receipts',
    direction: 'in',
    movesStock: false,
    partnerRole: 'supplier',
    partnerRequired: false,
    priced: true,
    generates: null,
    returnOf: null,
    readPermission: 'stockDocs.read',
    writePermission: 'stockDocs.write',
  },
};

/** A receipt prepared from a list of expected serials: it reserves them and moves no stock until confirmed. */
export function isExpectedReceipt(kind: DocumentKind): boolean {
  return kind === 'expected_receipt';
}

/** A customer return, a return to a supplier or a credit note: it names the document its goods go back on. */
export function isReturn(kind: DocumentKind): boolean {
  return KINDS[kind].returnOf !== null;
}

/** "a sales invoice or goods issue": what a return of this kind may name. */
export function returnOfLabels(kind: DocumentKind): string {
  const labels = (KINDS[kind].returnOf ?? []).map((k) => KINDS[k].label.toLowerCase());
  return `a ${labels.join(' or ')}`;
}

/** The returns a document of this kind can be the origin of (the "Return…" buttons on its page). */
export function returnKindsFor(kind: DocumentKind): DocumentKind[] {
  return (Object.keys(KINDS) as DocumentKind[]).filter((other) => KINDS[other].returnOf?.includes(kind));
}

/** The arrival at the destination of an in-transit transfer. */
export function isArrival(kind: DocumentKind): boolean {
  return kind === 'transfer_arrival';
}

/** A transfer: its lines leave its warehouse for its destination warehouse. */
export function isTransfer(kind: DocumentKind): boolean {
  return KINDS[kind].direction === 'move';
}

export function isInvoice(kind: DocumentKind): boolean {
  return KINDS[kind].generates !== null;
}

/**
 * An invoice saved without its goods document can get one later: an edit that turns its switch on creates
 * it in the same transaction (change.ts, syncLinkedDocument).
 */
export function canGetStockDocument(doc: { kind: DocumentKind; stockDocument: unknown }): boolean {
  return isInvoice(doc.kind) && doc.stockDocument === null;
}
