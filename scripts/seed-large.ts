// npm run seed:large — a realistic large data set (10,000 items, 1,000,000 serial numbers, 200,000 documents;
// `-- --serials 10000000` for ten times as much) for the perf and load scripts, written set-based in one
// transaction. Without DATABASE_URL it uses its own embedded server (./.data/perf-large on port 54601, from
// scripts/perf/large-env.ts; never the app's ./.data/postgres).
// `--reset` empties a database that already holds data first. See docs/quality.md.
import { sql } from 'drizzle-orm';
import { createDb, type Db, type Tx } from '@/db/client';
import { ensureDatabaseUrl } from '@/db/database-url';
import { runMigrations } from '@/db/migrate';
import { DEMO_USERS } from '@/db/seed-data';
import { createUser } from '@/lib/users/users';
import { seedCatalog, type LargeSizes } from './perf/large-catalog';
import { seedDocuments } from './perf/large-documents';
import { checkIntegrity, printIntegrity } from './perf/integrity';
import { LARGE_DEFAULTS } from './perf/large-env';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const today = new Date().toISOString().slice(0, 10);
const start = '2024-01-01';
// `--serials N` (or LARGE_SERIALS) sets the size; items, partners and documents follow in proportion to the
// 1,000,000-serial set (10,000 items, 2,000 partners, 200,000 documents) unless their own variables say otherwise.
const serials = serialsArgument() ?? num('LARGE_SERIALS', 1_000_000);
const scale = serials / 1_000_000;
const sizes: LargeSizes = {
  items: num('LARGE_ITEMS', Math.max(10, Math.round(10_000 * scale))),
  partners: num('LARGE_PARTNERS', Math.max(10, Math.round(2_000 * scale))),
  serials,
  // Documents come as receipts R + issues R + invoices 2R/3 + 2R/3 = 10R/3.
  receipts: Math.round((num('LARGE_DOCUMENTS', Math.max(100, Math.round(200_000 * scale))) * 3) / 10),
  days: Math.round((Date.parse(today) - Date.parse(start)) / 86_400_000),
  start,
};
// The big tables are filled without their secondary indexes, which are rebuilt afterwards (faster than
// maintaining them row by row); the primary keys stay.
const BULK_TABLES = ['document', 'document_line', 'serial_number', 'serial_movement', 'audit_log'];

if (!process.env.DATABASE_URL) {
  process.env.PG_DATA_DIR ??= LARGE_DEFAULTS.dataDir;
  process.env.PG_PORT ??= LARGE_DEFAULTS.pgPort;
}
const url = await ensureDatabaseUrl();
await runMigrations(url);
const { db, sql: client } = createDb(url, 1);
const began = performance.now();
const step = async (label: string, run: () => Promise<unknown>) => {
  const t = performance.now();
  await run();
  console.log(`[seed:large] ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
};

await refuseOrReset(db);
await db.transaction(async (tx) => {
  await tx.execute(sql`set local maintenance_work_mem = '1GB'`);
  await tx.execute(sql`set local work_mem = '256MB'`);
  // The plan is consistent by construction (and checked below), so per-row foreign key triggers are skipped.
  await tx.execute(sql`set local session_replication_role = replica`);
  const users = await seedUsers(tx);
  await step('catalog', () => seedCatalog(tx, sizes));
  const indexes = await dropSecondaryIndexes(tx);
  await seedDocuments(tx, sizes, users, step);
  await step(`rebuilding ${indexes.length} indexes`, async () => {
    for (const definition of indexes) await tx.execute(sql.raw(definition));
  });
});
await step('vacuum analyze', () => db.execute(sql`vacuum (analyze)`));
console.log(`[seed:large] done in ${((performance.now() - began) / 1000).toFixed(1)} s`);
const [counts] =
  await db.execute(sql`select (select count(*) from item)::int as items, (select count(*) from partner)::int as partners,
  (select count(*) from serial_number)::int as serials, (select count(*) from serial_number where status = 'in_stock')::int as "inStock",
  (select count(*) from document)::int as documents, (select count(*) from document_line)::int as lines,
  (select count(*) from serial_movement)::int as movements`);
console.log(
  `[seed:large] ${Object.entries(counts)
    .map(([k, v]) => `${k} ${Number(v).toLocaleString('en')}`)
    .join(', ')}`,
);
console.log('[seed:large] integrity:');
const ok = printIntegrity(await checkIntegrity(url));
await client.end();
process.exit(ok ? 0 : 1);

function serialsArgument(): number | null {
  const at = process.argv.indexOf('--serials');
  if (at < 0) return null;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1000) {
    console.error('[seed:large] --serials takes a whole number of at least 1000, e.g. --serials 10000000');
    process.exit(1);
  }
  return value;
}

async function refuseOrReset(target: Db): Promise<void> {
  const [row] = await target.execute(
    sql`select (select count(*) from "user")::int + (select count(*) from item)::int as n`,
  );
  if (Number(row.n) === 0) return;
  if (!process.argv.includes('--reset')) {
    console.error(
      '[seed:large] the database already holds data; rerun with --reset to empty it first (or delete the data folder).',
    );
    process.exit(1);
  }
  console.log('[seed:large] --reset: emptying every table');
  await target.execute(sql`do $$ declare t text; begin
    select string_agg(format('%I', tablename), ', ') into t from pg_tables where schemaname = 'public';
    execute 'truncate ' || t || ' restart identity cascade'; end $$`);
}

/** The demo users (same passwords as a normal first start), so a person can sign in and look around. */
async function seedUsers(tx: Tx) {
  for (const demo of DEMO_USERS) await createUser(tx, demo);
  const found = await tx.execute(sql`select id::int, role from "user"`);
  const idOf = (role: string) => Number(found.find((u) => u.role === role)!.id);
  return { accountant: idOf('accountant'), warehouse: idOf('warehouse') };
}

async function dropSecondaryIndexes(tx: Tx): Promise<string[]> {
  const found = await tx.execute(sql`select i.indexname, i.indexdef from pg_indexes i
    where i.schemaname = 'public' and i.tablename in (${sql.join(
      BULK_TABLES.map((t) => sql`${t}`),
      sql`, `,
    )})
      and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.indexname))::regclass)`);
  for (const row of found) await tx.execute(sql.raw(`drop index "${String(row.indexname)}"`));
  return found.map((row) => String(row.indexdef));
}
