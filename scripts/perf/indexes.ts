// npm run perf:indexes — why each secondary index of the big tables exists, shown by EXPLAIN (ANALYZE, BUFFERS) on the
// large data set (npm run seed:large; PG_DATA_DIR / PG_PORT / DATABASE_URL choose which): for every index, the
// query of the app it serves, with values taken from the data, whether the plan uses the index, its time and the
// pages it touched. Exits non-zero when a query no longer uses its index (a plan that changed with the data), or sorts
// where the index is there to give the order (IndexCase.inOrder).
import type postgres from 'postgres';
import { startEmbeddedPostgres } from '@/db/embedded/server';
import { describeData, machineLoad, openDb, perfEnv } from './server';
import { INDEX_CASES, type Samples } from './index-cases';

const env = perfEnv();
if (!process.env.DATABASE_URL) {
  await startEmbeddedPostgres({
    dataDir: env.pgDataDir,
    port: env.pgPort,
    password: process.env.PG_PASSWORD ?? 'serialstock-local',
    log: () => {},
  });
}
const db = openDb(env);
let exitCode = 0;
try {
  console.log(`[indexes] ${await describeData(db)}; ${machineLoad()}`);
  const samples = await samplesFrom(db);
  console.log(row(['index', 'serves', 'used', 'ms (best of 3)', 'pages hit/read']));
  for (const c of INDEX_CASES) {
    const runs = [];
    for (let run = 0; run < 3; run++) runs.push(await explain(db, c.query(samples)));
    const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    const used = best.indexes.includes(c.index);
    const sorts = c.inOrder && best.sorts.length > 0;
    if (!used || sorts) exitCode = 1;
    console.log(
      row([
        c.index,
        c.serves,
        !used ? `NO (${best.indexes.join(', ') || 'no index'})` : sorts ? `NO: ${best.sorts.join(', ')}` : 'yes',
        best.ms.toFixed(2),
        `${best.hit}/${best.read}`,
      ]),
    );
  }
  console.log(`[indexes] done; ${machineLoad()}`);
} catch (error) {
  console.error('[indexes] failed:', error);
  exitCode = 1;
} finally {
  await db.end();
}
process.exit(exitCode);

type PlanNode = {
  'Node Type': string;
  'Index Name'?: string;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
};

async function explain(db: postgres.Sql, query: string) {
  const [row] = await db.unsafe(`explain (analyze, buffers, format json) ${query}`);
  const [result] = row['QUERY PLAN'] as [{ Plan: PlanNode; 'Execution Time': number; 'Planning Time': number }];
  const indexes = new Set<string>();
  const sorts: string[] = [];
  const walk = (node: PlanNode) => {
    if (node['Index Name']) indexes.add(node['Index Name']);
    if (node['Node Type'].endsWith('Sort')) sorts.push(node['Node Type']);
    node.Plans?.forEach(walk);
  };
  walk(result.Plan);
  return {
    ms: result['Execution Time'] + result['Planning Time'],
    indexes: [...indexes],
    sorts,
    hit: result.Plan['Shared Hit Blocks'] ?? 0,
    read: result.Plan['Shared Read Blocks'] ?? 0,
  };
}

/** Values the queries look for, taken from the data so they find something (ids, keys, a partner with documents). */
async function samplesFrom(db: postgres.Sql): Promise<Samples> {
  const one = async (query: string) => {
    const [row] = await db.unsafe(query);
    if (!row) throw new Error(`no sample for: ${query}`);
    return String(row.v);
  };
  const serialId = await one(`select id as v from serial_number order by id limit 1 offset 5000`);
  const [serial] = await db.unsafe(
    `select item_id::text as item, warehouse_id::text as warehouse, serial_key as key from serial_number where id = ${serialId}`,
  );
  const itemKeys = await db.unsafe(
    `select serial_key as v from serial_number where item_id = ${serial.item} order by id limit 1000`,
  );
  return {
    serialId,
    serialKey: String(serial.key),
    itemKeys: itemKeys.map((r) => String(r.v)),
    itemId: String(serial.item),
    warehouseId: String(serial.warehouse),
    documentId: await one(`select id as v from document where kind = 'goods_receipt' order by id limit 1 offset 1000`),
    documentNumber: await one(`select number as v from document order by id limit 1 offset 1000`),
    invoiceId: await one(
      `select id as v from document where kind = 'sales_invoice' and stock_document_id is not null order by id limit 1 offset 100`,
    ),
    lineId: await one(`select received_line_id as v from serial_number where id = ${serialId}`),
    partnerId: await one(
      `select partner_id as v from document where partner_id is not null order by id limit 1 offset 1000`,
    ),
    itemCodeKey: await one(`select code_key as v from item order by id limit 1 offset 777`),
    itemName: await one(
      `select split_part(name, ' ', 2) || ' ' || split_part(name, ' ', 3) as v from item order by id limit 1 offset 777`,
    ),
    ean: await one(`select coalesce(max(ean), '0000000000000') as v from item`),
    busiestReceiptDate: await one(
      `select date::text as v from document where kind = 'goods_receipt' group by date order by count(*) desc limit 1`,
    ),
  };
}

function row(cells: string[]): string {
  const widths = [52, 62, 28, 15, 14];
  return cells.map((c, i) => c.padEnd(widths[i])).join(' ');
}
