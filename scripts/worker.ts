// npm run worker — a bulk write worker process next to the server; any number may run against one
// database (claims use FOR UPDATE SKIP LOCKED). Starts the embedded PostgreSQL when DATABASE_URL is unset.
import { applicationName, createDb } from '@/db/client';
import { ensureDatabaseUrl } from '@/db/database-url';
import { runMigrations } from '@/db/migrate';
import { listenForTableChanges } from '@/lib/cache/table-changes';
import { ImportWorker } from '@/lib/import/jobs/worker';

// Told apart from the web processes in pg_stat_activity (db/client.ts applicationName) unless PGAPPNAME names it.
process.env.PGAPPNAME = applicationName('serialstock-worker');
const url = await ensureDatabaseUrl();
await runMigrations(url);
const holder = createDb(url, 4);
const worker = new ImportWorker(holder);
await worker.start();
// The jobs post documents, which read the cached company settings: a save elsewhere reaches this process at once.
await listenForTableChanges();

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await worker.stop();
    // Bounded: a connection the outage left with a query in flight must not keep the process alive.
    await holder.sql.end({ timeout: 5 });
    process.exit(0);
  });
}
