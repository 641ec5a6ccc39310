import { ROLES } from '@/db/schema/values';

export { ROLES };
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'items.read',
  'items.write',
  'warehouses.read',
  'warehouses.write',
  'partners.read',
  'partners.write',
  'stock.read',
  'stockDocs.read',
  'stockDocs.write',
  'serials.read',
  'serials.write',
  'invoices.read',
  'invoices.write',
  'import.run',
  'users.manage',
  'apiKeys.manage',
  'settings.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The permission table: the single source every page, action and route handler asks. */
const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  warehouse: [
    'items.read',
    'warehouses.read',
    'partners.read',
    'stock.read',
    'stockDocs.read',
    'stockDocs.write',
    'serials.read',
    'serials.write',
  ],
  accountant: [
    'items.read',
    'warehouses.read',
    'partners.read',
    'partners.write',
    'stock.read',
    'stockDocs.read',
    'serials.read',
    'invoices.read',
    'invoices.write',
  ],
};

// Sets, built once: every page, action and route handler asks, and the layout asks once per menu entry.
const GRANTED: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(GRANTS.admin),
  warehouse: new Set(GRANTS.warehouse),
  accountant: new Set(GRANTS.accountant),
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTED[role].has(permission);
}

export const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', accountant: 'Accountant', warehouse: 'Warehouse' };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
