import type { Request as CannonRequest } from 'autocannon';
import type postgres from 'postgres';
import { DOCUMENT_SHARE, navigation } from './browser-reads';

/**
 * What one traffic class saw: its own latencies (autocannon has no p95) and every answer sorted into outcome buckets.
 */
export class Tally {
  latencies: number[] = [];
  /** The same latencies by request kind, where a class sends more than one (reads: documents and navigations). */
  byKind = new Map<string, number[]>();
  ok = 0;
  refused = 0;
  unexpected = new Map<string, number>();
  samples: string[] = [];
  record(started: number | undefined, outcome: 'ok' | 'refused' | string, kind?: string) {
    if (started !== undefined) {
      const latency = performance.now() - started;
      this.latencies.push(latency);
      if (kind) (this.byKind.get(kind) ?? this.byKind.set(kind, []).get(kind)!).push(latency);
    }
    if (outcome === 'ok') this.ok++;
    else if (outcome === 'refused') this.refused++;
    else this.unexpected.set(outcome, (this.unexpected.get(outcome) ?? 0) + 1);
  }
  sample(text: string) {
    if (this.samples.length < 5) this.samples.push(text.slice(0, 300));
  }
}

type Ctx = Record<string, unknown>;
export type Fixtures = {
  cookies: string[];
  postKeys: string[];
  importKeys: string[];
  readUrls: string[];
  tracked: string[];
  plain: string[];
  suppliers: string[];
  customers: string[];
  existingCodes: string[];
  /** The `_rsc` parameter of a navigation by the page it comes from (browser-reads.ts); filled in by the warm-up. */
  rscHashes: Map<string, string>;
};
const WAREHOUSES = ['MAIN', 'STORE', 'EAST'];
// A refused posting that names a broken business rule (serial not in stock, not enough stock) is expected.
const BUSINESS_CODES = new Set(['CANNOT_PROCESS', 'INVALID_DATA']);
const pickOf = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
let roundRobin = 0;
const next = <T>(list: T[]) => list[roundRobin++ % list.length];
const started = (context: Ctx) => {
  context.started = performance.now();
};

/** autocannon types the per-connection context as `object`; ours is a plain record. */
type Step = Omit<CannonRequest, 'setupRequest' | 'onResponse'> & {
  setupRequest: (req: CannonRequest, context: Ctx) => CannonRequest | undefined;
  onResponse: (status: number, body: string, context: Ctx) => void;
};
const steps = (list: Step[]): CannonRequest[] =>
  list.map((s) => ({
    ...s,
    // A falsy request makes autocannon start the connection's sequence over (used when an upload failed).
    setupRequest: (req, context) => s.setupRequest(req, context as Ctx) as CannonRequest,
    onResponse: (status, body, context) => s.onResponse(status, body, context as Ctx),
  }));

/** Sample ids and codes from the data, so the readers open real detail pages and the writers post real items. */
export async function loadFixtures(
  db: postgres.Sql,
  base: Pick<Fixtures, 'cookies' | 'postKeys' | 'importKeys'>,
): Promise<Fixtures> {
  const list = async (query: string) => (await db.unsafe(query)).map((r) => String(r.v));
  const ids = (table: string, where = 'true') =>
    list(`select id::text as v from ${table} where ${where} order by random() limit 50`);
  const [items, receipts, issues, invoices, serials, prefixes] = await Promise.all([
    ids('item'),
    ids('document', `kind = 'goods_receipt'`),
    ids('document', `kind = 'goods_issue'`),
    ids('document', `kind = 'sales_invoice'`),
    ids('serial_number'),
    list(`select left(serial, 4) as v from serial_number where status = 'in_stock' order by random() limit 20`),
  ]);
  const pages = [
    '/',
    '/items',
    '/partners',
    '/goods-receipts',
    '/goods-issues',
    '/purchase-invoices',
    '/sales-invoices',
    '/serial-numbers',
    '/stock',
  ];
  const readUrls = [
    ...pages,
    ...pages,
    ...items.map((id) => `/items/${id}`),
    ...receipts.map((id) => `/goods-receipts/${id}`),
    ...issues.map((id) => `/goods-issues/${id}`),
    ...invoices.map((id) => `/sales-invoices/${id}`),
    ...serials.map((id) => `/serial-numbers/${id}`),
    ...prefixes.map((p) => `/serial-numbers?q=${p}`),
    '/items?q=Laptop',
    '/stock?q=Monitor',
    '/goods-receipts?sort=number.desc',
  ];
  return {
    ...base,
    readUrls,
    tracked: await list(`select code as v from item where track_serials and active order by random() limit 100`),
    plain: await list(`select i.code as v from item i where not i.track_serials and i.active
      and (select min(quantity) from stock_level sl where sl.item_id = i.id) > 50 and (select count(*) from stock_level sl where sl.item_id = i.id) = 3
      order by random() limit 100`),
    suppliers: await list(
      `select code as v from partner where type in ('supplier', 'both') order by random() limit 50`,
    ),
    customers: await list(
      `select code as v from partner where type in ('customer', 'both') order by random() limit 50`,
    ),
    existingCodes: await list(`select code as v from item where not track_serials order by random() limit 200`),
    rscHashes: new Map(),
  };
}

/**
 * 70 %: list and detail pages of signed-in users (sessions spread over the connections), as a browser asks for them:
 * mostly a click's RSC navigation, one in ten a whole HTML document (browser-reads.ts).
 */
export function readRequests(f: Fixtures, tally: Tally): CannonRequest[] {
  return steps([
    {
      method: 'GET',
      setupRequest: (req, context: Ctx) => {
        started(context);
        const url = pickOf(f.readUrls);
        const cookie = next(f.cookies);
        context.kind = Math.random() < DOCUMENT_SHARE ? 'documents' : 'navigations';
        if (context.kind === 'documents') return { ...req, path: url, headers: { cookie } };
        return { ...req, ...navigation(url, f.rscHashes, cookie) };
      },
      onResponse: (status, body, context: Ctx) => {
        tally.record(context.started as number, status === 200 ? 'ok' : `HTTP ${status}`, context.kind as string);
        if (status !== 200) tally.sample(`${status} ${body}`);
      },
    },
  ]);
}

const today = () => new Date().toISOString().slice(0, 10);
let serialCounter = 0;
const pool: { warehouse: string; item: string; serial: string }[] = [];
const issued: { warehouse: string; item: string; serial: string }[] = [];

/**
 * 25 %: a goods receipt of new serials (unique per run), then a goods issue: usually of serials just
 * received, one in six re-issuing a serial already gone (refusal expected), one in six racing other
 * connections for serials in the shared pool (either outcome is fine; the integrity check decides).
 */
export function postingRequests(f: Fixtures, tally: Tally, runId: string): CannonRequest[] {
  const json = (key: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${key}` });
  let cycle = 0;
  return steps([
    {
      method: 'POST',
      path: '/crm/v8/Goods_Receipts',
      setupRequest: (req, context: Ctx) => {
        const warehouse = pickOf(WAREHOUSES);
        const item = pickOf(f.tracked);
        const serials = Array.from(
          { length: 1 + Math.floor(Math.random() * 5) },
          // Digits only: in base 36 the counter's I and L (and 1, 0 and O) read as one serial (canonical keys), so
          // a receipt holding …I and …L was refused as a duplicate (4 of 28 postings in a cluster run).
          () => `LD${runId}${String(++serialCounter).padStart(8, '0')}`,
        );
        context.received = { warehouse, item, serials };
        const record = {
          Date: today(),
          Warehouse: { Code: warehouse },
          Partner: { Code: pickOf(f.suppliers) },
          Note: 'load test',
          Lines: [
            { Item: { Code: item }, Quantity: String(serials.length), Unit_Price: '100', Serial_Numbers: serials },
            { Item: { Code: pickOf(f.plain) }, Quantity: '5', Unit_Price: '10' },
          ],
        };
        started(context);
        return { ...req, headers: json(next(f.postKeys)), body: JSON.stringify({ data: [record] }) };
      },
      onResponse: (status, body, context: Ctx) => {
        const outcome = postingOutcome(status, body, false);
        tally.record(context.started as number, outcome);
        if (outcome !== 'ok') return tally.sample(`receipt ${status} ${body}`);
        const r = context.received as { warehouse: string; item: string; serials: string[] };
        pool.push(...r.serials.map((serial) => ({ warehouse: r.warehouse, item: r.item, serial })));
      },
    },
    {
      method: 'POST',
      path: '/crm/v8/Goods_Issues',
      setupRequest: (req, context: Ctx) => {
        const mode = ++cycle % 6 === 0 ? 'conflict' : cycle % 6 === 3 ? 'race' : 'own';
        const chosen = chooseSerials(mode, context.received as { warehouse: string; item: string; serials: string[] });
        context.mode = chosen.mode;
        const record = {
          Date: today(),
          Warehouse: { Code: chosen.warehouse },
          Partner: { Code: pickOf(f.customers) },
          Lines: [
            {
              Item: { Code: chosen.item },
              Quantity: String(chosen.serials.length),
              Unit_Price: '150',
              Serial_Numbers: chosen.serials,
            },
            { Item: { Code: pickOf(f.plain) }, Quantity: '1', Unit_Price: '20' },
          ],
        };
        context.issuing = chosen;
        started(context);
        return { ...req, headers: json(next(f.postKeys)), body: JSON.stringify({ data: [record] }) };
      },
      onResponse: (status, body, context: Ctx) => {
        // Any issue may be refused: its own serials can lose a race to another connection's issue.
        const outcome = postingOutcome(status, body, true);
        tally.record(context.started as number, outcome);
        if (outcome === 'ok') {
          const c = context.issuing as { warehouse: string; item: string; serials: string[] };
          issued.push(...c.serials.map((serial) => ({ warehouse: c.warehouse, item: c.item, serial })));
        } else if (outcome !== 'refused') tally.sample(`issue(${String(context.mode)}) ${status} ${body}`);
      },
    },
  ]);
}

function chooseSerials(mode: string, received: { warehouse: string; item: string; serials: string[] } | undefined) {
  if (mode === 'conflict' && issued.length > 0) {
    const gone = pickOf(issued);
    return { mode, warehouse: gone.warehouse, item: gone.item, serials: [gone.serial] };
  }
  if (mode === 'race' && pool.length > 10) {
    // Not removed from the pool: another connection may try the same serial at the same moment.
    const raced = pool[pool.length - 1 - Math.floor(Math.random() * 10)];
    return { mode, warehouse: raced.warehouse, item: raced.item, serials: [raced.serial] };
  }
  if (received) {
    const take = received.serials.slice(0, Math.max(1, received.serials.length - 1));
    for (const serial of take) {
      const at = pool.findIndex((p) => p.serial === serial);
      if (at >= 0) pool.splice(at, 1);
    }
    return { mode: 'own', warehouse: received.warehouse, item: received.item, serials: take };
  }
  return { mode: 'conflict', warehouse: 'MAIN', item: 'NONE', serials: ['NEVER-RECEIVED'] };
}

/** 201: posted. 400 whose every record names a business rule: refused as expected (only where a refusal may happen). */
function postingOutcome(status: number, body: string, refusalExpected: boolean): string {
  if (status === 201) return 'ok';
  if (status >= 500) return `HTTP ${status}`;
  try {
    const entries = (JSON.parse(body) as { data?: { code: string }[] }).data ?? [];
    const business = status === 400 && entries.length > 0 && entries.every((e) => BUSINESS_CODES.has(e.code));
    if (business) return refusalExpected ? 'refused' : `unexpected refusal ${entries[0].code}`;
    return `HTTP ${status} ${entries[0]?.code ?? ''}`.trim();
  } catch {
    return `HTTP ${status} (not JSON)`;
  }
}

/** 5 %: a small CSV price-list upload (10 new items, 10 price changes), then its bulk write job (upsert by Code). */
// Shared by every importer, so each upload's new codes are unique in the run.
let batch = 0;

export function importRequests(f: Fixtures, tally: Tally, runId: string): CannonRequest[] {
  const boundary = 'serialstockLoadBoundary';
  return steps([
    {
      method: 'POST',
      path: '/crm/v8/upload',
      setupRequest: (req, context: Ctx) => {
        const n = ++batch;
        const rows = Array.from({ length: 20 }, (_, i) =>
          i < 10
            ? `LOAD-${runId}-${n}-${i},Load item ${n}/${i},pcs,${10 + i}.50,${20 + i}.90,21`
            : `${pickOf(f.existingCodes)},Repriced item ${n}/${i},pcs,${30 + i}.00,${45 + i}.00,21`,
        );
        const csv = ['Code,Name,Unit,Purchase_Price,Sale_Price,VAT_Rate', ...rows].join('\r\n');
        const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="prices-${n}.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
        started(context);
        return {
          ...req,
          body,
          headers: {
            'content-type': `multipart/form-data; boundary=${boundary}`,
            feature: 'bulk-write',
            authorization: `Bearer ${next(f.importKeys)}`,
          },
        };
      },
      onResponse: (status, body, context: Ctx) => {
        tally.record(context.started as number, status === 200 ? 'ok' : `upload HTTP ${status}`);
        if (status === 200) context.fileId = (JSON.parse(body) as { details: { file_id: string } }).details.file_id;
        else tally.sample(`upload ${status} ${body}`);
      },
    },
    {
      method: 'POST',
      path: '/crm/bulk/v8/write',
      setupRequest: (req, context: Ctx) => {
        if (!context.fileId) return undefined;
        started(context);
        const job = {
          operation: 'upsert',
          resource: [{ type: 'data', module: { api_name: 'Items' }, file_id: context.fileId, find_by: 'Code' }],
        };
        return {
          ...req,
          body: JSON.stringify(job),
          headers: { 'content-type': 'application/json', authorization: `Bearer ${next(f.importKeys)}` },
        };
      },
      onResponse: (status, body, context: Ctx) => {
        // LIMIT_EXCEEDED is the importer's deliberate back-pressure (too many of this user's jobs still waiting): a
        // refusal, not a fault.
        const backPressure = status === 400 && body.includes('"LIMIT_EXCEEDED"');
        tally.record(
          context.started as number,
          status === 201 ? 'ok' : backPressure ? 'refused' : `job HTTP ${status}`,
        );
        if (status !== 201) tally.sample(`job ${status} ${body}`);
      },
    },
  ]);
}
