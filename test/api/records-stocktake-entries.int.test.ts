import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDb } from '@/db/client';
import { warehouse } from '@/db/schema';
import { withCodeKeys } from '@/lib/catalog/code-key';
import { isDomainError } from '@/lib/errors';
import { checkStockInvariants } from '@/lib/inventory/invariants';
import { postDocument } from '@/lib/inventory/post';
import { closeStocktake } from '@/lib/inventory/stocktake/close';
import { cancelStocktake, openStocktake } from '@/lib/inventory/stocktake/open';
import { adjustmentPlan, planDigest } from '@/lib/inventory/stocktake/plan';
import { rows } from '@/lib/sql-rows';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { call, keyFor } from './records-client';

type World = Awaited<ReturnType<typeof seedWorld>>;
const day = '2026-06-10';

/** Scans and counts into an open count through the records API: the count page's and the importer's row function. */
describe('records API: Stocktake_Entries', async () => {
  const { db, url } = await useTestDatabase();
  let w: World;
  let admin: Awaited<ReturnType<typeof keyFor>>;
  let warehouses = 0;
  beforeAll(async () => {
    w = await seedWorld(db);
    admin = await keyFor(db, 'warehouse');
  });
  const post = (...records: unknown[]) => call(admin.key, 'POST', '/crm/v8/Stocktake_Entries', { data: records });

  /** A warehouse of its own with these serials of ACME-1 in stock, and an open count of it. */
  async function countWith(serials: string[]) {
    const code = `STE${++warehouses}`;
    const [row] = await db
      .insert(warehouse)
      .values(withCodeKeys([{ code, name: code }]))
      .returning({ id: warehouse.id });
    if (serials.length > 0) {
      const lines = [{ itemId: w.tracked, quantity: String(serials.length), serials }];
      await postDocument(db, { kind: 'goods_receipt', date: day, warehouseId: row.id, lines }, w.actor);
    }
    return { warehouseId: row.id, ...(await openStocktake(db, { date: day, warehouseId: row.id }, w.actor)) };
  }
  const scans = async (stocktakeId: bigint) =>
    (
      await rows<{ serial: string }>(
        db,
        sql`select serial from stocktake_scan where stocktake_id = ${stocktakeId} order by id`,
      )
    ).map((r) => r.serial);

  it('adds scans and counts, answering the count they went into and what each serial was', async () => {
    const st = await countWith(['E-1']);
    const r = await post(
      { Stocktake: { Number: st.number }, Serial_Number: 'E-1' },
      { Stocktake: { id: String(st.id) }, Serial_Number: 'E-NEW', Item: { Code: 'ACME-1' } },
      { Stocktake: { Number: st.number }, Item: { Code: 'CABLE' }, Quantity: '4' },
    );
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.data.map((d: { details: unknown }) => d.details)).toEqual([
      expect.objectContaining({
        id: String(st.id),
        Number: st.number,
        Finding: 'expected',
        Feedback: 'E-1: found, in stock here.',
      }),
      expect.objectContaining({ Finding: 'unknown', Feedback: 'E-NEW: unknown serial; closing receives it as new.' }),
      expect.objectContaining({ Finding: null, Feedback: 'CABLE: counted 4.' }),
    ]);
    expect(await scans(st.id)).toEqual(['E-1', 'E-NEW']);
    // Reads list the count; the entry fields are write-only.
    const read = (await call(admin.key, 'GET', `/crm/v8/Stocktake_Entries/${st.id}`)).json.data[0];
    expect(read).toMatchObject({ id: String(st.id), Number: st.number, Status: 'open' });
    expect(Object.keys(read)).not.toContain('Serial_Number');
    await cancelStocktake(db, st.id, w.actor);
  });

  it('answers a refused entry with the importer code on the field at fault', async () => {
    const st = await countWith(['F-1']);
    const cancelled = await countWith([]);
    await cancelStocktake(db, cancelled.id, w.actor);
    const r = await post(
      { Stocktake: { Number: st.number }, Serial_Number: 'F-1' },
      { Stocktake: { Number: st.number }, Serial_Number: 'f-1' },
      { Stocktake: { Number: st.number }, Serial_Number: 'F-UNKNOWN' },
      { Stocktake: { Number: cancelled.number }, Serial_Number: 'F-1' },
      { Serial_Number: 'F-1' },
      { Stocktake: { Number: 'ST-2099-99999' }, Serial_Number: 'F-1' },
      { Stocktake: { Number: st.number }, Item: { Code: 'NOPE' }, Quantity: '1' },
      { Stocktake: { Number: st.number }, Item: { Code: 'CABLE' }, Quantity: '-1' },
      { Stocktake: { Number: st.number } },
      { Stocktake: { Number: st.number }, Item: 'CABLE', Quantity: '1' },
    );
    expect(r.status).toBe(207);
    const answers = r.json.data.map((d: { code: string; details: { api_name?: string } }) => [
      d.code,
      d.details.api_name,
    ]);
    expect(answers).toEqual([
      ['SUCCESS', undefined],
      ['DUPLICATE_DATA', 'Serial_Number'],
      ['INVALID_DATA', 'Serial_Number'],
      ['CANNOT_PROCESS', 'Stocktake'],
      ['MANDATORY_NOT_FOUND', 'Stocktake'],
      ['RESOURCE_NOT_FOUND', 'Stocktake'],
      ['INVALID_DATA', 'Item'],
      ['INVALID_DATA', 'Quantity'],
      ['MANDATORY_NOT_FOUND', 'Serial_Number'],
      ['INVALID_DATA', 'Item'],
    ]);
    expect(r.json.data[1].message).toMatch(/^f-1 was already scanned by .+ at \d\d:\d\d:\d\d; counted once\.$/);
    expect(r.json.data[1].details.id).toBe(String(st.id));
    expect(r.json.data[2].message).toBe('F-UNKNOWN is not a known serial: choose its item to record it as found.');
    expect(r.json.data[3].message).toBe(`Stocktake ${cancelled.number} is cancelled; it can no longer change.`);
    expect(await scans(st.id)).toEqual(['F-1']);
    await cancelStocktake(db, st.id, w.actor);
  });

  it('takes entries from roles that may scan, and only inserts', async () => {
    const st = await countWith([]);
    const accountant = await keyFor(db, 'accountant');
    const entry = { data: [{ Stocktake: { Number: st.number }, Item: { Code: 'CABLE' }, Quantity: '1' }] };
    const refused = await call(accountant.key, 'POST', '/crm/v8/Stocktake_Entries', entry);
    expect(refused).toMatchObject({ status: 403, json: { code: 'NO_PERMISSION' } });
    expect((await call(admin.key, 'PUT', '/crm/v8/Stocktake_Entries', entry)).status).toBe(405);
    expect((await call(admin.key, 'DELETE', `/crm/v8/Stocktake_Entries?ids=${st.id}`)).status).toBe(405);
    await cancelStocktake(db, st.id, w.actor);
  });

  it('an API scan racing the close of its count: the count lock lets exactly one of them win', async () => {
    const pool = createDb(url, 4);
    const outcomes: string[] = [];
    const CLOSE_DELAYS_MS = [0, 40, 5, 60, 20, 80];
    try {
      for (let round = 0; round < CLOSE_DELAYS_MS.length; round++) {
        const st = await countWith([`RC-${round}`]);
        const scope = { id: st.id, warehouseId: st.warehouseId, itemIds: [] };
        // The confirmation showed the plan without the scan: the serial missing, nothing unknown.
        const digest = planDigest(await adjustmentPlan(db, scope, false));
        const unknown = `RU-${round}`;
        // The API request does more before it locks (key, rate limit, lookups), so the close starts later by turns.
        const [closed, scanned] = await Promise.all([
          new Promise((resolve) => setTimeout(resolve, CLOSE_DELAYS_MS[round]))
            .then(() => closeStocktake(pool.db, st.id, { date: day, reason: 'Race', digest }, w.actor))
            .then(
              () => true,
              (e: unknown) => {
                if (!isDomainError(e)) throw e;
                return false;
              },
            ),
          post({ Stocktake: { Number: st.number }, Serial_Number: unknown, Item: { Code: 'ACME-1' } }),
        ]);
        const entry = scanned.json.data[0];
        outcomes.push(`${closed ? 'close' : '-'}/${entry.code}`);
        // A scan that went in changed the differences, so the close must have been refused; a close that went
        // first leaves the count closed, and the scan is refused.
        if (entry.code === 'SUCCESS') {
          expect(closed, outcomes.join(' ')).toBe(false);
          expect(await scans(st.id)).toEqual([unknown]);
        } else {
          expect(entry, outcomes.join(' ')).toMatchObject({
            code: 'CANNOT_PROCESS',
            details: { api_name: 'Stocktake' },
          });
          expect(closed).toBe(true);
          expect(await scans(st.id)).toEqual([]);
        }
        expect((await checkStockInvariants(db, 'within-series')).filter((c) => c.bad > 0)).toEqual([]);
        if (!closed) await cancelStocktake(db, st.id, w.actor);
      }
    } finally {
      await pool.sql.end();
    }
  });
});
