import { createDb } from '@/db/client';
import { ensureDatabaseUrl } from '@/db/database-url';
import { runMigrations } from '@/db/migrate';
import { seedDatabase } from '@/db/seed';

/** Everything the server needs before its first request: a database, its schema and first-run data. */
export async function prepareDatabase(): Promise<void> {
  const url = await ensureDatabaseUrl();
  await runMigrations(url);
  const { db, sql } = createDb(url, 2);
  try {
    await seedDatabase(db, {
      demo: process.env.SEED_DEMO !== 'false',
      adminEmail: process.env.ADMIN_EMAIL,
      adminPassword: process.env.ADMIN_PASSWORD,
    });
  } finally {
    await sql.end();
  }
  // Other processes' sign-outs, role changes and settings reach this one's caches (lib/cache/table-changes.ts).
  await (await import('@/lib/cache/table-changes')).listenForTableChanges();
  // Bulk write jobs run in this process too (IMPORT_WORKER=false leaves them to `npm run worker`).
  if (process.env.IMPORT_WORKER !== 'false')
    await (await import('@/lib/import/jobs/start-in-process')).startInProcessWorker();
  const port = process.env.PORT ?? '3000';
  console.log(
    `[app] open http://localhost:${port} — demo sign-in (unless replaced): admin@example.com / admin1234, ` +
      'accountant@example.com / accountant1234, warehouse@example.com / warehouse1234',
  );
}
