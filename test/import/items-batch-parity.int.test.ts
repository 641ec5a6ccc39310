import { eq, inArray } from 'drizzle-orm';
import { isValid } from 'gtin';
import { describe, expect, it } from 'vitest';
import { item, user } from '@/db/schema';
import { createItem, updateItem } from '@/lib/catalog/items';
import { useTestDatabase } from '@/test/db';
import { drainJobs } from './drain';
import { createJob, principalOf } from './jobs';

// Cases: [key, Unit, Purchase_Price, Sale_Price, VAT_Rate, EAN, Description, Active, Track_Serial_Numbers, Min_Stock].
// The importer writes clean rows with its own batch statements (lib/import/writers/items-batch.ts) for speed,
// beside createItem/updateItem. Whatever path a row takes, the stored item must be the same.
const HEADERS = ['Code', 'Name', 'Unit', 'Purchase_Price', 'Sale_Price', 'VAT_Rate', 'EAN', 'Description', 'Active', 'Track_Serial_Numbers', 'Min_Stock'];
const CASES: string[][] = [
  ['Plain', '', '', '', '', '', '', '', '', ''],
  ['Full', 'box', '12,5', '19.90', '15', '8590000020013', 'A "quoted" description', 'false', 'true', '3.250'],
  ['Zeros', 'kg', '0', '0.0000', '0', '', '', '1', '0', '0'],
  ['Big', 'm', '999999999999999.9999', '1', '100', '12345670', ' spaced ', 'true', '', ''],
];
const keyOf = (code: string) => code.replace(/^(IMP|LIB)-/, '');
const stored = (rows: (typeof item.$inferSelect)[]) => Object.fromEntries(rows.map((r) => [keyOf(r.code), {
  name: r.name, unit: r.unit, purchasePrice: r.purchasePrice, salePrice: r.salePrice, vatRate: r.vatRate, ean: r.ean?.slice(1, -1) ?? null,
  description: r.description, active: r.active, trackSerials: r.trackSerials, minStock: r.minStock,
}]));
/** The EAN with its first digit replaced and the GS1 check digit that then makes it valid. */
function eanStartingWith(digit: string, ean: string): string {
  const body = digit + ean.slice(1, -1);
  return [...'0123456789'].map((check) => body + check).find((candidate) => isValid(candidate))!;
}
/** The same row for both paths; EANs differ in their first (and check) digit only, as they must be unique. */
const row = (prefix: string, eanDigit: string, c: string[]) => [`${prefix}-${c[0]}`, `Item ${c[0]}`, ...c.slice(1, 5), c[5] ? eanStartingWith(eanDigit, c[5]) : '', ...c.slice(6)];
// An empty cell is a key set to undefined, as the importer sends it: updateItem changes only the keys given.
const asInput = (r: string[]) => Object.fromEntries([['code', r[0]], ['name', r[1]], ['unit', r[2]], ['purchasePrice', r[3]], ['salePrice', r[4]],
  ['vatRate', r[5]], ['ean', r[6]], ['description', r[7]], ['active', r[8]], ['trackSerials', r[9]], ['minStock', r[10]]]
  .map(([k, v]) => [k, v === '' ? undefined : v])) as never;

describe('Items: the import batch path stores exactly what createItem / updateItem store', async () => {
  const { db } = await useTestDatabase();
  const [admin] = await db.insert(user).values({ name: 'Parity admin', email: 'parity@example.com', role: 'admin' }).returning({ id: user.id });
  const principal = principalOf({ userId: admin.id, name: 'Parity admin' });

  async function importRows(rows: string[][], operation: 'insert' | 'upsert') {
    await createJob(db, principal, [HEADERS, ...rows], { operation }, { module: { api_name: 'Items' }, ...(operation === 'upsert' ? { find_by: 'Code' } : {}) });
    await drainJobs(db);
  }
  const itemsWithPrefix = async (prefix: string, codes: string[]) =>
    stored(await db.select().from(item).where(inArray(item.code, codes.map((c) => `${prefix}-${c}`))));

  it('inserts', async () => {
    await importRows(CASES.map((c) => row('IMP', '7', c)), 'insert');
    for (const c of CASES) await createItem(db, asInput(row('LIB', '6', c)));
    const codes = CASES.map((c) => c[0]);
    const imported = await itemsWithPrefix('IMP', codes);
    expect(Object.keys(imported)).toHaveLength(CASES.length);
    expect(imported).toEqual(await itemsWithPrefix('LIB', codes));
  });

  it('updates (upsert by Code), including a row that empties optional fields', async () => {
    const changed = CASES.map((c) => [c[0], 'pcs', '1.5', '', '', '', 'changed', 'true', c[8], '']);
    await importRows(changed.map((c) => row('IMP', '7', c)), 'upsert');
    for (const c of changed) {
      const [target] = await db.select({ id: item.id }).from(item).where(eq(item.code, `LIB-${c[0]}`));
      await updateItem(db, target.id, asInput(row('LIB', '6', c)));
    }
    const codes = CASES.map((c) => c[0]);
    expect(await itemsWithPrefix('IMP', codes)).toEqual(await itemsWithPrefix('LIB', codes));
    expect((await itemsWithPrefix('IMP', codes)).Full).toMatchObject({ description: 'changed', purchasePrice: '1.5000', ean: null, minStock: null });
  });
});
