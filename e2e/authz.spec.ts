import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { expectedPage, pageCases, pageOutcome, routeCases, routeOutcome, type Ids } from '../test/authz/http';
import { PRINCIPALS, ROLES_UNDER_TEST, type PrincipalName } from '../test/authz/matrix';
import { signIn, uniqueCode } from './helpers';

/**
 * The authorization matrix over HTTP, against the production server: every page and every route handler
 * (records API: every module) called as anonymous, as a signed-in user of each role and with an API key
 * of each role, compared with the permission table (test/authz/matrix.ts + lib/auth/roles.ts).
 * Server actions are checked in test/authz/actions.int.test.ts.
 */

type Role = (typeof ROLES_UNDER_TEST)[number];
const callers = {} as Record<PrincipalName, APIRequestContext>;
let ids: Ids;

test.beforeAll(async ({ browser, playwright }, testInfo) => {
  test.setTimeout(120_000);
  const baseURL = testInfo.project.use.baseURL;
  const keys = {} as Record<Role, string>;
  for (const role of ROLES_UNDER_TEST) {
    const { storageState, key } = await signInThroughTheForm(browser, role, role === 'admin');
    callers[`session:${role}`] = await playwright.request.newContext({ baseURL, storageState });
    if (key) Object.assign(keys, key);
  }
  for (const role of ROLES_UNDER_TEST) {
    callers[`apiKey:${role}`] = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${keys[role]}` },
    });
  }
  callers.anonymous = await playwright.request.newContext({ baseURL });
  ids = await createRecords(callers['apiKey:admin']);
  ids.stocktake = await openStocktake(browser, callers['apiKey:admin'], callers['session:admin']);
});

/** A stocktake of a warehouse of its own (one count per warehouse is open at a time), opened on its web page. */
async function openStocktake(browser: Browser, api: APIRequestContext, admin: APIRequestContext) {
  const code = uniqueCode('AZW');
  const created = await api.post('/crm/v8/Warehouses', { data: { data: [{ Code: code, Name: 'Authz count' }] } });
  expect(created.status()).toBe(201);
  const context = await browser.newContext({ storageState: await admin.storageState() });
  const page = await context.newPage();
  await page.goto('/stocktakes/new');
  await page.getByLabel('Warehouse').selectOption({ label: `${code} — Authz count` });
  await page.getByRole('button', { name: 'Open stocktake' }).click();
  await page.waitForURL(/\/stocktakes\/\d+$/);
  const id = new URL(page.url()).pathname.split('/').pop()!;
  await context.close();
  return id;
}

test.afterAll(async () => {
  await Promise.all(Object.values(callers).map((c) => c.dispose()));
});

/** A real sign-in through the form; the admin also creates one API key per role on the API keys page. */
async function signInThroughTheForm(browser: Browser, role: Role, createKeys: boolean) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, role);
  const key = {} as Record<Role, string>;
  if (createKeys) {
    for (const keyRole of ROLES_UNDER_TEST) {
      await page.goto('/admin/api-keys');
      const form = page.getByRole('form', { name: 'New API key' });
      await form.getByLabel('Key name').fill(`authz ${keyRole}`);
      await form.getByLabel('Key role').selectOption(keyRole);
      await form.getByRole('button', { name: 'Create API key' }).click();
      key[keyRole] = await page.getByRole('textbox', { name: 'New API key' }).inputValue();
      expect(key[keyRole]).toMatch(/^ssk_/);
    }
  }
  const storageState = await context.storageState();
  await context.close();
  return { storageState, key: createKeys ? key : null };
}

/** One record behind every dynamic page, created through the records API. */
async function createRecords(admin: APIRequestContext): Promise<Ids> {
  const post = async (module: string, record: Record<string, unknown>) => {
    const response = await admin.post(`/crm/v8/${module}`, { data: { data: [record] } });
    expect(response.status(), `${module}: ${await response.text()}`).toBe(201);
    return String((await response.json()).data[0].details.id);
  };
  const [tracked, plain, serial] = [uniqueCode('AZT'), uniqueCode('AZP'), uniqueCode('AZS')];
  const item = await post('Items', { Code: tracked, Name: 'Authz tracked', Track_Serial_Numbers: true });
  await post('Items', { Code: plain, Name: 'Authz plain' });
  const line = { Item: { Code: plain }, Quantity: 1, Unit_Price: '10' };
  const base = { Date: '2026-01-15', Warehouse: { Code: 'MAIN' } };
  const goodsReceipt = await post('Goods_Receipts', {
    ...base,
    Lines: [{ Item: { Code: tracked }, Quantity: 1, Serial_Numbers: [serial] }, line],
  });
  const goodsIssue = await post('Goods_Issues', { ...base, Lines: [line] });
  const purchaseInvoice = await post('Purchase_Invoices', {
    ...base,
    Partner: { Code: 'SUP-ACME' },
    Create_Stock_Document: false,
    Lines: [line],
  });
  const salesInvoice = await post('Sales_Invoices', {
    ...base,
    Partner: { Code: 'CUS-BETA' },
    Create_Stock_Document: false,
    Lines: [line],
  });
  const serialLine = { Item: { Code: tracked }, Quantity: 1, Serial_Numbers: [serial] };
  const transfer = await post('Transfers', {
    ...base,
    Destination_Warehouse: { Code: 'STORE' },
    In_Transit: true,
    Lines: [serialLine],
  });
  const arrival = await post('Transfer_Arrivals', {
    Date: '2026-01-16',
    Transfer: { id: transfer },
    Warehouse: { Code: 'STORE' },
    Lines: [serialLine],
  });
  // A sale of the serial that came back from the transfer, its return, a credit note and a return to the supplier.
  const sale = await post('Sales_Invoices', {
    Date: '2026-01-17',
    Partner: { Code: 'CUS-BETA' },
    Warehouse: { Code: 'STORE' },
    Lines: [{ ...serialLine, Unit_Price: '10' }],
  });
  const customerReturn = await post('Customer_Returns', {
    Date: '2026-01-18',
    Return_Of: { id: sale },
    Warehouse: { Code: 'STORE' },
    Lines: [serialLine],
  });
  const creditNote = await post('Credit_Notes', {
    Date: '2026-01-18',
    Partner: { Code: 'CUS-BETA' },
    Return_Of: { id: sale },
    Warehouse: { Code: 'STORE' },
    Create_Stock_Document: false,
    Lines: [line],
  });
  const supplierReturn = await post('Supplier_Returns', {
    Date: '2026-01-19',
    Return_Of: { id: goodsReceipt },
    Warehouse: { Code: 'STORE' },
    Lines: [serialLine],
  });
  const expectedReceipt = await post('Expected_Receipts', {
    ...base,
    Lines: [{ Item: { Code: tracked }, Quantity: 1, Serial_Numbers: [uniqueCode('AZE')] }],
  });
  const serials = await (
    await admin.get(`/crm/v8/Serial_Numbers/search?criteria=${encodeURIComponent(`(Serial:equals:${serial})`)}`)
  ).json();
  const partners = await (await admin.get('/crm/v8/Partners?per_page=1')).json();
  return {
    item,
    partner: String(partners.data[0].id),
    serial: String(serials.data[0].id),
    goods_receipt: goodsReceipt,
    goods_issue: goodsIssue,
    purchase_invoice: purchaseInvoice,
    sales_invoice: salesInvoice,
    transfer,
    transfer_arrival: arrival,
    expected_receipt: expectedReceipt,
    stocktake: '', // opened on the web afterwards (openStocktake)
    customer_return: customerReturn,
    supplier_return: supplierReturn,
    credit_note: creditNote,
  };
}

test('pages: every page answers every principal as the permission table says', async () => {
  test.setTimeout(180_000);
  const actual: Record<string, Record<string, string>> = {};
  const expected: Record<string, Record<string, string>> = {};
  for (const c of pageCases(ids)) {
    actual[c.url] = {};
    expected[c.url] = {};
    for (const principal of PRINCIPALS) {
      const response = await callers[principal].get(c.url, { maxRedirects: 0 });
      actual[c.url][principal] = pageOutcome({
        status: response.status(),
        location: response.headers().location ?? null,
      });
      expected[c.url][principal] = expectedPage(c, principal);
    }
  }
  expect(actual).toEqual(expected);
});

for (const { entry, cases } of routeCases()) {
  test(`route ${entry}: every principal is answered as the permission table says`, async () => {
    const actual: Record<string, Record<string, string>> = {};
    const expected: Record<string, Record<string, string>> = {};
    for (const c of cases) {
      actual[c.label] = {};
      expected[c.label] = {};
      for (const principal of PRINCIPALS) {
        const response = await callers[principal].fetch(c.url, {
          method: c.method,
          maxRedirects: 0,
          ...(c.body ? { data: c.body, headers: { 'content-type': 'application/json' } } : {}),
        });
        actual[c.label][principal] = routeOutcome({
          status: response.status(),
          location: response.headers().location ?? null,
        });
        expected[c.label][principal] = c.expected(principal);
      }
    }
    expect(actual).toEqual(expected);
  });
}

test('the session cookie of a real sign-in is HttpOnly and SameSite=Lax (Secure only behind HTTPS)', async ({
  page,
  context,
}) => {
  await signIn(page, 'warehouse');
  const session = (await context.cookies()).find((c) => /better-auth\.session_token$/.test(c.name));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  // This server runs on plain http without SECURE_COOKIES: the Secure flag would make browsers drop the cookie.
  expect(session?.secure).toBe(false);
  expect(await page.evaluate(() => document.cookie)).not.toContain('session_token');
});

test('security headers are sent on pages, the 403 page and the API', async () => {
  const answers = [
    await callers.anonymous.get('/sign-in'),
    await callers['session:admin'].get('/'),
    await callers['session:warehouse'].get('/admin/users'),
    await callers['apiKey:admin'].get('/crm/v8/org'),
  ];
  expect(answers.map((a) => a.status())).toEqual([200, 200, 403, 200]);
  for (const answer of answers) {
    const headers = answer.headers();
    const csp = headers['content-security-policy'] ?? '';
    for (const directive of [
      "default-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ]) {
      expect(csp, answer.url()).toContain(directive);
    }
    expect(csp).not.toContain("'unsafe-eval'");
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-frame-options': 'DENY',
    });
    expect(headers['x-powered-by']).toBeUndefined();
  }
});
