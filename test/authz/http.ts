import { PAGES, RECORDS_MODULES, ROUTES, type PrincipalName, type RecordsOperation, type Requirement } from './matrix';
import { expectedOutcome, expectedRecordsOutcome, type Outcome } from './outcomes';

/**
 * The HTTP side of the matrix (run by e2e/authz.spec.ts against the production server): concrete
 * requests for every page and route entry, and how to read an answer as an Outcome.
 */
export const MISSING_ID = '999999999';

export type Ids = Record<
  | 'item'
  | 'partner'
  | 'serial'
  | 'goods_receipt'
  | 'goods_issue'
  | 'purchase_invoice'
  | 'sales_invoice'
  | 'transfer'
  | 'transfer_arrival'
  | 'expected_receipt'
  | 'stocktake'
  | 'customer_return'
  | 'supplier_return'
  | 'credit_note',
  string
>;

/** The real record behind each dynamic page, so an allowed caller must see a 200 there. */
const PAGE_IDS: Record<string, keyof Ids> = {
  '/items/': 'item',
  '/partners/': 'partner',
  '/serial-numbers/': 'serial',
  '/goods-receipts/': 'goods_receipt',
  '/goods-issues/': 'goods_issue',
  '/purchase-invoices/': 'purchase_invoice',
  '/sales-invoices/': 'sales_invoice',
  '/transfers/': 'transfer',
  '/transfer-arrivals/': 'transfer_arrival',
  '/expected-receipts/': 'expected_receipt',
  '/stocktakes/': 'stocktake',
  '/customer-returns/': 'customer_return',
  '/supplier-returns/': 'supplier_return',
  '/credit-notes/': 'credit_note',
};

export type PageCase = { url: string; needs: Requirement; missing: boolean };

/**
 * Every page; a dynamic one twice: with a real id (allowed → 200) and a missing one (allowed → 404).
 * The missing id also proves the permission is checked before the lookup: a refused role gets 403, not 404.
 */
export function pageCases(ids: Ids): PageCase[] {
  return Object.entries(PAGES).flatMap(([pattern, needs]) => {
    if (!pattern.includes('[id]')) return [{ url: pattern, needs, missing: false }];
    const prefix = Object.keys(PAGE_IDS).find((p) => pattern.startsWith(p));
    if (!prefix) throw new Error(`no record for the dynamic page ${pattern}: add it to PAGE_IDS`);
    return [
      { url: pattern.replace('[id]', ids[PAGE_IDS[prefix]]), needs, missing: false },
      { url: pattern.replace('[id]', MISSING_ID), needs, missing: true },
    ];
  });
}

export function expectedPage(c: PageCase, principal: PrincipalName): string {
  const outcome = expectedOutcome(c.needs, principal);
  if (outcome !== 'allowed') return outcome;
  // The sign-in page sends a signed-in user on into the app.
  if (c.url === '/sign-in' && principal.startsWith('session:')) return 'redirect /';
  return c.missing ? 'not found' : 'allowed';
}

type Answer = { status: number; location: string | null };

/** A page answer in the matrix's terms. */
export function pageOutcome({ status, location }: Answer): string {
  if (status >= 300 && status < 400) {
    const to = new URL(location ?? '', 'http://x').pathname;
    return to === '/sign-in' ? 'unauthenticated' : `redirect ${to}`;
  }
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not found';
  return status === 200 ? 'allowed' : `status ${status}`;
}

/** A route handler answer: 401 or a sign-in redirect, 403, 405; anything else below 500 was let through. */
export function routeOutcome({ status, location }: Answer): Outcome | `status ${number}` {
  if (status === 401 || (status >= 300 && status < 400 && new URL(location ?? '', 'http://x').pathname === '/sign-in'))
    return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 405) return 'unsupported';
  return status < 500 ? 'allowed' : `status ${status}`;
}

export type RouteCase = {
  label: string;
  method: string;
  url: string;
  body?: string;
  expected: (p: PrincipalName) => Outcome;
};

/**
 * Harmless requests: writes carry an empty body or a missing id, so an allowed caller is answered 4xx, never changes
 * anything.
 */
const QUERY: Record<string, string> = {
  'GET /serial-numbers/find': '?q=no-such-serial',
  'DELETE /crm/[version]/[module]': `?ids=${MISSING_ID}`,
  'GET /crm/[version]/[module]/search': '?word=nothing',
  'GET /crm/[version]/users': '?type=CurrentUser',
};

export function routeCases(): { entry: string; cases: RouteCase[] }[] {
  return Object.entries(ROUTES).map(([entry, route]) => {
    const [method, pattern] = entry.split(' ');
    const concrete = (module?: string) =>
      pattern
        .replace('[version]', 'v8')
        .replace('[id]', MISSING_ID)
        .replace('[file]', 'Items.csv')
        .replace('[module]', module ?? '') + (QUERY[entry] ?? '');
    const body = method === 'POST' || method === 'PUT' ? '{}' : undefined;
    const needs = route.needs;
    if (needs !== null && typeof needs === 'object') {
      const op: RecordsOperation = needs.records;
      return {
        entry,
        cases: Object.keys(RECORDS_MODULES).map((module) => ({
          label: module,
          method,
          url: concrete(module),
          body,
          expected: (p: PrincipalName) => expectedRecordsOutcome(module, op, p),
        })),
      };
    }
    return {
      entry,
      cases: [
        {
          label: concrete(),
          method,
          url: concrete(),
          body,
          expected: (p: PrincipalName) => expectedOutcome(needs, p, route.auth),
        },
      ],
    };
  });
}
