import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { item, stockLevel, warehouse } from '@/db/schema';
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
import { addingItemRule, notAWarehouseName } from '@/test/catalog/sample-item-rule';

// The form's server actions read the caller from the request headers.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
const { createItemAction, updateItemAction } = await import('@/app/(app)/items/actions');

/*
 * Items have one writer (lib/catalog/item-writer.ts) and one declaration of its rules (item-rules.ts). A
 * write refused there is refused alike through every door: the item form's actions, the records API and an
 * import, whose clean rows take the batch way. Generated cases: codes that read the same as a stored one
 * (case, 0/O, 1/l/I), taken EANs, a tracking switch over stock without serials, and a rule that reads the
 * database, added to the declaration for this test only (test/catalog/sample-item-rule.ts): no item named after a
 * warehouse.
 */
const EAN = { taken: '8590000000015', edited: '8590000000022', fresh: '8590000000039' };
type Case = {
  op: 'create' | 'update';
  code: string;
  name: string;
  ean: string | null;
  trackSerials: boolean;
  stocked: boolean;
};
type Answer = { ok: true } | { ok: false; code: string; field: string; message: string };

/**
 * A code that reads the same as `base` (or is it): each character kept, or in the other case, or a look-alike digit.
 */
const LOOK_ALIKE: Record<string, string> = { 0: 'O', O: '0', 1: 'l', I: '1', l: '1' };
const codeArb = fc
  .tuple(
    fc.constantFrom('TAKEN-10', 'EDIT-1', 'FRESH-10'),
    fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 10 }),
  )
  .map(([base, how]) => [...base].map((ch, i) => [ch, ch.toLowerCase(), LOOK_ALIKE[ch] ?? ch, ch][how[i]]).join(''));
const caseArb: fc.Arbitrary<Case> = fc.record({
  op: fc.constantFrom('create' as const, 'update' as const),
  code: codeArb,
  name: fc.constantFrom('Back room', 'Widget', 'back room'),
  ean: fc.constantFrom(null, EAN.taken, EAN.edited, EAN.fresh),
  trackSerials: fc.boolean(),
  stocked: fc.boolean(),
});

const apiNameOf = (key: string) => ITEMS.fields.find((field) => field.key === key)?.apiName ?? '';

describe('every door refuses an item write the writer refuses, alike', async () => {
  const { db } = await useTestDatabase();
  const [room] = await db
    .insert(warehouse)
    .values(withCodeKey({ code: 'RW-1', name: 'Back room' }))
    .returning({ id: warehouse.id });
  let apiKey: string;
  let importer: ReturnType<typeof principalOf>;
  let removeRule = () => {};
  beforeAll(async () => {
    const email = `doors-${Math.random().toString(36).slice(2)}@example.com`;
    const userId = await createUser(db, { name: 'Door admin', email, role: 'admin', password: 'doors-password-9' });
    request.headers = new Headers({ cookie: await sessionCookie(email, 'doors-password-9') });
    apiKey = (await keyFor(db, 'admin')).key;
    importer = principalOf({ userId, name: 'Door admin' });
    removeRule = addingItemRule(notAWarehouseName);
  });
  afterAll(() => removeRule());

  /** The same stored items before every door: TAKEN-10 with an EAN, EDIT-1 (the one updated), maybe with stock. */
  async function reset(c: Case): Promise<{ id: bigint; version: number }> {
    await db.delete(stockLevel);
    await db.delete(item);
    const [, edited] = await db
      .insert(item)
      .values([
        withCodeKey({ code: 'TAKEN-10', name: 'Taken', ean: EAN.taken }),
        withCodeKey({ code: 'EDIT-1', name: 'Edited', ean: EAN.edited }),
      ])
      .returning({ id: item.id, version: item.version });
    if (c.stocked) await db.insert(stockLevel).values({ itemId: edited.id, warehouseId: room.id, quantity: '2' });
    return edited;
  }

  const stored = async () =>
    await db
      .select({ code: item.code, name: item.name, ean: item.ean, trackSerials: item.trackSerials })
      .from(item)
      .orderBy(item.code);

  async function throughForm(c: Case, edited: { id: bigint; version: number }): Promise<Answer> {
    const values = { code: c.code, name: c.name, ean: c.ean ?? '', trackSerials: c.trackSerials };
    const result =
      c.op === 'create'
        ? await createItemAction(values)
        : await updateItemAction({ id: String(edited.id), version: edited.version, values });
    if (result.ok) return { ok: true };
    return {
      ok: false,
      code: ZOHO_CODES[result.code as keyof typeof ZOHO_CODES],
      field: apiNameOf(Object.keys(result.fieldErrors)[0]),
      message: result.error,
    };
  }

  async function throughRecordsApi(c: Case, edited: { id: bigint }): Promise<Answer> {
    const record = { Code: c.code, Name: c.name, EAN: c.ean, Track_Serial_Numbers: c.trackSerials };
    const { json } =
      c.op === 'create'
        ? await call(apiKey, 'POST', '/crm/v8/Items', { data: [record] })
        : await call(apiKey, 'PUT', `/crm/v8/Items/${edited.id}`, { data: [record] });
    const [entry] = json.data;
    if (entry.code === 'SUCCESS') return { ok: true };
    return { ok: false, code: entry.code, field: entry.details.api_name, message: entry.message };
  }

  async function throughImport(c: Case, edited: { id: bigint }): Promise<Answer> {
    const cells = [c.code, c.name, c.ean ?? '', String(c.trackSerials)];
    const headers = ['Code', 'Name', 'EAN', 'Track_Serial_Numbers'];
    const jobId =
      c.op === 'create'
        ? await createJob(db, importer, [headers, cells], { operation: 'insert' }, { module: 'Items' })
        : await createJob(
            db,
            importer,
            [
              ['id', ...headers],
              [String(edited.id), ...cells],
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
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const outcomes: { answer: Answer; items: unknown[] }[] = [];
        for (const door of [throughForm, throughRecordsApi, throughImport]) {
          const answer = await door(c, await reset(c));
          outcomes.push({ answer, items: await stored() });
        }
        const [form, api, imported] = outcomes;
        expect(api).toEqual(form);
        // An import row's message goes on with the field's hint (the form shows it beside the field).
        const { answer } = form;
        if (!answer.ok && !imported.answer.ok && imported.answer.message.startsWith(answer.message))
          imported.answer.message = answer.message;
        expect(imported).toEqual(form);
        if (!answer.ok) refused.add(answer.message);
      }),
      { numRuns: 40, seed: 18 },
    );
    // The generated cases met every rule: the added one, codes that read the same, EANs and the tracking switch.
    expect([...refused].join('\n')).toMatch(/name of warehouse/);
    expect([...refused].join('\n')).toMatch(/looks the same as|already exists/);
    expect([...refused].join('\n')).toMatch(/EAN .* already used/);
    expect([...refused].join('\n')).toMatch(/cannot be switched on/);
  });
});
