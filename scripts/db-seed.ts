// npm run db:seed — migrates, then fills an empty database with the demo data (or the ADMIN_EMAIL admin).
import { createDb } from '@/db/client';
import { ensureDatabaseUrl } from '@/db/database-url';
import { runMigrations } from '@/db/migrate';
import { seedDatabase } from '@/db/seed';

const url = await ensureDatabaseUrl();
await runMigrations(url);
const { db, sql } = createDb(url, 2);
await seedDatabase(db, {
  demo: process.env.SEED_DEMO !== 'false',
  adminEmail: process.env.ADMIN_EMAIL,
  adminPassword: process.env.ADMIN_PASSWORD,
});
await sql.end();
console.log('[db] seed done');
process.exit(0);
