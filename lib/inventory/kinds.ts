import type { DOCUMENT_KINDS } from '@/db/schema/inventory';
import type { Permission } from '@/lib/auth/roles';

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type Direction = 'in' | 'out';

type KindInfo = {
  prefix: string;
  label: string;
  plural: string;
  path: string;
  direction: Direction;
  /** Receipts and issues move stock themselves; invoices only through the document they generate. */
  movesStock: boolean;
  partnerRole: 'supplier' | 'customer';
  partnerRequired: boolean;
  generates: DocumentKind | null;
  readPermission: Permission;
  writePermission: Permission;
};

export const KINDS: Record<DocumentKind, KindInfo> = {
  goods_receipt: {
    prefix: 'GR', label: 'Goods receipt', plural: 'Goods receipts', path: '/goods-receipts', direction: 'in', movesStock: true,
    partnerRole: 'supplier', partnerRequired: false, generates: null, readPermission: 'stockDocs.read', writePermission: 'stockDocs.write',
  },
  goods_issue: {
    prefix: 'GI', label: 'Goods issue', plural: 'Goods issues', path: '/goods-issues', direction: 'out', movesStock: true,
    partnerRole: 'customer', partnerRequired: false, generates: null, readPermission: 'stockDocs.read', writePermission: 'stockDocs.write',
  },
  purchase_invoice: {
    prefix: 'PI', label: 'Purchase invoice', plural: 'Purchase invoices', path: '/purchase-invoices', direction: 'in', movesStock: false,
    partnerRole: 'supplier', partnerRequired: true, generates: 'goods_receipt', readPermission: 'invoices.read', writePermission: 'invoices.write',
  },
  sales_invoice: {
    prefix: 'SI', label: 'Sales invoice', plural: 'Sales invoices', path: '/sales-invoices', direction: 'out', movesStock: false,
    partnerRole: 'customer', partnerRequired: true, generates: 'goods_issue', readPermission: 'invoices.read', writePermission: 'invoices.write',
  },
};

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
