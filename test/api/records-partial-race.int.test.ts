import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/db';
import { call, keyFor } from './records-client';

const ROUNDS = 12;

/*
 * Zoho's update changes only the fields sent. Two partial updates of one record at once, each sending a
 * different field, must both survive: the record is merged with the request under the row's lock, not
 * before it (where the second writer would write back the first one's stale copy of the other field).
 */
describe('records API: concurrent partial updates of one record', async () => {
  const { db } = await useTestDatabase();
  const admin = await keyFor(db, 'admin');
  const put = (module: string, record: Record<string, unknown>) =>
    call(admin.key, 'PUT', `/crm/v8/${module}`, { data: [record] });
  const get = async (module: string, id: string) =>
    (await call(admin.key, 'GET', `/crm/v8/${module}/${id}`)).json.data[0];

  async function insert(module: string, record: Record<string, unknown>): Promise<string> {
    const r = await call(admin.key, 'POST', `/crm/v8/${module}`, { data: [record] });
    expect(r.status).toBe(201);
    return r.json.data[0].details.id;
  }

  /** Runs both updates at once each round; answers how many rounds lost one of the two changes. */
  async function lostRounds(
    module: string,
    id: string,
    a: (round: number) => Record<string, unknown>,
    b: (round: number) => Record<string, unknown>,
  ) {
    let lost = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const [ra, rb] = await Promise.all([put(module, { id, ...a(round) }), put(module, { id, ...b(round) })]);
      expect([ra.status, rb.status]).toEqual([200, 200]);
      const stored = await get(module, id);
      if (!matches(stored, a(round)) || !matches(stored, b(round))) lost++;
    }
    return lost;
  }

  it('keeps both changes of an item (Name and Purchase_Price)', async () => {
    const id = await insert('Items', { Code: 'RACE-ITEM', Name: 'Start', Purchase_Price: '1' });
    const lost = await lostRounds(
      'Items',
      id,
      (r) => ({ Name: `Name ${r}` }),
      (r) => ({ Purchase_Price: `${r}.5` }),
    );
    expect(lost, `lost one change in ${lost} of ${ROUNDS} rounds`).toBe(0);
  });

  it('keeps both changes of a partner (Name and Email)', async () => {
    const id = await insert('Partners', { Code: 'RACE-PARTNER', Name: 'Start', Type: 'supplier' });
    const lost = await lostRounds(
      'Partners',
      id,
      (r) => ({ Name: `Name ${r}` }),
      (r) => ({ Email: `r${r}@example.com` }),
    );
    expect(lost, `lost one change in ${lost} of ${ROUNDS} rounds`).toBe(0);
  });

  it('keeps both changes of a warehouse (Code and Name)', async () => {
    const id = await insert('Warehouses', { Code: 'RACE-WH', Name: 'Start' });
    const lost = await lostRounds(
      'Warehouses',
      id,
      (r) => ({ Code: `RACE-WH-${r}` }),
      (r) => ({ Name: `Name ${r}` }),
    );
    expect(lost, `lost one change in ${lost} of ${ROUNDS} rounds`).toBe(0);
  });

  it('keeps both changes when one arrives by upsert', async () => {
    const id = await insert('Items', { Code: 'RACE-UPSERT', Name: 'Start', Sale_Price: '1' });
    let lost = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const [ra, rb] = await Promise.all([
        put('Items', { id, Name: `Name ${round}` }),
        call(admin.key, 'POST', '/crm/v8/Items/upsert', { data: [{ Code: 'RACE-UPSERT', Sale_Price: `${round}.25` }] }),
      ]);
      expect([ra.status, rb.status]).toEqual([200, 200]);
      const stored = await get('Items', id);
      if (stored.Name !== `Name ${round}` || stored.Sale_Price !== `${round}.25`) lost++;
    }
    expect(lost, `lost one change in ${lost} of ${ROUNDS} rounds`).toBe(0);
  });
  // A document's merge is made before updateDocument locks it (lib/api/records/write/documents.ts): pinned to the
  // version it read, a merge overtaken by the other update is refused inside and made again.
  it('keeps both changes of a goods receipt (Note and Date)', async () => {
    await insert('Warehouses', { Code: 'RACE-DOC-WH', Name: 'Docs' });
    await insert('Items', { Code: 'RACE-DOC-ITEM', Name: 'Goods' });
    const id = await insert('Goods_Receipts', {
      Date: '2026-01-01',
      Warehouse: { Code: 'RACE-DOC-WH' },
      Lines: [{ Item: { Code: 'RACE-DOC-ITEM' }, Quantity: '3' }],
    });
    const lost = await lostRounds(
      'Goods_Receipts',
      id,
      (r) => ({ Note: `Note ${r}` }),
      (r) => ({ Date: `2026-01-${String(r + 1).padStart(2, '0')}` }),
    );
    expect(lost, `lost one change in ${lost} of ${ROUNDS} rounds`).toBe(0);
  });
});

function matches(stored: Record<string, unknown>, sent: Record<string, unknown>): boolean {
  return Object.entries(sent).every(([key, value]) => stored[key] === value);
}
