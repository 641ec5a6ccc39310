import type { Permission } from '@/lib/auth/roles';

/**
 * The authorization matrix: what every page, route handler (per method) and server action requires.
 * `public` = no sign-in at all; `null` = any signed-in user; otherwise the Permission of lib/auth/roles.ts.
 * Which roles hold a permission is decided by that table alone (can()); this file only says which
 * permission each door asks for.
 *
 * test/authz/coverage.int.test.ts fails when a page, route method or action exists without an entry here
 * (or an entry names something that is gone); test/authz/actions.int.test.ts and e2e/authz.spec.ts call
 * every entry as every principal and compare the answer with the table.
 */
export type Requirement = Permission | null | 'public';

/** Pages by URL pattern (route groups dropped). Dynamic segments are tried with a real and a missing id. */
export const PAGES: Record<string, Requirement> = {
  '/': null,
  '/sign-in': 'public',
  '/admin/api-keys': 'apiKeys.manage',
  '/admin/users': 'users.manage',
  '/admin/settings': 'settings.manage',
  '/api-docs': 'apiKeys.manage',
  '/import': 'import.run',
  '/labels': 'serials.read',
  '/stock': 'stock.read',
  '/warehouses': 'warehouses.read',
  '/items': 'items.read',
  '/items/new': 'items.write',
  '/items/[id]': 'items.read',
  '/items/[id]/edit': 'items.write',
  '/partners': 'partners.read',
  '/partners/new': 'partners.write',
  '/partners/[id]': 'partners.write',
  '/serial-numbers': 'serials.read',
  '/serial-numbers/[id]': 'serials.read',
  '/serial-numbers/lookup': 'serials.read',
  '/goods-receipts': 'stockDocs.read',
  '/goods-receipts/new': 'stockDocs.write',
  '/goods-receipts/[id]': 'stockDocs.read',
  '/goods-receipts/[id]/edit': 'stockDocs.write',
  '/goods-issues': 'stockDocs.read',
  '/goods-issues/new': 'stockDocs.write',
  '/goods-issues/[id]': 'stockDocs.read',
  '/goods-issues/[id]/edit': 'stockDocs.write',
  '/transfers': 'stockDocs.read',
  '/transfers/new': 'stockDocs.write',
  '/transfers/[id]': 'stockDocs.read',
  '/transfers/[id]/edit': 'stockDocs.write',
  '/transfers/[id]/receive': 'stockDocs.write',
  '/transfer-arrivals': 'stockDocs.read',
  '/transfer-arrivals/[id]': 'stockDocs.read',
  '/transfer-arrivals/[id]/edit': 'stockDocs.write',
  '/expected-receipts': 'stockDocs.read',
  '/expected-receipts/new': 'stockDocs.write',
  '/expected-receipts/[id]': 'stockDocs.read',
  '/expected-receipts/[id]/edit': 'stockDocs.write',
  '/expected-receipts/[id]/receive': 'stockDocs.write',
  '/stocktakes': 'stockDocs.read',
  '/stocktakes/new': 'stockDocs.write',
  '/stocktakes/[id]': 'stockDocs.read',
  '/stocktakes/[id]/close': 'stockDocs.write',
  '/customer-returns': 'stockDocs.read',
  '/customer-returns/new': 'stockDocs.write',
  '/customer-returns/[id]': 'stockDocs.read',
  '/customer-returns/[id]/edit': 'stockDocs.write',
  '/supplier-returns': 'stockDocs.read',
  '/supplier-returns/new': 'stockDocs.write',
  '/supplier-returns/[id]': 'stockDocs.read',
  '/supplier-returns/[id]/edit': 'stockDocs.write',
  '/credit-notes': 'invoices.read',
  '/credit-notes/new': 'invoices.write',
  '/credit-notes/[id]': 'invoices.read',
  '/credit-notes/[id]/edit': 'invoices.write',
  '/purchase-invoices': 'invoices.read',
  '/purchase-invoices/new': 'invoices.write',
  '/purchase-invoices/[id]': 'invoices.read',
  '/purchase-invoices/[id]/edit': 'invoices.write',
  '/sales-invoices': 'invoices.read',
  '/sales-invoices/new': 'invoices.write',
  '/sales-invoices/[id]': 'invoices.read',
  '/sales-invoices/[id]/edit': 'invoices.write',
};

/** The records API decides per module: `read` or the module's write permission for a write operation. */
export type RecordsOperation = 'read' | 'get' | 'insert' | 'update' | 'upsert' | 'delete';

export type RouteEntry = {
  /** A fixed requirement, or the records API's per-module one. */
  needs: Requirement | { records: RecordsOperation };
  /** `session`: browser routes read the session cookie only; an API key counts as signed out there. */
  auth: 'session' | 'session-or-key' | 'none';
};

/** Route handlers by `METHOD /pattern`. */
export const ROUTES: Record<string, RouteEntry> = {
  'GET /api/openapi.json': { needs: 'public', auth: 'none' },
  'GET /serial-numbers/find': { needs: 'serials.read', auth: 'session' },
  'GET /stock/export': { needs: 'stock.read', auth: 'session' },
  'GET /import/templates/[file]': { needs: 'import.run', auth: 'session-or-key' },
  'GET /import/api/files/[id]': { needs: 'import.run', auth: 'session-or-key' },
  'POST /import/api/jobs': { needs: 'import.run', auth: 'session-or-key' },
  'GET /import/api/jobs/[id]': { needs: 'import.run', auth: 'session-or-key' },
  'GET /import/api/jobs/[id]/errors': { needs: 'import.run', auth: 'session-or-key' },
  'GET /crm/[version]/org': { needs: null, auth: 'session-or-key' },
  'GET /crm/[version]/users': { needs: null, auth: 'session-or-key' },
  'POST /crm/[version]/upload': { needs: 'import.run', auth: 'session-or-key' },
  'POST /crm/bulk/[version]/write': { needs: 'import.run', auth: 'session-or-key' },
  'GET /crm/bulk/[version]/write/[id]': { needs: 'import.run', auth: 'session-or-key' },
  'GET /crm/bulk/[version]/write/[id]/result': { needs: 'import.run', auth: 'session-or-key' },
  'GET /crm/[version]/[module]': { needs: { records: 'read' }, auth: 'session-or-key' },
  'POST /crm/[version]/[module]': { needs: { records: 'insert' }, auth: 'session-or-key' },
  'PUT /crm/[version]/[module]': { needs: { records: 'update' }, auth: 'session-or-key' },
  'DELETE /crm/[version]/[module]': { needs: { records: 'delete' }, auth: 'session-or-key' },
  'GET /crm/[version]/[module]/search': { needs: { records: 'read' }, auth: 'session-or-key' },
  'POST /crm/[version]/[module]/upsert': { needs: { records: 'upsert' }, auth: 'session-or-key' },
  'GET /crm/[version]/[module]/[id]': { needs: { records: 'get' }, auth: 'session-or-key' },
  'PUT /crm/[version]/[module]/[id]': { needs: { records: 'update' }, auth: 'session-or-key' },
  'DELETE /crm/[version]/[module]/[id]': { needs: { records: 'delete' }, auth: 'session-or-key' },
};

export type RecordsModuleEntry = {
  read: Permission;
  write: Permission | null;
  /** Write operations the module offers; the others answer 405 to every signed-in caller, before permissions. */
  writes: readonly Exclude<RecordsOperation, 'read' | 'get'>[];
  /** Whether rows have an id (GET /{module}/{id}); Stock rows do not: 405 once the read permission is checked. */
  byId: boolean;
};

/** Modules of the records API (/crm/{version}/{module}). */
export const RECORDS_MODULES: Record<string, RecordsModuleEntry> = {
  Items: { read: 'items.read', write: 'items.write', writes: ['insert', 'update', 'upsert', 'delete'], byId: true },
  Partners: {
    read: 'partners.read',
    write: 'partners.write',
    writes: ['insert', 'update', 'upsert', 'delete'],
    byId: true,
  },
  Warehouses: {
    read: 'warehouses.read',
    write: 'warehouses.write',
    writes: ['insert', 'update', 'upsert', 'delete'],
    byId: true,
  },
  Goods_Receipts: {
    read: 'stockDocs.read',
    write: 'stockDocs.write',
    writes: ['insert', 'update', 'delete'],
    byId: true,
  },
  Goods_Issues: {
    read: 'stockDocs.read',
    write: 'stockDocs.write',
    writes: ['insert', 'update', 'delete'],
    byId: true,
  },
  Purchase_Invoices: {
    read: 'invoices.read',
    write: 'invoices.write',
    writes: ['insert', 'update', 'delete'],
    byId: true,
  },
  Sales_Invoices: {
    read: 'invoices.read',
    write: 'invoices.write',
    writes: ['insert', 'update', 'delete'],
    byId: true,
  },
  Transfers: { read: 'stockDocs.read', write: 'stockDocs.write', writes: ['insert', 'update', 'delete'], byId: true },
  Transfer_Arrivals: {
    read: 'stockDocs.read',
    write: 'stockDocs.write',
    writes: ['insert', 'update', 'delete'],
    byId: true,
  },
  Expected_Receipts: {
    read: 'stockDocs.read',
    write: 'stockDocs.write',
    writes: ['insert', 'update', 'delete'],
    byId: true,
  },
  Customer_Returns: {
    read: 'stockDocs.read',
    write: 'stockDocs.write',
    writes: ['insert', 'update', 'delete'],
    byId: true,
  },
  Supplier_Returns: {
    read: 'stockDocs.read',
    write: 'stockDocs.write',
    writes: ['insert', 'update', 'delete'],
    byId: true,
  },
  Credit_Notes: { read: 'invoices.read', write: 'invoices.write', writes: ['insert', 'update', 'delete'], byId: true },
  Serial_Numbers: { read: 'serials.read', write: null, writes: [], byId: true },
  Stock: { read: 'stock.read', write: null, writes: [], byId: false },
  Stocktakes: { read: 'stockDocs.read', write: null, writes: [], byId: true },
  // Scans and counts into an open count, as the count page's scan form (stockDocs.write); reads list the counts.
  Stocktake_Entries: { read: 'stockDocs.read', write: 'stockDocs.write', writes: ['insert'], byId: true },
};

/**
 * Server actions (every export of a 'use server' file) by `file#export`, with harmless arguments: an
 * allowed caller gets a validation or not-found answer, never a change. Actions that take the document
 * kind are listed once per kind, since the permission follows the kind.
 */
export type ActionEntry = { action: string; needs: Requirement; args: unknown[] };

const MISSING = '999999999';
const DOCUMENT_WRITE = {
  goods_receipt: 'stockDocs.write',
  goods_issue: 'stockDocs.write',
  purchase_invoice: 'invoices.write',
  sales_invoice: 'invoices.write',
  transfer: 'stockDocs.write',
  transfer_arrival: 'stockDocs.write',
  expected_receipt: 'stockDocs.write',
  customer_return: 'stockDocs.write',
  supplier_return: 'stockDocs.write',
  credit_note: 'invoices.write',
} as const satisfies Record<string, Permission>;
const DOCUMENT_READ = {
  goods_receipt: 'stockDocs.read',
  goods_issue: 'stockDocs.read',
  purchase_invoice: 'invoices.read',
  sales_invoice: 'invoices.read',
  transfer: 'stockDocs.read',
  transfer_arrival: 'stockDocs.read',
  expected_receipt: 'stockDocs.read',
  customer_return: 'stockDocs.read',
  supplier_return: 'stockDocs.read',
  credit_note: 'invoices.read',
} as const satisfies Record<string, Permission>;
const DOCS = 'app/(app)/_documents/actions.ts';
const STOCKTAKES = 'app/(app)/stocktakes/actions.ts';

export const ACTIONS: ActionEntry[] = [
  { action: 'app/sign-in/actions.ts#signInAction', needs: 'public', args: [{ email: '', password: '' }] },
  { action: 'app/sign-in/actions.ts#signOutAction', needs: 'public', args: [] },
  {
    action: 'app/(app)/admin/api-keys/actions.ts#createApiKeyAction',
    needs: 'apiKeys.manage',
    args: [{ name: '', role: 'nobody' }],
  },
  {
    action: 'app/(app)/admin/api-keys/actions.ts#revokeApiKeyAction',
    needs: 'apiKeys.manage',
    args: [{ id: MISSING }],
  },
  { action: 'app/(app)/admin/users/actions.ts#createUserAction', needs: 'users.manage', args: [{}] },
  { action: 'app/(app)/admin/settings/actions.ts#saveSettingsAction', needs: 'settings.manage', args: [{}] },
  {
    action: 'app/(app)/admin/users/actions.ts#changeRoleAction',
    needs: 'users.manage',
    args: [{ id: Number(MISSING), role: 'nobody' }],
  },
  {
    action: 'app/(app)/admin/users/actions.ts#setActiveAction',
    needs: 'users.manage',
    args: [{ id: Number(MISSING), active: true }],
  },
  {
    action: 'app/(app)/admin/users/actions.ts#resetPasswordAction',
    needs: 'users.manage',
    args: [{ id: Number(MISSING), password: '' }],
  },
  { action: 'app/(app)/items/actions.ts#createItemAction', needs: 'items.write', args: [{}] },
  { action: 'app/(app)/items/actions.ts#updateItemAction', needs: 'items.write', args: [{ id: MISSING, values: {} }] },
  { action: 'app/(app)/items/actions.ts#deleteItemAction', needs: 'items.write', args: [{ id: MISSING }] },
  { action: 'app/(app)/partners/actions.ts#savePartnerAction', needs: 'partners.write', args: [{ values: {} }] },
  { action: 'app/(app)/partners/actions.ts#deletePartnerAction', needs: 'partners.write', args: [{ id: MISSING }] },
  { action: 'app/(app)/warehouses/actions.ts#saveWarehouseAction', needs: 'warehouses.write', args: [{ values: {} }] },
  {
    action: 'app/(app)/warehouses/actions.ts#deleteWarehouseAction',
    needs: 'warehouses.write',
    args: [{ id: MISSING }],
  },
  ...Object.entries(DOCUMENT_WRITE).flatMap(([kind, needs]) => [
    { action: `${DOCS}#saveDocumentAction`, needs, args: [kind, { values: {} }] },
    { action: `${DOCS}#deleteDocumentAction`, needs, args: [kind, MISSING] },
  ]),
  ...Object.entries(DOCUMENT_READ).map(([kind, needs]) => ({
    action: `${DOCS}#searchPartnersAction`,
    needs,
    args: [kind, 'zzz-nothing'],
  })),
  { action: `${DOCS}#findLineItemAction`, needs: 'items.read', args: [''] },
  { action: `${DOCS}#searchLineItemsAction`, needs: 'items.read', args: ['zzz-nothing'] },
  { action: `${DOCS}#checkSerialsAction`, needs: 'serials.read', args: [{}] },
  { action: `${DOCS}#loadInStockAction`, needs: 'serials.read', args: [{}] },
  { action: `${DOCS}#itemStockAction`, needs: 'stock.read', args: [MISSING] },
  {
    action: 'app/(app)/transfers/actions.ts#checkArrivalSerialsAction',
    needs: 'serials.read',
    args: [{ transferId: MISSING, itemId: MISSING, serials: [] }],
  },
  { action: `${STOCKTAKES}#openStocktakeAction`, needs: 'stockDocs.write', args: [{}] },
  { action: `${STOCKTAKES}#scanStocktakeAction`, needs: 'stockDocs.write', args: [{ id: MISSING, values: {} }] },
  { action: `${STOCKTAKES}#countStocktakeAction`, needs: 'stockDocs.write', args: [{ id: MISSING, values: {} }] },
  { action: `${STOCKTAKES}#closeStocktakeAction`, needs: 'stockDocs.write', args: [{ id: MISSING, values: {} }] },
  {
    action: `${STOCKTAKES}#importStocktakeCsvAction`,
    needs: 'stockDocs.write',
    args: [{ id: MISSING, values: { csv: 'Serial_Number\nX' } }],
  },
  { action: `${STOCKTAKES}#cancelStocktakeAction`, needs: 'stockDocs.write', args: [{ id: MISSING }] },
  { action: `${STOCKTAKES}#stocktakeStatusAction`, needs: 'stockDocs.read', args: [{ id: MISSING }] },
];

/** The principals every entry is called as. API keys carry a role but are accepted by API routes only. */
export const ROLES_UNDER_TEST = ['warehouse', 'accountant', 'admin'] as const;
export type PrincipalName =
  'anonymous' | `session:${(typeof ROLES_UNDER_TEST)[number]}` | `apiKey:${(typeof ROLES_UNDER_TEST)[number]}`;
export const PRINCIPALS: PrincipalName[] = [
  'anonymous',
  ...ROLES_UNDER_TEST.map((r) => `session:${r}` as const),
  ...ROLES_UNDER_TEST.map((r) => `apiKey:${r}` as const),
];
