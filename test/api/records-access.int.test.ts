import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { document, idempotencyKey, item } from '@/db/schema';
import { revokeApiKey } from '@/lib/auth/api-keys';
import { useTestDatabase } from '@/test/db';
import { call, keyFor } from './records-client';

const date = '2026-11-22';

describe('records API: roles, rate limit, idempotency and concurrency', async () => {
  const { db } = await useTestDatabase();
  const admin = await keyFor(db, 'admin');
  const warehouse = await keyFor(db, 'warehouse');
  const accountant = await keyFor(db, 'accountant');
  const receipt = (serials: string[]) => ({
    data: [
      {
        Date: date,
        Warehouse: { Code: 'MAIN' },
        Lines: [{ Item: { Code: 'ACME-1' }, Quantity: serials.length, Serial_Numbers: serials }],
      },
    ],
  });
  const issue = (serials: string[]) => ({
    data: [
      {
        Date: date,
        Warehouse: { Code: 'MAIN' },
        Lines: [{ Item: { Code: 'ACME-1' }, Quantity: serials.length, Serial_Numbers: serials }],
      },
    ],
  });

  beforeAll(async () => {
    await call(admin.key, 'POST', '/crm/v8/Items', {
      data: [
        { Code: 'ACME-1', Name: 'Acme', Track_Serial_Numbers: true },
        { Code: 'CABLE', Name: 'Cable' },
      ],
    });
    await call(admin.key, 'POST', '/crm/v8/Warehouses', { data: [{ Code: 'MAIN', Name: 'Main' }] });
    await call(admin.key, 'POST', '/crm/v8/Partners', { data: [{ Code: 'CUS', Name: 'Customer', Type: 'customer' }] });
  });
  afterEach(() => {
    delete process.env.RECORDS_RATE_LIMIT;
  });

  it('a warehouse key posts receipts but not invoices, and cannot touch the price list', async () => {
    expect((await call(warehouse.key, 'POST', '/crm/v8/Goods_Receipts', receipt(['W-1']))).status).toBe(201);
    const invoice = await call(warehouse.key, 'POST', '/crm/v8/Sales_Invoices', {
      data: [{ Date: date, Partner: { Code: 'CUS' }, Warehouse: { Code: 'MAIN' }, Lines: [] }],
    });
    expect(invoice.status).toBe(403);
    expect(invoice.json).toEqual({
      status: 'error',
      code: 'NO_PERMISSION',
      message: 'The warehouse role may not write Sales_Invoices (needs invoices.write).',
      details: { permission: 'invoices.write' },
    });
    expect((await call(warehouse.key, 'GET', '/crm/v8/Sales_Invoices')).json.code).toBe('NO_PERMISSION');
    expect((await call(warehouse.key, 'PUT', '/crm/v8/Items', { data: [{ id: '1', Name: 'x' }] })).status).toBe(403);
    expect((await call(warehouse.key, 'GET', '/crm/v8/Items')).status).toBe(200);
    expect((await call(warehouse.key, 'GET', '/crm/v8/Serial_Numbers?status=in_stock')).status).toBe(200);
  });

  it('an accountant key writes invoices and partners but no goods documents', async () => {
    expect((await call(accountant.key, 'POST', '/crm/v8/Goods_Receipts', receipt(['A-1']))).status).toBe(403);
    const invoice = await call(accountant.key, 'POST', '/crm/v8/Sales_Invoices', {
      data: [
        {
          Date: date,
          Partner: { Code: 'CUS' },
          Warehouse: { Code: 'MAIN' },
          Create_Stock_Document: false,
          Lines: [{ Item: { Code: 'CABLE' }, Quantity: '1', Unit_Price: '10' }],
        },
      ],
    });
    expect(invoice.status).toBe(201);
    expect(
      (
        await call(accountant.key, 'POST', '/crm/v8/Partners/upsert', {
          data: [{ Code: 'CUS', Name: 'Customer Ltd.', Type: 'customer' }],
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(accountant.key, 'POST', '/crm/v8/Warehouses', { data: [{ Code: 'X', Name: 'X' }] })).status,
    ).toBe(403);
  });

  it('a revoked or missing key gets 401', async () => {
    const gone = await keyFor(db, 'admin');
    await revokeApiKey(db, gone.keyId);
    expect((await call(gone.key, 'GET', '/crm/v8/Items')).json).toMatchObject({
      status: 'error',
      code: 'INVALID_TOKEN',
    });
    expect((await call(null, 'GET', '/crm/v8/Items', undefined, { authorization: 'Basic abc' })).status).toBe(401);
  });

  it('limits requests per key per minute (RECORDS_RATE_LIMIT) with 429 and Retry-After', async () => {
    process.env.RECORDS_RATE_LIMIT = '3';
    // A minute boundary between the calls would open a fresh window; one retry with a fresh key covers it.
    for (let attempt = 0; attempt < 2; attempt++) {
      const limited = await keyFor(db, 'admin');
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof call>> | null = null;
      for (let i = 0; i < 4; i++) {
        last = await call(limited.key, 'GET', '/crm/v8/Items');
        statuses.push(last.status);
      }
      if (statuses[3] !== 429 && attempt === 0) continue;
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(last!.json).toMatchObject({ status: 'error', code: 'TOO_MANY_REQUESTS', details: { limit: 3 } });
      const retryAfter = Number(last!.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(last!.headers.get('x-ratelimit-remaining')).toBe('0');
      break;
    }
    // Another key has its own window.
    const fresh = await call((await keyFor(db, 'admin')).key, 'GET', '/crm/v8/Items');
    expect(fresh.status).toBe(200);
    expect([fresh.headers.get('x-ratelimit-limit'), fresh.headers.get('x-ratelimit-remaining')]).toEqual(['3', '2']);
  });

  it('an Idempotency-Key makes a retry return the first answer without writing twice', async () => {
    const body = { data: [{ Code: 'IDEM-1', Name: 'Once' }] };
    const first = await call(admin.key, 'POST', '/crm/v8/Items', body, { 'Idempotency-Key': 'k-1' });
    const retry = await call(admin.key, 'POST', '/crm/v8/Items', body, { 'Idempotency-Key': 'k-1' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.text).toBe(first.text);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await db.select().from(item).where(eq(item.code, 'IDEM-1'))).toHaveLength(1);
    const other = await call(
      admin.key,
      'POST',
      '/crm/v8/Items',
      { data: [{ Code: 'IDEM-2', Name: 'Other' }] },
      { 'Idempotency-Key': 'k-1' },
    );
    expect(other.status).toBe(422);
    expect(other.json).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: expect.stringContaining('already used for a different request'),
    });
    // Keys belong to one API key: another key may use the same text for its own request.
    const mine = await call(
      accountant.key,
      'POST',
      '/crm/v8/Partners',
      { data: [{ Code: 'IDEM-P', Name: 'P', Type: 'both' }] },
      { 'Idempotency-Key': 'k-1' },
    );
    expect(mine.status).toBe(201);
    expect((await call(admin.key, 'POST', '/crm/v8/Items', body, { 'Idempotency-Key': 'has space' })).status).toBe(400);
  });

  it('a key whose first request never answered (its process died) is taken over after a while, not refused for a day', async () => {
    const body = { data: [{ Code: 'IDEM-DEAD', Name: 'After a crash' }] };
    // A claim left three minutes ago by a process killed mid-request: no answer was ever stored.
    await db.insert(idempotencyKey).values({
      owner: `key:${admin.keyId}`,
      key: 'dead-1',
      requestHash: 'x',
      createdAt: new Date(Date.now() - 3 * 60_000),
    });
    const taken = await call(admin.key, 'POST', '/crm/v8/Items', body, { 'Idempotency-Key': 'dead-1' });
    expect(taken.status).toBe(201);
    expect(await db.select().from(item).where(eq(item.code, 'IDEM-DEAD'))).toHaveLength(1);
    const replayed = await call(admin.key, 'POST', '/crm/v8/Items', body, { 'Idempotency-Key': 'dead-1' });
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
  });

  it('the caller still gets the answer when the database goes away just before it could be stored', async () => {
    // The store of the answer fails as a server shutting down would make it fail (SQLSTATE 57P01).
    await db.execute(sql`create function fail_like_shutdown() returns trigger language plpgsql as
      $$ begin raise exception 'terminating connection due to administrator command' using errcode = '57P01'; end $$`);
    await db.execute(
      sql`create trigger idem_store_fails before update on idempotency_key for each row execute function fail_like_shutdown()`,
    );
    try {
      const answer = await call(
        admin.key,
        'POST',
        '/crm/v8/Items',
        { data: [{ Code: 'IDEM-LOST', Name: 'Saved' }] },
        { 'Idempotency-Key': 'lost-1' },
      );
      expect(answer.status).toBe(201);
      expect(answer.json.data[0]).toMatchObject({ code: 'SUCCESS', status: 'success' });
    } finally {
      await db.execute(sql`drop trigger idem_store_fails on idempotency_key`);
      await db.execute(sql`drop function fail_like_shutdown()`);
    }
    expect(await db.select().from(item).where(eq(item.code, 'IDEM-LOST'))).toHaveLength(1);
    const [claim] = await db.select().from(idempotencyKey).where(eq(idempotencyKey.key, 'lost-1'));
    expect(claim.statusCode).toBeNull(); // unanswered: a retry after IDEMPOTENCY_ABANDONED_AFTER takes it over
  });

  it('replays deletes and refusals too: a retried delete does not turn into a 404', async () => {
    const gr = (await call(admin.key, 'POST', '/crm/v8/Goods_Receipts', receipt(['DEL-9']))).json.data[0].details;
    const first = await call(admin.key, 'DELETE', `/crm/v8/Goods_Receipts/${gr.id}`, undefined, {
      'Idempotency-Key': 'del-1',
    });
    const again = await call(admin.key, 'DELETE', `/crm/v8/Goods_Receipts/${gr.id}`, undefined, {
      'Idempotency-Key': 'del-1',
    });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.json).toEqual(first.json);
  });

  it('concurrent requests with one Idempotency-Key: one write, every caller gets its answer', async () => {
    const body = receipt(['CONC-1', 'CONC-2']);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        call(admin.key, 'POST', '/crm/v8/Goods_Receipts', body, { 'Idempotency-Key': 'conc-1' }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(5);
    const number = answers[0].json.data[0].details.Number;
    expect(await db.select().from(document).where(eq(document.number, number))).toHaveLength(1);
    expect(
      (await call(admin.key, 'GET', '/crm/v8/Serial_Numbers?item=ACME-1&status=in_stock')).json.data.filter(
        (s: { Serial: string }) => s.Serial.startsWith('CONC-'),
      ),
    ).toHaveLength(2);
  });

  it('concurrent API postings of the same serial: one wins, the others get the clear message, never a 500', async () => {
    expect((await call(warehouse.key, 'POST', '/crm/v8/Goods_Receipts', receipt(['HOT-1']))).status).toBe(201);
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () => call(warehouse.key, 'POST', '/crm/v8/Goods_Issues', issue(['HOT-1']))),
    );
    const won = attempts.filter((a) => a.status === 201);
    const lost = attempts.filter((a) => a.status !== 201);
    expect(won).toHaveLength(1);
    const winner = won[0].json.data[0].details.Number;
    for (const a of lost) {
      expect(a.status).toBe(400);
      expect(a.json.data[0]).toMatchObject({
        status: 'error',
        message: `Serial HOT-1 of item ACME-1 is not in stock in warehouse MAIN: already issued by ${winner}.`,
        details: { serials: ['HOT-1'] },
      });
    }
    const receipts = await Promise.all(
      Array.from({ length: 6 }, () => call(warehouse.key, 'POST', '/crm/v8/Goods_Receipts', receipt(['TWIN-1']))),
    );
    expect(receipts.filter((a) => a.status === 201)).toHaveLength(1);
    for (const a of receipts.filter((r) => r.status !== 201))
      expect(a.json.data[0].message).toMatch(/^Serial TWIN-1 of item ACME-1 is already in stock in warehouse MAIN/);
  });
});
