import { beforeAll, describe, expect, it } from 'vitest';
import { partner } from '@/db/schema';
import { withCodeKeys } from '@/lib/catalog/code-key';
import { checkStockInvariants } from '@/lib/inventory/invariants';
import { postDocument } from '@/lib/inventory/post';
import { call, keyFor as recordsKeyFor } from '@/test/api/records-client';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { apiCaller, keyFor, type Caller } from './api';
import { documentState, runDocumentFile, verdict, type DocumentJob } from './document-files';

type World = Awaited<ReturnType<typeof seedWorld>>;
const day = '2026-03-02';
const LINES = ['Item', 'Quantity', 'Unit_Price', 'Serial_Numbers'];

/**
 * An update or upsert of documents finds each by find_by and changes it through the form's own edit
 * (patchDocument → the core's updateDocument path): header columns replace the document's, any line
 * column replaces all its lines, a refusal leaves the document as it was.
 */
describe('updating documents by find_by', async () => {
  const { db } = await useTestDatabase();
  let w: World;
  let api: Caller;
  let supplier2: bigint;
  beforeAll(async () => {
    w = await seedWorld(db);
    api = apiCaller((await keyFor(db, 'admin')).key);
    [{ id: supplier2 }] = await db
      .insert(partner)
      .values(withCodeKeys([{ code: 'SUP2', name: 'Second supplier', type: 'supplier' as const }]))
      .returning({ id: partner.id });
  });

  /** A receipt of two tracked units (10 each) and 3 m of cable (2 each), with an external number. */
  const receive = (externalNumber: string, serials: string[], extra: { partnerId?: bigint; note?: string } = {}) =>
    postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: day,
        warehouseId: w.main,
        externalNumber,
        partnerId: extra.partnerId ?? w.supplier,
        note: extra.note ?? '',
        lines: [
          { itemId: w.tracked, quantity: String(serials.length), unitPrice: '10', serials },
          { itemId: w.plain, quantity: '3', unitPrice: '2' },
        ],
      },
      w.actor,
    );
  const run = (rows: string[][], job: DocumentJob) => runDocumentFile(db, api, rows, job);
  const byExternal = { operation: 'update', findBy: 'External_Number' } as const;

  it('by External_Number, a header-only change keeps the lines and serials', async () => {
    const gr = await receive('UPD-1', ['UA-1', 'UA-2']);
    const before = await documentState(db, gr.id);
    const rows = await run(
      [
        ['Number', 'Note'],
        ['UPD-1', 'checked'],
      ],
      byExternal,
    );
    expect(rows.map(verdict)).toEqual([['UPDATED', '', String(gr.id)]]);
    expect(await documentState(db, gr.id)).toEqual({ ...before, note: 'checked', version: 2 });
  });

  it('by Number, the file\u2019s lines replace the document\u2019s: a serial swapped, a quantity and prices changed', async () => {
    const gr = await receive('UPD-2', ['UB-1', 'UB-2']);
    const rows = await run(
      [
        ['Number', ...LINES],
        [gr.number, 'ACME-1', '1', '11', 'UB-1'],
        [gr.number, 'ACME-1', '1', '11', 'UB-3'],
        [gr.number, 'CABLE', '5', '2', ''],
      ],
      { operation: 'update', findBy: 'Number' },
    );
    expect(rows.map(verdict)).toEqual(Array(3).fill(['UPDATED', '', String(gr.id)]));
    expect(await documentState(db, gr.id)).toMatchObject({
      externalNumber: 'UPD-2',
      lines: [
        { item: 'ACME-1', quantity: '2.000', unitPrice: '11.0000', serials: ['UB-1', 'UB-3'] },
        { item: 'CABLE', quantity: '5.000', unitPrice: '2.0000', serials: [] },
      ],
    });
    expect((await checkStockInvariants(db, 'within-series')).filter((c) => c.bad > 0)).toEqual([]);
  });

  it('on a receipt whose serial was issued later, corrects the note and prices but refuses a line change, naming the issue', async () => {
    const gr = await receive('UPD-P', ['UP-1', 'UP-2']);
    const gi = await postDocument(
      db,
      {
        kind: 'goods_issue',
        date: day,
        warehouseId: w.main,
        lines: [{ itemId: w.tracked, quantity: '1', serials: ['UP-2'] }],
      },
      w.actor,
    );
    const headers = ['Number', 'Note', ...LINES];
    const priced = await run(
      [headers, ['UPD-P', 'priced', 'ACME-1', '2', '12.5', 'UP-1;UP-2'], ['UPD-P', 'priced', 'CABLE', '3', '2', '']],
      byExternal,
    );
    expect(priced.map(verdict)).toEqual(Array(2).fill(['UPDATED', '', String(gr.id)]));
    const corrected = await documentState(db, gr.id);
    expect(corrected).toMatchObject({
      note: 'priced',
      lines: [{ unitPrice: '12.5000', serials: ['UP-1', 'UP-2'] }, { unitPrice: '2.0000' }],
    });

    const swapped = await run(
      [headers, ['UPD-P', 'swapped', 'ACME-1', '2', '12.5', 'UP-1;UP-3'], ['UPD-P', 'swapped', 'CABLE', '3', '2', '']],
      byExternal,
    );
    expect(swapped.map(verdict)).toEqual([
      ['SKIPPED', 'CANNOT_PROCESS-Serial_Numbers', String(gr.id)],
      ['SKIPPED', 'CANNOT_PROCESS', String(gr.id)],
    ]);
    expect(swapped[0].ERROR_MESSAGE).toContain(
      `serial UP-2 was issued later by ${gi.number}; change or delete ${gi.number} first.`,
    );
    expect(swapped[1].ERROR_MESSAGE).toContain('Document UPD-P was not updated:');
    expect(await documentState(db, gr.id)).toEqual(corrected);
    // The records API answers the same change with the same code, pointing at the same field.
    const viaApi = await call((await recordsKeyFor(db, 'admin')).key, 'PUT', `/crm/v8/Goods_Receipts/${gr.id}`, {
      data: [
        {
          Lines: [
            { Item: { Code: 'ACME-1' }, Quantity: '2', Unit_Price: '12.5', Serial_Numbers: ['UP-1', 'UP-3'] },
            { Item: { Code: 'CABLE' }, Quantity: '3', Unit_Price: '2' },
          ],
        },
      ],
    });
    expect([viaApi.json.data[0].code, viaApi.json.data[0].details.api_name]).toEqual([
      'CANNOT_PROCESS',
      'Serial_Numbers',
    ]);
  });

  it('upserts: documents found are updated, the others inserted, nothing doubled', async () => {
    const gr = await receive('UPS-1', ['UU-1', 'UU-2']);
    const headers = ['Number', 'Date', 'Partner', 'Warehouse', 'Note', ...LINES];
    const rows = await run(
      [
        headers,
        ['UPS-1', day, 'SUP', 'MAIN', 'upserted', 'ACME-1', '2', '10', 'UU-1;UU-2'],
        ['UPS-1', day, 'SUP', 'MAIN', 'upserted', 'CABLE', '3', '2', ''],
        ['UPS-NEW', day, 'SUP', 'MAIN', 'new', 'CABLE', '4', '2', ''],
      ],
      { operation: 'upsert', findBy: 'External_Number' },
    );
    expect(rows.slice(0, 2).map(verdict)).toEqual(Array(2).fill(['UPDATED', '', String(gr.id)]));
    expect(rows[2].STATUS).toBe('ADDED');
    expect((await documentState(db, gr.id)).note).toBe('upserted');
    expect(await documentState(db, BigInt(rows[2].RECORD_ID))).toMatchObject({
      externalNumber: 'UPS-NEW',
      note: 'new',
    });
  });

  it('with ignore_empty an empty cell leaves its field as it is; without, it clears it', async () => {
    const gr = await receive('UPD-E', ['UE-1'], { note: 'keep me' });
    const file = [
      ['Number', 'Note', 'Partner'],
      ['UPD-E', '', ''],
    ];
    expect((await run(file, { ...byExternal, ignoreEmpty: true })).map(verdict)).toEqual([
      ['UPDATED', '', String(gr.id)],
    ]);
    expect(await documentState(db, gr.id)).toMatchObject({ note: 'keep me', partnerId: w.supplier });
    expect((await run(file, byExternal)).map(verdict)).toEqual([['UPDATED', '', String(gr.id)]]);
    expect(await documentState(db, gr.id)).toMatchObject({ note: '', partnerId: null });
  });

  it('refuses an External_Number two partners share unless the row gives the Partner', async () => {
    const a = await receive('DL-7', ['UD-1']);
    const b = await receive('dl-7', ['UD-2'], { partnerId: supplier2 });
    const ambiguous = await run(
      [
        ['Number', 'Note'],
        ['DL-7', 'which?'],
      ],
      byExternal,
    );
    expect(ambiguous.map(verdict)).toEqual([['SKIPPED', 'MANDATORY_NOT_FOUND-Partner', '']]);
    expect(ambiguous[0].ERROR_MESSAGE).toBe(
      `External_Number DL-7 names 2 goods receipts (${a.number} from SUP, ${b.number} from SUP2): give the Partner to say which.`,
    );
    const chosen = await run(
      [
        ['Number', 'Partner', 'Note'],
        ['DL-7', 'SUP2', 'for SUP2'],
      ],
      byExternal,
    );
    expect(chosen.map(verdict)).toEqual([['UPDATED', '', String(b.id)]]);
    expect([(await documentState(db, a.id)).note, (await documentState(db, b.id)).note]).toEqual(['', 'for SUP2']);
  });

  it('answers RESOURCE_NOT_FOUND on every row of a document it cannot find', async () => {
    const byNumber = await run(
      [
        ['Number', 'Note'],
        ['GR-2026-99999', 'x'],
        ['GR-2026-99999', 'x'],
      ],
      { operation: 'update', findBy: 'Number' },
    );
    expect(byNumber.map(verdict)).toEqual(Array(2).fill(['SKIPPED', 'RESOURCE_NOT_FOUND-Number', '']));
    expect(byNumber[0].ERROR_MESSAGE).toBe('No goods receipt has Number GR-2026-99999.');
    await receive('UPD-N', ['UN-1']);
    const otherPartner = await run(
      [
        ['Number', 'Partner', 'Note'],
        ['UPD-N', 'SUP2', 'x'],
      ],
      byExternal,
    );
    expect(otherPartner.map(verdict)).toEqual([['SKIPPED', 'RESOURCE_NOT_FOUND-External_Number', '']]);
    expect(otherPartner[0].ERROR_MESSAGE).toMatch(
      /^No goods receipt of this Partner has External_Number UPD-N \(held by GR-2026-\d+ from SUP\)\.$/,
    );
  });

  it('updates an invoice together with its goods receipt, and refuses the receipt the invoice owns', async () => {
    const pi = await postDocument(
      db,
      {
        kind: 'purchase_invoice',
        date: day,
        warehouseId: w.main,
        partnerId: w.supplier,
        externalNumber: 'INV-1',
        lines: [{ itemId: w.tracked, quantity: '1', unitPrice: '100', serials: ['UI-1'] }],
      },
      w.actor,
    );
    const rows = await run(
      [
        ['Number', ...LINES],
        ['INV-1', 'ACME-1', '1', '95', 'UI-1'],
      ],
      { ...byExternal, module: 'Purchase_Invoices' },
    );
    expect(rows.map(verdict)).toEqual([['UPDATED', '', String(pi.id)]]);
    expect((await documentState(db, pi.id)).lines).toEqual([
      { item: 'ACME-1', quantity: '1.000', unitPrice: '95.0000', serials: ['UI-1'] },
    ]);
    const owned = await run(
      [
        ['Number', 'Note'],
        [pi.stockDocument!.number, 'mine'],
      ],
      { operation: 'update', findBy: 'Number' },
    );
    expect(owned.map(verdict)).toEqual([['SKIPPED', 'CANNOT_PROCESS', String(pi.stockDocument!.id)]]);
    expect(owned[0].ERROR_MESSAGE).toContain(`was created by ${pi.number}; change or delete the invoice instead.`);
  });

  it('a dry run reports what the real run does, and writes nothing', async () => {
    const gr = await receive('UPD-D', ['UDR-1', 'UDR-2']);
    const before = await documentState(db, gr.id);
    const file = [
      ['Number', 'Date', 'Warehouse', 'Note', ...LINES],
      ['UPD-D', day, 'MAIN', 'dry', 'ACME-1', '2', '10', 'UDR-1;UDR-3'],
      ['UPD-D', day, 'MAIN', 'dry', 'CABLE', '3', '2', ''],
      ['UPD-D2', day, 'MAIN', 'new', 'CABLE', '1', '2', ''],
      ['UPD-D3', day, 'MAIN', 'bad', 'NO-SUCH-ITEM', '1', '2', ''],
    ];
    const upsert = { operation: 'upsert', findBy: 'External_Number' } as const;
    const dry = await run(file, { ...upsert, dryRun: true });
    expect(await documentState(db, gr.id)).toEqual(before);
    const real = await run(file, upsert);
    expect(real.map(verdict)).toEqual([
      ['UPDATED', '', String(gr.id)],
      ['UPDATED', '', String(gr.id)],
      ['ADDED', '', real[2].RECORD_ID],
      ['SKIPPED', 'RESOURCE_NOT_FOUND-Item', ''],
    ]);
    // A dry run keeps no id of a document it would have added.
    expect(dry.map(verdict)).toEqual(
      real.map((row) => verdict(row.STATUS === 'ADDED' ? { ...row, RECORD_ID: '' } : row)),
    );
    expect((await documentState(db, gr.id)).lines[0].serials).toEqual(['UDR-1', 'UDR-3']);
  });
});
