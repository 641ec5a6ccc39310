// Stops an embedded PostgreSQL by data folder (used by the test scripts to leave nothing running).
import { stopEmbeddedPostgres } from '@/db/embedded/server';

const dataDir = process.argv[2] ?? process.env.PG_DATA_DIR ?? './.data/postgres';
await stopEmbeddedPostgres(dataDir);
process.exit(0);
