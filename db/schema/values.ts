/*
 * The values of the schema's enums, free of drizzle: the browser's lists and forms import them (role and kind
 * choices) without pulling drizzle's column code (~9 KB gzip) into their first load. The tables' pgEnums are
 * declared from these same lists (auth.ts, catalog.ts, inventory.ts), which re-export them.
 */
export const ROLES = ['admin', 'accountant', 'warehouse'] as const;

export const PARTNER_TYPES = ['supplier', 'customer', 'both'] as const;

export const DOCUMENT_KINDS = [
  'goods_receipt',
  'goods_issue',
  'purchase_invoice',
  'sales_invoice',
  'transfer',
  'transfer_arrival',
  'customer_return',
  'supplier_return',
  'credit_note',
  'expected_receipt',
] as const;
