import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { rowResults } from '@/lib/import/jobs/job-queries';
import { postDocument } from '@/lib/inventory/post';
import { cancelStocktake, openStocktake } from '@/lib/inventory/stocktake/open';
import { ENTRY_FIELDS } from '@/lib/modules';
import { ZOHO_CODES } from '@/lib/modules/zoho';
import { createUser } from '@/lib/users/users';
import { call, keyFor } from '@/test/api/records-client';
import { sessionCookie } from '@/test/authz/principals';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { drainJobs } from '@/test/import/drain';
import { createJob, principalOf } from '@/test/import/jobs';

// The count page's server actions read the caller from the request headers.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
const { scanStocktakeAction, countStocktakeAction } = await import('@/app/(app)/stocktakes/actions');

/*
 * A scan or count entry is written by one row function (countRowWriter, over scanSerial and enterCount), whichever
 * door it comes through: the count page's scan and count forms, the records API's Stocktake_Entries and an import of
 * that module. Generated sequences of entries go through each door into a fresh count of the same warehouse, so
 * each door meets the same books; every entry must get the same answer: added (with the scan page's words), a
 * serial already scanned (named "counted once"), or the same refusal (code, field, message).
 */
type Entry = { stocktake: 'open' | 'cancelled' | 'none'; serial: string; item: string; quantity: string };
type Answer =
  { kind: 'added'; message: string | null } | { kind: 'refused'; code: string; field: string | null; message: string };

const entryArb: fc.Arbitrary<Entry> = fc.record({
  stocktake: fc.constantFrom('open' as const, 'open' as const, 'open' as const, 'cancelled' as const, 'none' as const),
  serial: fc.constantFrom('', 'DA-IN', 'da-in', 'DA-ELSE', 'DA-GONE', 'DA-NEW'),
  item: fc.constantFrom('', 'ACME-1', 'ACME-2', 'CABLE', 'NOPE'),
  quantity: fc.constantFrom('', '3', '0', '-1', 'x', '2.5'),
});

/** Who scanned a serial first, and when, differs by door; the rest of the sentence must not. */
const sameWords = (message: string) => message.replace(/ by .+ at \d\d:\d\d:\d\d;/, ' by someone at a time;');

describe('the scan page, the records API and an import write a stocktake entry alike', async () => {
  const { db } = await useTestDatabase();
  const w = await seedWorld(db);
  let apiKey: string;
  let importer: ReturnType<typeof principalOf>;
  let cancelled: { id: bigint; number: string };
  const itemIds = new Map<string, string>();

  beforeAll(async () => {
    const email = `count-doors-${Math.random().toString(36).slice(2)}@example.com`;
    const userId = await createUser(db, { name: 'Counter', email, role: 'warehouse', password: 'count-doors-pw-9' });
    request.headers = new Headers({ cookie: await sessionCookie(email, 'count-doors-pw-9') });
    apiKey = (await keyFor(db, 'warehouse')).key;
    importer = { ...principalOf({ userId, name: 'Counter' }), role: 'warehouse' };
    // DA-IN in the counted warehouse, DA-ELSE in another, DA-GONE issued; DA-NEW unknown.
    const receive = (warehouseId: bigint, serial: string) =>
      postDocument(
        db,
        {
          kind: 'goods_receipt',
          date: '2026-06-01',
          warehouseId,
          lines: [{ itemId: w.tracked, quantity: '1', serials: [serial] }],
        },
        w.actor,
      );
    await receive(w.main, 'DA-IN');
    await receive(w.shop, 'DA-ELSE');
    await receive(w.main, 'DA-GONE');
    const lines = [{ itemId: w.tracked, quantity: '1', serials: ['DA-GONE'] }];
    await postDocument(db, { kind: 'goods_issue', date: '2026-06-02', warehouseId: w.main, lines }, w.actor);
    cancelled = await openStocktake(db, { date: '2026-06-03', warehouseId: w.shop }, w.actor);
    await cancelStocktake(db, cancelled.id, w.actor);
    itemIds.set('ACME-1', String(w.tracked)).set('ACME-2', String(w.other)).set('CABLE', String(w.plain));
  });

  /** The web's scan form picks the item from a list and sends no count for a serial: not every entry can be said. */
  const sayableOnTheWeb = (e: Entry) =>
    e.stocktake !== 'none' && (e.item === '' || itemIds.has(e.item)) && (e.serial !== '' || e.item !== '');

  async function throughWeb(entries: Entry[], open: { id: bigint }): Promise<(Answer | null)[]> {
    const answers: (Answer | null)[] = [];
    for (const e of entries) {
      if (!sayableOnTheWeb(e)) {
        answers.push(null);
        continue;
      }
      const id = String(e.stocktake === 'open' ? open.id : cancelled.id);
      const itemId = e.item === '' ? null : itemIds.get(e.item)!;
      const result =
        e.serial !== ''
          ? await scanStocktakeAction({ id, values: { serial: e.serial, itemId } })
          : await countStocktakeAction({ id, values: { itemId: itemId!, quantity: e.quantity } });
      if (!result.ok) {
        const code = ZOHO_CODES[result.code as keyof typeof ZOHO_CODES];
        answers.push({ kind: 'refused', code, field: null, message: result.error });
      } else if ('alreadyScanned' in result.data && result.data.alreadyScanned) {
        answers.push({ kind: 'refused', code: 'DUPLICATE_DATA', field: null, message: result.data.message });
      } else {
        answers.push({ kind: 'added', message: 'message' in result.data ? result.data.message : null });
      }
    }
    return answers;
  }

  async function throughRecordsApi(entries: Entry[], open: { number: string }): Promise<Answer[]> {
    const records = entries.map((e) => ({
      ...(e.stocktake === 'none'
        ? {}
        : { Stocktake: { Number: e.stocktake === 'open' ? open.number : cancelled.number } }),
      ...(e.serial === '' ? {} : { Serial_Number: e.serial }),
      ...(e.item === '' ? {} : { Item: { Code: e.item } }),
      ...(e.quantity === '' ? {} : { Quantity: e.quantity }),
    }));
    const { json } = await call(apiKey, 'POST', '/crm/v8/Stocktake_Entries', { data: records });
    return json.data.map(
      (d: { code: string; message: string; details: { api_name?: string; Feedback?: string } }): Answer =>
        d.code === 'SUCCESS'
          ? { kind: 'added', message: d.details.Feedback ?? null }
          : { kind: 'refused', code: d.code, field: d.details.api_name ?? null, message: d.message },
    );
  }

  async function throughImport(entries: Entry[], open: { number: string }): Promise<Answer[]> {
    const headers = Object.values(ENTRY_FIELDS);
    const cells = entries.map((e) => [
      e.stocktake === 'none' ? '' : e.stocktake === 'open' ? open.number : cancelled.number,
      e.serial,
      e.item,
      e.quantity,
    ]);
    const mappings = headers.map((api_name, index) => ({ api_name, index }));
    const jobId = await createJob(
      db,
      importer,
      [headers, ...cells],
      { operation: 'insert' },
      { module: { api_name: 'Stocktake_Entries' }, field_mappings: mappings },
    );
    await drainJobs(db);
    return (await rowResults(db, jobId)).map((row): Answer => {
      if (row.status !== 'SKIPPED') return { kind: 'added', message: null };
      const [error] = row.errors;
      return { kind: 'refused', code: error.code, field: error.column, message: error.message };
    });
  }

  /** Each door's entries go into a count of their own of the same warehouse, cancelled after. */
  async function intoFreshCount<T>(door: (open: { id: bigint; number: string }) => Promise<T>): Promise<T> {
    const open = await openStocktake(db, { date: '2026-06-04', warehouseId: w.main }, w.actor);
    try {
      return await door(open);
    } finally {
      await cancelStocktake(db, open.id, w.actor);
    }
  }

  it('gives each generated entry the same answer through the three doors', async () => {
    const seen = new Set<string>();
    let onTheWebToo = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(entryArb, { minLength: 1, maxLength: 5 }), async (entries) => {
        const web = await intoFreshCount((open) => throughWeb(entries, open));
        const api = await intoFreshCount((open) => throughRecordsApi(entries, open));
        const imported = await intoFreshCount((open) => throughImport(entries, open));
        api.forEach((answer, i) => {
          const words = (a: Answer) => (a.kind === 'refused' ? { ...a, message: sameWords(a.message) } : a);
          // The importer's ADDED row carries no words; the web's and the API's say what the serial was.
          expect(words(imported[i]), JSON.stringify(entries[i])).toEqual(
            words(answer.kind === 'added' ? { ...answer, message: null } : answer),
          );
          const onTheWeb = web[i];
          if (onTheWeb) {
            const withoutField = (a: Answer) => (a.kind === 'refused' ? { ...words(a), field: null } : a);
            // The count form answers the figures, not a sentence: then only "added" is compared.
            const apiSide: Answer =
              onTheWeb.kind === 'added' && onTheWeb.message === null && answer.kind === 'added'
                ? { kind: 'added', message: null }
                : answer;
            expect(withoutField(onTheWeb), JSON.stringify(entries[i])).toEqual(withoutField(apiSide));
            onTheWebToo++;
          }
          seen.add(answer.kind === 'added' ? 'added' : answer.code);
          if (answer.kind === 'added' && answer.message?.includes('unknown serial')) seen.add('unknown');
        });
      }),
      { numRuns: 25, seed: 17 },
    );
    // The generated entries met the rules the brief names: a duplicate, a closed count, an unknown serial, refusals.
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'CANNOT_PROCESS',
        'DUPLICATE_DATA',
        'INVALID_DATA',
        'MANDATORY_NOT_FOUND',
        'added',
        'unknown',
      ]),
    );
    expect(onTheWebToo).toBeGreaterThan(20);
  });
});
