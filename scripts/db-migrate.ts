// npm run db:migrate — applies pending migrations (starting the embedded server when DATABASE_URL is unset).
import { ensureDatabaseUrl } from '@/db/database-url';
import { runMigrations } from '@/db/migrate';

const url = await ensureDatabaseUrl();
await runMigrations(url);
console.log('[db] migrations applied');
process.exit(0);
