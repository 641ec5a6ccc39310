import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { deleteDocument } from '@/lib/inventory/change';
import { postDocument } from '@/lib/inventory/post';
import { labelsForDocument, labelsForSerials } from '@/lib/inventory/queries/labels';
import {
  findSingleSerial,
  getSerial,
  getSerialHistory,
  listSerials,
  parseSerialListParams,
  serialsInStock,
  SERIAL_COUNT_CAP,
} from '@/lib/inventory/queries/serials';

type World = Awaited<ReturnType<typeof seedWorld>>;

describe('serial number queries', async () => {
  const { db } = await useTestDatabase();
  let w: World;
  let gr: Awaited<ReturnType<typeof postDocument>>;
  let si: Awaited<ReturnType<typeof postDocument>>;
  beforeAll(async () => {
    w = await seedWorld(db);
    gr = await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2026-03-01',
        warehouseId: w.main,
        partnerId: w.supplier,
        lines: [{ itemId: w.tracked, quantity: '4', serials: ['AG-1', 'AG-2', 'AG-3', 'ag-4'] }],
      },
      w.actor,
    );
    await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2026-03-02',
        warehouseId: w.shop,
        lines: [{ itemId: w.other, quantity: '1', serials: ['AG-1'] }],
      },
      w.actor,
    );
    si = await postDocument(
      db,
      {
        kind: 'sales_invoice',
        date: '2026-03-03',
        warehouseId: w.main,
        partnerId: w.customer,
        lines: [{ itemId: w.tracked, quantity: '1', unitPrice: '5', serials: ['AG-2'] }],
      },
      w.actor,
    );
    // Received dates are set by the database clock; pin them so the date filter has something to tell apart.
    await db.execute(sql`update serial_number set received_at = '2026-03-01T10:00:00Z' where item_id = ${w.tracked}`);
    await db.execute(sql`update serial_number set received_at = '2026-03-02T23:30:00Z' where item_id = ${w.other}`);
  });
  const serials = async (query: Record<string, string>) =>
    (await listSerials(db, parseSerialListParams(query))).rows.map((r) => `${r.itemCode}:${r.serial}:${r.status}`);

  it('lists serials in stock by default, ordered by serial, with the receipt that brought them', async () => {
    const result = await listSerials(db, parseSerialListParams({}));
    expect(result.total).toBe(4);
    expect(result.capped).toBe(false);
    expect(result.rows.map((r) => r.serial)).toEqual(['AG-1', 'AG-1', 'AG-3', 'ag-4']);
    expect(result.rows.find((r) => r.itemCode === 'ACME-1')).toMatchObject({
      receivedBy: gr.number,
      warehouseCode: 'MAIN',
    });
  });

  it('shows every serial ever known, with status, when asked', async () => {
    expect(await serials({ all: '1', item: 'acme-1' })).toEqual([
      'ACME-1:AG-1:in_stock',
      'ACME-1:AG-2:issued',
      'ACME-1:AG-3:in_stock',
      'ACME-1:ag-4:in_stock',
    ]);
  });

  it('filters by item code, warehouse, received dates and serial text (case-insensitive)', async () => {
    expect(await serials({ item: 'ACME-2' })).toEqual(['ACME-2:AG-1:in_stock']);
    expect(await serials({ warehouse: String(w.shop) })).toEqual(['ACME-2:AG-1:in_stock']);
    expect(await serials({ warehouse: 'nope' })).toEqual([]);
    expect(await serials({ from: '2026-03-02' })).toEqual(['ACME-2:AG-1:in_stock']);
    expect(await serials({ to: '2026-03-01' })).toHaveLength(3);
    expect(await serials({ from: '2026-03-02', to: '2026-03-02' })).toEqual(['ACME-2:AG-1:in_stock']);
    // A prefix match on the canonical key: any case, width or look-alike letter finds the serial.
    const all = ['ACME-1:AG-1:in_stock', 'ACME-2:AG-1:in_stock', 'ACME-1:AG-3:in_stock', 'ACME-1:ag-4:in_stock'];
    expect(await serials({ q: 'ag-4' })).toEqual(['ACME-1:ag-4:in_stock']);
    expect(await serials({ q: 'ＡＧ-４' })).toEqual(['ACME-1:ag-4:in_stock']);
    expect(await serials({ q: 'ag' })).toEqual(all);
    expect(await serials({ q: 'AG-' })).toEqual(all);
    expect(await serials({ q: 'Ag-' })).toHaveLength(4);
    expect(await serials({ q: 'G-' })).toEqual([]);
    expect(await serials({ q: '100%' })).toEqual([]);
  });

  it('finds any part of a serial as it reads, exact and starting matches first, page by page', async () => {
    const gr = await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2026-03-05',
        warehouseId: w.main,
        lines: [{ itemId: w.tracked, quantity: '5', serials: ['UIW-00120', 'UIW-00012', '0012-B', '0012', 'X-9'] }],
      },
      w.actor,
    );
    const found = async (query: Record<string, string>) => (await serials(query)).map((s) => s.split(':')[1]);
    expect(await found({ q: '0012' })).toEqual(['0012', '0012-B', 'UIW-00012', 'UIW-00120']);
    expect(await found({ q: 'oo12' })).toEqual(['0012', '0012-B', 'UIW-00012', 'UIW-00120']); // o reads as 0
    expect(await found({ q: '0012', sort: 'serial.desc' })).toEqual(['0012', '0012-B', 'UIW-00120', 'UIW-00012']);
    expect(await found({ q: '0012', perPage: '10', page: '1', sort: 'receivedAt.desc' })).toEqual([
      '0012',
      '0012-B',
      'UIW-00012',
      'UIW-00120',
    ]);
    expect((await listSerials(db, parseSerialListParams({ q: '0012' }))).total).toBe(4);
    expect(await found({ q: 'W-000' })).toEqual(['UIW-00012']);
    expect(await found({ q: '012' })).toEqual(['0012', '0012-B', 'UIW-00012', 'UIW-00120']); // all contain it: by serial
    // Under three letters or digits in a row, the start of the serial.
    expect(await found({ q: '12' })).toEqual([]);
    expect(await found({ q: 'x-' })).toEqual(['X-9']);
    expect(await findSingleSerial(db, '00120')).not.toBeNull(); // only UIW-00120 contains it
    expect(await findSingleSerial(db, '0012')).not.toBeNull(); // the exact one wins
    expect(await findSingleSerial(db, '012')).toBeNull(); // four contain it
    expect(
      await serialsInStock(db, { itemId: w.tracked, warehouseId: w.main, query: '0012', offset: 0, limit: 10 }),
    ).toEqual({ serials: ['0012', '0012-B', 'UIW-00012', 'UIW-00120'], total: 4 });
    expect(
      await serialsInStock(db, { itemId: w.tracked, warehouseId: w.main, query: '0012', offset: 2, limit: 1 }),
    ).toEqual({ serials: ['UIW-00012'], total: 4 });
    await deleteDocument(db, gr.id, w.actor); // the other tests count what is in stock
  });

  it('reads ranked pages through the indexes: the contains rank by the trigram index, the others by the btree', async () => {
    // A handful of rows here: forbid the sequential scan a tiny table gets, to see which index serves each rank.
    const plan = (query: string) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        const lines = (await tx.execute(sql.raw(`explain ${query}`))) as unknown as { 'QUERY PLAN': string }[];
        return lines.map((r) => r['QUERY PLAN']).join('\n');
      });
    expect(
      await plan(`select id from serial_number s where s.serial_key like '%0012%' and s.serial_key not like '0012%'`),
    ).toContain('serial_number_key_trgm');
    expect(await plan(`select id from serial_number s where s.serial_key like '0012%'`)).toContain(
      'serial_number_key_prefix',
    );
  });

  it('sorts by received date (merged over warehouses and statuses) and by serial, both ways', async () => {
    const newest = await serials({ sort: 'receivedAt.desc' });
    expect(newest[0]).toBe('ACME-2:AG-1:in_stock');
    expect((await serials({ sort: 'receivedAt.asc' })).at(-1)).toBe('ACME-2:AG-1:in_stock');
    expect(await serials({ sort: 'receivedAt.desc', all: '1', perPage: '10', page: '1' })).toHaveLength(5);
    expect(
      (await listSerials(db, parseSerialListParams({ sort: 'receivedAt.asc', perPage: '10', page: '2' }))).rows,
    ).toEqual([]);
    expect(await serials({ sort: 'serial.desc' })).toEqual([
      'ACME-1:ag-4:in_stock',
      'ACME-1:AG-3:in_stock',
      'ACME-2:AG-1:in_stock',
      'ACME-1:AG-1:in_stock',
    ]);
    const pageOne = await listSerials(db, parseSerialListParams({ perPage: '10', all: '1' }));
    expect(pageOne.rows).toHaveLength(5);
  });

  it('stops counting at the cap', async () => {
    await db.execute(sql`insert into serial_number (item_id, serial, serial_key, status, warehouse_id, received_line_id, last_moved_on)
      select ${w.plain}, 'CAP-' || n, 'cap-' || n, 'in_stock', ${w.main}, 0, '2026-03-01' from generate_series(1, ${SERIAL_COUNT_CAP + 50}) n`);
    const result = await listSerials(db, parseSerialListParams({ q: 'CAP-' }));
    expect(result).toMatchObject({ total: SERIAL_COUNT_CAP + 1, capped: true });
    expect(result.rows).toHaveLength(25);
    await db.execute(sql`delete from serial_number where item_id = ${w.plain}`);
  });

  it('reads a serial and its full history, receipt and issue, with partner and user', async () => {
    const [row] = (await listSerials(db, parseSerialListParams({ all: '1', item: 'ACME-1', q: 'AG-2' }))).rows;
    const detail = await getSerial(db, BigInt(row.id));
    expect(detail).toMatchObject({ serial: 'AG-2', status: 'issued', itemCode: 'ACME-1', warehouseCode: 'MAIN' });
    const history = await getSerialHistory(db, BigInt(row.id));
    expect(history.map((m) => [m.direction, m.documentNumber, m.partnerCode, m.createdBy, m.invoiceNumber])).toEqual([
      ['in', gr.number, 'SUP', 'Test Clerk', null],
      ['out', si.stockDocument!.number, 'CUS', 'Test Clerk', si.number],
    ]);
    expect(await getSerial(db, 99999999n)).toBeNull();
  });

  it('finds one serial for the header search, or none when the text is ambiguous', async () => {
    expect(await findSingleSerial(db, 'AG-3')).not.toBeNull();
    expect(await findSingleSerial(db, 'AG-1')).toBeNull(); // two items share the text
    expect(await findSingleSerial(db, 'ag-')).toBeNull(); // AG-1, AG-3 and ag-4 start so
    expect(await findSingleSerial(db, 'ag-3')).not.toBeNull(); // typed in the wrong case
    expect(await findSingleSerial(db, 'ＡＧ-４')).not.toBeNull(); // full width
    expect(await findSingleSerial(db, 'AG')).toBeNull();
    expect(await findSingleSerial(db, 'ZZZ')).toBeNull();
  });

  it('pages the serials in stock of an item in a warehouse, with a prefix search', async () => {
    expect(
      await serialsInStock(db, { itemId: w.tracked, warehouseId: w.main, query: '', offset: 0, limit: 2 }),
    ).toEqual({ serials: ['AG-1', 'AG-3'], total: 3 });
    expect(
      await serialsInStock(db, { itemId: w.tracked, warehouseId: w.main, query: 'ag-', offset: 1, limit: 2 }),
    ).toEqual({ serials: ['AG-3', 'ag-4'], total: 3 });
    expect(
      await serialsInStock(db, { itemId: w.tracked, warehouseId: w.shop, query: '', offset: 0, limit: 2 }),
    ).toEqual({ serials: [], total: 0 });
  });

  it('collects labels for chosen serials and for a receipt (or the receipt an invoice generated)', async () => {
    const { rows } = await listSerials(db, parseSerialListParams({ item: 'ACME-1' }));
    const chosen = await labelsForSerials(db, [BigInt(rows[1].id), BigInt(rows[0].id)]);
    expect(chosen.map((l) => l.serial)).toEqual([rows[1].serial, rows[0].serial]);
    expect(chosen[0]).toMatchObject({ itemCode: 'ACME-1', itemName: 'Acme scanner' });
    const ofReceipt = await labelsForDocument(db, gr.id);
    expect(ofReceipt?.labels.map((l) => l.serial)).toEqual(['AG-1', 'AG-2', 'AG-3', 'ag-4']);
    const pi = await postDocument(
      db,
      {
        kind: 'purchase_invoice',
        date: '2026-03-04',
        warehouseId: w.main,
        partnerId: w.supplier,
        lines: [{ itemId: w.tracked, quantity: '1', unitPrice: '1', serials: ['LBL-1'] }],
      },
      w.actor,
    );
    expect((await labelsForDocument(db, pi.id))?.labels.map((l) => l.serial)).toEqual(['LBL-1']);
    expect(await labelsForDocument(db, 99999999n)).toBeNull();
  });
});
