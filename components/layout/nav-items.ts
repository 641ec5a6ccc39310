import type { Permission } from '@/lib/auth/roles';

export type NavItem = { href: string; label: string; permission: Permission | null };

/** Every agenda of the app; each shows only to roles that hold its permission. */
export const NAV_ITEMS: NavItem[] = [
  { href: '/', label: 'Dashboard', permission: null },
  { href: '/items', label: 'Price list', permission: 'items.read' },
  { href: '/purchase-invoices', label: 'Purchase invoices', permission: 'invoices.read' },
  { href: '/sales-invoices', label: 'Sales invoices', permission: 'invoices.read' },
  { href: '/credit-notes', label: 'Credit notes', permission: 'invoices.read' },
  { href: '/goods-receipts', label: 'Goods receipts', permission: 'stockDocs.read' },
  { href: '/expected-receipts', label: 'Expected receipts', permission: 'stockDocs.read' },
  { href: '/goods-issues', label: 'Goods issues', permission: 'stockDocs.read' },
  { href: '/transfers', label: 'Transfers', permission: 'stockDocs.read' },
  { href: '/stocktakes', label: 'Stocktakes', permission: 'stockDocs.read' },
  { href: '/customer-returns', label: 'Customer returns', permission: 'stockDocs.read' },
  { href: '/supplier-returns', label: 'Returns to suppliers', permission: 'stockDocs.read' },
  { href: '/serial-numbers', label: 'Serial numbers', permission: 'serials.read' },
  { href: '/serial-numbers/lookup', label: 'Look up a serial', permission: 'serials.read' },
  { href: '/stock', label: 'Stock', permission: 'stock.read' },
  { href: '/partners', label: 'Partners', permission: 'partners.read' },
  { href: '/warehouses', label: 'Warehouses', permission: 'warehouses.read' },
  { href: '/import', label: 'Import', permission: 'import.run' },
  { href: '/admin/users', label: 'Users', permission: 'users.manage' },
  { href: '/admin/api-keys', label: 'API keys', permission: 'apiKeys.manage' },
  { href: '/admin/settings', label: 'Settings', permission: 'settings.manage' },
  { href: '/api-docs', label: 'API reference', permission: 'apiKeys.manage' },
];
