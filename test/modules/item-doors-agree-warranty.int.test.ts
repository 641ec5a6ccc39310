import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { item } from '@/db/schema';
import { withCodeKey } from '@/lib/catalog/code-key';
import { rowResults } from '@/lib/import/jobs/job-queries';
import { ITEMS } from '@/lib/modules';
import { ZOHO_CODES } from '@/lib/modules/zoho';
import { createUser } from '@/lib/users/users';
import { call, keyFor } from '@/test/api/records-client';
import { sessionCookie } from '@/test/authz/principals';
import { useTestDatabase } from '@/test/db';
import { drainJobs } from '@/test/import/drain';
import { createJob, principalOf } from '@/test/import/jobs';

// The form's server actions read the caller from the request headers.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
const { createItemAction, updateItemAction } = await import('@/app/(app)/items/actions');

/*
 * The item's two warranty periods go through the one item writer (lib/validation/warranty.ts in the item
 * schema): the item form, the records API and an import take the same values and refuse the same ones with
 * the same message naming the field. Generated cases mix good periods, blanks and the bad ones people send:
 * a fraction, a negative, a word, a huge number, an invisible or direction-changing character.
 */
type Case = { op: 'create' | 'update'; sale: string; purchase: string };
type Answer = { ok: true } | { ok: false; code: string; field: string; message: string };

const GOOD = ['12', '0', '600', '', ' 24 ', '\u200B36', '12.0'];
const BAD = ['12.5', '-1', 'abc', '601', '99999999999999999999', '1\u200B2', '\u202E12', '1e3', '１２x'];
const periodArb = fc.oneof(fc.constantFrom(...GOOD), fc.constantFrom(...BAD));
const caseArb: fc.Arbitrary<Case> = fc.record({
  op: fc.constantFrom('create' as const, 'update' as const),
  sale: periodArb,
  purchase: periodArb,
});

const apiNameOf = (key: string) => ITEMS.fields.find((field) => field.key === key)?.apiName ?? '';

describe('every door takes and refuses warranty periods alike', async () => {
  const { db } = await useTestDatabase();
  let apiKey: string;
  let importer: ReturnType<typeof principalOf>;
  beforeAll(async () => {
    const email = `warranty-${Math.random().toString(36).slice(2)}@example.com`;
    const userId = await createUser(db, { name: 'Door admin', email, role: 'admin', password: 'doors-password-9' });
    request.headers = new Headers({ cookie: await sessionCookie(email, 'doors-password-9') });
    apiKey = (await keyFor(db, 'admin')).key;
    importer = principalOf({ userId, name: 'Door admin' });
  });

  /** The item an update changes, with periods of its own that a refused write must leave. */
  async function reset(): Promise<{ id: bigint; version: number }> {
    await db.delete(item);
    const [edited] = await db
      .insert(item)
      .values(withCodeKey({ code: 'WAR-EDIT', name: 'Edited', saleWarrantyMonths: 6, purchaseWarrantyMonths: 3 }))
      .returning({ id: item.id, version: item.version });
    return edited;
  }

  const stored = () =>
    db
      .select({ code: item.code, sale: item.saleWarrantyMonths, purchase: item.purchaseWarrantyMonths })
      .from(item)
      .orderBy(item.code);

  async function throughForm(c: Case, edited: { id: bigint; version: number }): Promise<Answer> {
    const values = {
      code: 'WAR-EDIT',
      name: 'Warranted',
      saleWarrantyMonths: c.sale,
      purchaseWarrantyMonths: c.purchase,
    };
    const result =
      c.op === 'create'
        ? await createItemAction({ ...values, code: 'WAR-NEW' })
        : await updateItemAction({ id: String(edited.id), version: edited.version, values });
    if (result.ok) return { ok: true };
    const [field, message] = Object.entries(result.fieldErrors)[0];
    return { ok: false, code: ZOHO_CODES[result.code as keyof typeof ZOHO_CODES], field: apiNameOf(field), message };
  }

  async function throughRecordsApi(c: Case, edited: { id: bigint }): Promise<Answer> {
    const record = { Name: 'Warranted', Sale_Warranty_Months: c.sale, Purchase_Warranty_Months: c.purchase };
    const { json } =
      c.op === 'create'
        ? await call(apiKey, 'POST', '/crm/v8/Items', { data: [{ ...record, Code: 'WAR-NEW' }] })
        : await call(apiKey, 'PUT', `/crm/v8/Items/${edited.id}`, { data: [{ ...record, Code: 'WAR-EDIT' }] });
    const [entry] = json.data;
    if (entry.code === 'SUCCESS') return { ok: true };
    return { ok: false, code: entry.code, field: entry.details.api_name, message: entry.message };
  }

  async function throughImport(c: Case, edited: { id: bigint }): Promise<Answer> {
    const headers = ['Code', 'Name', 'Sale_Warranty_Months', 'Purchase_Warranty_Months'];
    const jobId =
      c.op === 'create'
        ? await createJob(
            db,
            importer,
            [headers, ['WAR-NEW', 'Warranted', c.sale, c.purchase]],
            { operation: 'insert' },
            { module: 'Items' },
          )
        : await createJob(
            db,
            importer,
            [
              ['id', ...headers],
              [String(edited.id), 'WAR-EDIT', 'Warranted', c.sale, c.purchase],
            ],
            { operation: 'update' },
            { module: 'Items', find_by: 'id' },
          );
    await drainJobs(db);
    const [row] = await rowResults(db, jobId);
    if (row.status !== 'SKIPPED') return { ok: true };
    return { ok: false, code: row.errors[0].code, field: row.errors[0].column, message: row.errors[0].message };
  }

  it('the form, the records API and an import give each generated write the same outcome and leave the same items', async () => {
    const refused = new Set<string>();
    const kept = new Set<string>();
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const outcomes: { answer: Answer; items: unknown[] }[] = [];
        for (const door of [throughForm, throughRecordsApi, throughImport]) {
          const answer = await door(c, await reset());
          outcomes.push({ answer, items: await stored() });
        }
        const [form, api, imported] = outcomes;
        expect(api).toEqual(form);
        expect(imported).toEqual(form);
        if (form.answer.ok) kept.add(JSON.stringify(form.items));
        else refused.add(`${form.answer.field}: ${form.answer.message}`);
        // A period is refused exactly when one of the two is a bad one, naming a field that holds one.
        const bad = [c.sale, c.purchase].some((v) => BAD.includes(v));
        expect(form.answer.ok).toBe(!bad);
      }),
      { numRuns: 40, seed: 17 },
    );
    const all = [...refused].join('\n');
    expect(all).toMatch(/Sale_Warranty_Months: Sale warranty must be a whole number of months/);
    expect(all).toMatch(/Purchase_Warranty_Months: Purchase warranty/);
    expect(all).toMatch(/cannot be negative|at most 600 months|invisible character|text-direction control/);
    expect(kept.size).toBeGreaterThan(1);
  });

  it('a good period is stored as a whole number and a blank one as "not set", through each door', async () => {
    const c: Case = { op: 'update', sale: '\u200B36', purchase: '' };
    for (const door of [throughForm, throughRecordsApi, throughImport]) {
      expect(await door(c, await reset())).toEqual({ ok: true });
      expect(await stored()).toEqual([{ code: 'WAR-EDIT', sale: 36, purchase: null }]);
    }
  });

  it('the records API takes JSON numbers too and refuses the bad ones naming the field', async () => {
    const send = async (value: unknown) => {
      const { json } = await call(apiKey, 'POST', '/crm/v8/Items', {
        data: [{ Code: `WAR-${Math.random().toString(36).slice(2, 8)}`, Name: 'N', Sale_Warranty_Months: value }],
      });
      return json.data[0];
    };
    await reset();
    expect(await send(18)).toMatchObject({ code: 'SUCCESS' });
    for (const [value, message] of [
      [12.5, 'Sale warranty must be a whole number of months, such as 12.'],
      [-1, 'Sale warranty cannot be negative.'],
      [1e300, 'Sale warranty can be at most 600 months (50 years).'],
      [true, 'Sale warranty must be a whole number of months, such as 12.'],
    ] as const) {
      expect(await send(value)).toMatchObject({
        code: 'INVALID_DATA',
        message,
        details: { api_name: 'Sale_Warranty_Months' },
      });
    }
  });
});
