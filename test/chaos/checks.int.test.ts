// Each chaos check can fail: a small valid history passes them all, and every check reports the state
// a deliberately corrupted row leaves (inside a transaction that is rolled back, so cases stay apart).
import { beforeAll, describe, expect, it } from 'vitest';
import { sql, TransactionRollbackError, type SQL } from 'drizzle-orm';
import { checkStockInvariants } from '@/lib/inventory/invariants';
import { useTestDatabase } from '@/test/db';
import { runChecks, readItemValues, type ItemValues } from './checks';
import { answerCheck } from './checks/answers';
import { History, type Content, type Entry } from './history';
import type { Op } from './operations';
import { countStocktake, importDocuments, writeDocument, writeItemField } from './runner';
import { createWorld, type World } from './world';

const receipt = (date: string, warehouse: 0 | 1, lines: Content['lines']): Content => ({
  kind: 'goods_receipt',
  date,
  warehouse,
  createStock: false,
  lines,
});
const tracked = (item: 0 | 1, serials: string[]) => ({ item, quantity: serials.length, serials });
const cable = (quantity: number) => ({ item: 2 as const, quantity, serials: [] });

describe('chaos checks', async () => {
  const { db } = await useTestDatabase();
  let world: World;
  let itemsBefore: ItemValues;
  const history = new History(0);
  const e: Record<string, Entry> = {};
  const at = (client: number) => ({ world, history, client, step: 0 });

  beforeAll(async () => {
    world = await createWorld(db, 2);
    itemsBefore = await readItemValues(db, world);
  });

  /** Names of the checks that fail on the current state after `corrupt` ran (rolled back afterwards). */
  async function failingAfter(...corrupt: SQL[]): Promise<string[]> {
    let failing: string[] = [];
    await db
      .transaction(async (tx) => {
        for (const statement of corrupt) await tx.execute(statement);
        failing = (await runChecks(tx, world, history.entries, itemsBefore, 2))
          .filter((r) => r.violations.length > 0)
          .map((r) => r.name);
        tx.rollback();
      })
      .catch((error) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
    return failing;
  }

  it('a history without deletes passes every check, gapless numbering included', async () => {
    e.receipt = await writeDocument(at(0), 'core', 'post', {
      content: receipt('2026-03-01', 0, [tracked(0, ['A01', 'A02']), cable(3)]),
    });
    e.issue = await writeDocument(at(1), 'api', 'post', {
      content: {
        kind: 'goods_issue',
        date: '2026-03-02',
        warehouse: 0,
        createStock: false,
        lines: [tracked(0, ['A01'])],
      },
    });
    e.invoice = await writeDocument(at(0), 'core', 'post', {
      content: {
        kind: 'purchase_invoice',
        date: '2026-03-02',
        warehouse: 1,
        createStock: true,
        lines: [tracked(1, ['B01'])],
      },
    });
    e.cables = await writeDocument(at(1), 'core', 'post', { content: receipt('2026-03-03', 0, [cable(2)]) });
    e.transfer = await writeDocument(at(0), 'api', 'post', {
      content: { kind: 'transfer', date: '2026-03-03', warehouse: 1, createStock: false, lines: [tracked(1, ['B01'])] },
    });
    expect(Object.values(e).map((x) => x.outcome.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(await failingAfter()).toEqual([]);
    expect((await checkStockInvariants(db, 'gapless')).filter((r) => r.bad > 0)).toEqual([]);
  });

  it('with deletes, refusals, an import and item updates every chaos check still holds; gapless numbering reports the gap', async () => {
    e.deleted = await writeDocument(at(0), 'core', 'post', {
      content: receipt('2026-03-04', 1, [tracked(0, ['A03'])]),
    });
    e.deletion = await writeDocument(at(1), 'api', 'delete', { content: e.deleted.content!, docId: e.deleted.docId });
    e.refused = await writeDocument(at(0), 'core', 'post', {
      content: {
        kind: 'goods_issue',
        date: '2026-03-05',
        warehouse: 0,
        createStock: false,
        lines: [tracked(0, ['A05'])],
      },
    });
    [e.imported] = await importDocuments(at(1), [receipt('2026-03-05', 0, [tracked(1, ['B02'])])]);
    e.name = await writeItemField(at(0), 0);
    e.price = await writeItemField(at(1), 0);
    expect([e.deletion, e.refused, e.imported, e.name, e.price].map((x) => x.outcome.status)).toEqual([
      'ok',
      'refused',
      'ok',
      'ok',
      'ok',
    ]);
    expect(await failingAfter()).toEqual([]);
    const gapless = (await checkStockInvariants(db, 'gapless')).filter((r) => r.bad > 0);
    expect(gapless.map((r) => [r.name, r.examples[0].key])).toEqual([
      ['document series hold 1 … last_number', 'goods_receipt 2026'],
    ]);
  });

  it('a partner switch is stored when acknowledged and refused at both doors when a return names the document', async () => {
    e.bought = await writeDocument(at(0), 'core', 'post', {
      content: { ...receipt('2026-03-06', 1, [tracked(1, ['B03']), cable(2)]), partner: 1 },
    });
    e.sentBack = await writeDocument(at(1), 'api', 'post', {
      content: {
        kind: 'supplier_return',
        date: '2026-03-06',
        warehouse: 1,
        partner: 1,
        createStock: false,
        lines: [cable(1)],
        returnOfDocId: e.bought.docId,
      },
    });
    const switched = (entry: Entry, partner: 0 | 1) => ({
      content: { ...entry.content!, partner },
      previous: entry.content,
      docId: entry.docId,
    });
    e.switched = await writeDocument(at(0), 'api', 'edit', switched(e.cables, 1));
    e.pinnedCore = await writeDocument(at(0), 'core', 'edit', switched(e.bought, 0));
    e.pinnedApi = await writeDocument(at(1), 'api', 'edit', switched(e.bought, 0));
    e.returnSwitch = await writeDocument(at(1), 'core', 'edit', switched(e.sentBack, 0));
    const answers = [e.bought, e.sentBack, e.switched, e.pinnedCore, e.pinnedApi, e.returnSwitch].map((x) =>
      x.outcome.status === 'ok' ? 'ok' : `${x.outcome.status} ${x.outcome.code}`,
    );
    expect(answers).toEqual(['ok', 'ok', 'ok', 'refused CONFLICT', 'refused CANNOT_PROCESS', 'refused INVALID_DATA']);
    expect(await failingAfter()).toEqual([]);
  });

  it('a count through the records API closes like one through the core; an entry answered with no entry fails', async () => {
    // Step 10 counts on 2026-03-11, after every document above: B03 found where it is, B04 (never received) found new.
    const plan: Extract<Op, { type: 'stocktake' }> = {
      type: 'stocktake',
      warehouse: 1,
      picks: [5, 7],
      count: 5,
      cancel: false,
      door: 'api',
    };
    e.count = await countStocktake({ ...at(1), step: 10 }, plan);
    expect(e.count).toMatchObject({ door: 'api', outcome: { status: 'ok' } });
    const [found] = await db.execute<{ status: string }>(
      sql`select status::text from serial_number where serial = 'B04'`,
    );
    expect(found?.status).toBe('in_stock');
    expect(await failingAfter()).toEqual([]);
    // A key the API does not know: a 401 without an entry is no answer to the scanner, so the count is a failure.
    const stranger = {
      ...at(1),
      world: { ...world, apiKeys: ['nobody', 'nobody'] },
      history: new History(1),
      step: 10,
    };
    const failed = await countStocktake(stranger, plan);
    expect(failed.outcome).toMatchObject({ status: 'failed', code: expect.stringMatching(/^HTTP 401/) });
  });

  const serial = (text: string) => sql`(select id from serial_number where serial = ${text})`;
  const itemId = (i: number) => world.itemIds[i];
  const cases: [string, () => SQL[]][] = [
    [
      '(a) serial movements alternate in, out, in … starting with in',
      () => [sql`delete from serial_movement where serial_id = ${serial('A01')} and direction = 'in'`],
    ],
    [
      '(a) serials leave from the warehouse they arrived in',
      () => [
        sql`update serial_movement set warehouse_id = ${world.warehouseIds[1]} where serial_id = ${serial('A01')} and direction = 'out'`,
      ],
    ],
    [
      '(a) serial movements match their document',
      () => [sql`update serial_movement set document_id = ${e.cables.docId} where serial_id = ${serial('A02')}`],
    ],
    [
      '(a) serial status and warehouse = its last movement',
      () => [sql`update serial_number set warehouse_id = ${world.warehouseIds[1]} where serial = 'A02'`],
    ],
    [
      '(a) transfers go from one warehouse to another',
      () => [
        sql`alter table document drop constraint document_destination_of_transfers`,
        sql`update document set destination_warehouse_id = ${world.warehouseIds[1]} where id = ${e.cables.docId}`,
      ],
    ],
    [
      '(a) no negative stock',
      () => [
        sql`alter table stock_level drop constraint stock_level_not_negative`,
        sql`update stock_level set quantity = -1 where item_id = ${itemId(2)} and warehouse_id = ${world.warehouseIds[0]}`,
      ],
    ],
    [
      // The supplier return of one cable moved before any cable arrived: today's stock is unchanged.
      '(a) no negative stock at any date',
      () => [sql`update document set date = '2000-01-01' where id = ${e.sentBack.docId}`],
    ],
    [
      '(a) stock = receipts − issues',
      () => [sql`update stock_level set quantity = quantity + 1 where item_id = ${itemId(2)}`],
    ],
    [
      '(a) tracked stock = serials in stock',
      () => [sql`update serial_number set status = 'issued' where serial = 'A02'`],
    ],
    ['(a) every document has its lines', () => [sql`delete from document_line where document_id = ${e.cables.docId}`]],
    [
      '(a) every tracked line has its serials',
      () => [
        sql`update document_line set quantity = 3 where document_id = ${e.receipt.docId} and item_id = ${itemId(0)}`,
      ],
    ],
    [
      '(a) every invoice has its stock document',
      () => [sql`update document set stock_document_id = null where id = ${e.invoice.docId}`],
    ],
    [
      '(a) document numbers lie within their series',
      () => [sql`update document set number = 'GR-2026-00999' where id = ${e.cables.docId}`],
    ],
    [
      "(b) document dates never decrease along a serial's movements",
      () => [sql`update document set date = '2026-02-01' where id = ${e.issue.docId}`],
    ],
    [
      '(c) acknowledged document writes are there, acknowledged deletes stay done',
      () => [sql`delete from document where id = ${e.cables.docId}`],
    ],
    [
      '(c) acknowledged document writes are there, acknowledged deletes stay done',
      () => [sql`update document_line set quantity = 5 where document_id = ${e.cables.docId}`],
    ],
    [
      '(c) acknowledged document writes are there, acknowledged deletes stay done',
      () => [
        sql`
      insert into document (id, kind, number, date, warehouse_id, note, created_by) overriding system value
      values (${e.deleted.docId}, 'goods_receipt', ${e.deleted.number}, '2026-03-04', ${world.warehouseIds[1]}, ${e.deleted.marker}, ${world.actor.userId})`,
      ],
    ],
    [
      '(c) acknowledged document writes are there, acknowledged deletes stay done',
      () => [sql`update document set partner_id = ${world.supplierIds[0]} where id = ${e.cables.docId}`],
    ],
    [
      // A refused switch stored with its return's partner too: only the history tells it from a correct state.
      '(c) acknowledged document writes are there, acknowledged deletes stay done',
      () => [
        sql`update document set partner_id = ${world.supplierIds[0]} where id in (${e.bought.docId}, ${e.sentBack.docId})`,
      ],
    ],
    [
      '(c) acknowledged document writes are there, acknowledged deletes stay done',
      () => [
        sql`update document set partner_id = ${world.supplierIds[1]} where id = (select stock_document_id from document where id = ${e.invoice.docId})`,
      ],
    ],
    [
      '(a) returns name the partner of the document they return goods of',
      () => [sql`update document set partner_id = ${world.supplierIds[0]} where id = ${e.sentBack.docId}`],
    ],
    [
      '(c) refused writes left nothing',
      () => [sql`update document set note = ${e.refused.marker} where id = ${e.cables.docId}`],
    ],
    [
      "(c) item fields end with their owner's last acknowledged value (no lost update)",
      () => [sql`update item set purchase_price = 1 where id = ${itemId(0)}`],
    ],
  ];

  it.each(cases.map(([name, corrupt], index) => [`${index + 1}. ${name}`, name, corrupt] as const))(
    '%s fails on a corrupted row',
    async (_, name, corrupt) => {
      expect(await failingAfter(...corrupt())).toContain(name);
    },
  );

  it('(d) fails on an answer that was a raw error', () => {
    const raw: Entry = {
      ...e.refused,
      seq: 99,
      outcome: { status: 'failed', code: '23503', message: 'violates foreign key constraint' },
    };
    expect(answerCheck(history.entries).violations).toEqual([]);
    expect(answerCheck([...history.entries, raw]).violations.map((v) => v.seqs)).toEqual([[99]]);
  });
});
