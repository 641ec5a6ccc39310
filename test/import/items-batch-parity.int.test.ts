import { eq, getTableColumns } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { item, stockLevel, user, warehouse } from '@/db/schema';
import { withCodeKey, withCodeKeys } from '@/lib/catalog/code-key';
import { createItem, updateItem } from '@/lib/catalog/items';
import { rowResults } from '@/lib/import/jobs/job-queries';
import { blankKeysOf } from '@/lib/import/writers/catalog-plan';
import { rowErrorsOf } from '@/lib/import/results/outcomes';
import { ITEMS } from '@/lib/modules';
import { useTestDatabase } from '@/test/db';
import { drainJobs } from './drain';
import { createJob, principalOf } from './jobs';

/*
 * An import hands its clean rows to the item writer in batches (lib/catalog/item-writer.ts); the form and
 * the records API write one item at a time through createItem/updateItem. Whatever way a row takes, it must
 * end the same: the same item stored, or the same refusal. Generated files of an upsert by Code: codes that
 * are stored, read the same as a stored one, repeat within the file or are new; prices, EANs and minimum
 * stock fine, out of range or malformed; empty cells (which clear a field, or leave a mandatory one empty).
 * The other way is each row in file order through createItem/updateItem, refusals worded as an import row.
 */
const HEADERS = [
  'Code',
  'Name',
  'Unit',
  'Purchase_Price',
  'Sale_Price',
  'VAT_Rate',
  'EAN',
  'Description',
  'Active',
  'Track_Serial_Numbers',
  'Min_Stock',
];
const KEYS = HEADERS.map((apiName) => ITEMS.fields.find((field) => field.apiName === apiName)!.key!);
const STORED = [
  { code: 'P-1', name: 'Stored one', ean: '8590000000015' },
  { code: 'P-2', name: 'Stored two', ean: '12345670', trackSerials: true },
  // With stock without serials: switching its tracking on is refused (a rule that reads the database).
  { code: 'P-3', name: 'Stored three' },
];

// Per column: cells the writer takes, and cells it refuses (mostly the former, so that a row reaches the
// rules after the schema). Only cells the file layer passes on as they are (a boolean column takes only
// these words), so every refusal is the writer's.
const COLUMNS: [fine: string[], refused: string[]][] = [
  [
    ['P-1', 'P-2', 'P-3', 'Q-1', 'Q-2', 'Q-3'],
    ['p-1', 'P-l', 'q-2', 'bad code', ''],
  ],
  [
    ['Name', 'Other name', ' spaced '],
    ['', 'x'.repeat(256)],
  ],
  [['', 'pcs', 'box'], ['u'.repeat(21)]],
  [
    ['', '0', '12,5', '1.5', '999999999999999.9999'],
    ['-3', 'abc', '1e3'],
  ],
  [['', '19.90', '0.0000'], ['-0.01']],
  [['', '15', '21'], ['101']],
  [
    ['', '8590000000015', '12345670', '8590000000022', '8590000000039'],
    ['8590000000038', '123'],
  ],
  [['', 'A "quoted" description', 'changed'], []],
  [['', 'true', 'false', '1', '0'], []],
  [['', 'true', 'false'], []],
  [
    ['', '0', '3.250'],
    ['-1', '1.2345'],
  ],
];
const cellArbs = COLUMNS.map(([fine, refused]) =>
  refused.length
    ? fc.oneof(
        { arbitrary: fc.constantFrom(...fine), weight: 6 },
        { arbitrary: fc.constantFrom(...refused), weight: 1 },
      )
    : fc.constantFrom(...fine),
);
const fileArb = fc.record({
  rows: fc.array(fc.tuple(...cellArbs), { minLength: 1, maxLength: 10 }),
  chunkRows: fc.integer({ min: 1, max: 10 }),
});

type Ending = { status: string; errors: { code: string; column: string; message: string }[] };
const columnOf = (key: string) => ITEMS.fields.find((field) => field.key === key)?.apiName ?? '';

describe("Items: an import's batch way and createItem / updateItem end every row alike", async () => {
  const { db } = await useTestDatabase();
  const [admin] = await db
    .insert(user)
    .values({ name: 'Parity admin', email: 'parity@example.com', role: 'admin' })
    .returning({ id: user.id });
  const principal = principalOf({ userId: admin.id, name: 'Parity admin' });
  const [room] = await db
    .insert(warehouse)
    .values(withCodeKey({ code: 'PW', name: 'Parity room' }))
    .returning({ id: warehouse.id });

  async function reset() {
    await db.delete(stockLevel);
    await db.delete(item);
    const items = await db.insert(item).values(withCodeKeys(STORED)).returning({ id: item.id });
    await db.insert(stockLevel).values({ itemId: items[2].id, warehouseId: room.id, quantity: '2' });
  }
  // Everything stored but the id and the times, which differ between the two runs.
  const compared = Object.fromEntries(
    Object.entries(getTableColumns(item)).filter(([key]) => !['id', 'createdAt', 'updatedAt'].includes(key)),
  );
  const stored = () => db.select(compared).from(item).orderBy(item.code);

  async function imported(rows: string[][], chunkRows: number): Promise<Ending[]> {
    const id = await createJob(
      db,
      principal,
      [HEADERS, ...rows],
      { operation: 'upsert' },
      { module: 'Items', find_by: 'Code' },
    );
    await drainJobs(db, { chunkRows });
    return (await rowResults(db, id)).map(({ status, errors }) => ({ status, errors }));
  }

  /**
   * Each row through createItem / updateItem, found by its code as the import finds it; an empty cell sends no value.
   */
  async function oneByOne(rows: string[][]): Promise<Ending[]> {
    const endings: Ending[] = [];
    for (const cells of rows) {
      const values = Object.fromEntries(KEYS.map((key, i) => [key, cells[i] === '' ? undefined : cells[i]]));
      const [target] = await db.select({ id: item.id }).from(item).where(eq(item.code, cells[0].trim()));
      try {
        if (target) await updateItem(db, target.id, values, { userId: admin.id });
        else await createItem(db, values as never, { userId: admin.id });
        endings.push({ status: target ? 'UPDATED' : 'ADDED', errors: [] });
      } catch (error) {
        const blank = blankKeysOf(values, KEYS);
        endings.push({ status: 'SKIPPED', errors: rowErrorsOf(error, columnOf, blank) });
      }
    }
    return endings;
  }

  it('the same outcome per row, refusals with the same code, column and message, and the same items stored', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fileArb, async ({ rows, chunkRows }) => {
        await reset();
        const viaImport = { endings: await imported(rows, chunkRows), items: await stored() };
        await reset();
        const viaLib = { endings: await oneByOne(rows), items: await stored() };
        expect(viaImport).toEqual(viaLib);
        viaLib.endings.forEach((ending) => seen.add(ending.errors[0]?.code ?? ending.status));
      }),
      { numRuns: 30, seed: 18 },
    );
    // The files met both endings and the writer's refusals, among them the unique code and EAN.
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'ADDED',
        'CANNOT_PROCESS',
        'DUPLICATE_DATA',
        'INVALID_DATA',
        'MANDATORY_NOT_FOUND',
        'UPDATED',
      ]),
    );
  });
});
