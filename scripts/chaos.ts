// npm run chaos — the model-based concurrency checker (test/chaos) for as long as you like, with any seed:
// rounds of concurrent clients over a small pool of serials, every invariant checked after each round.
// Options (flags or environment): --seed / CHAOS_SEED (random unless given), --rounds / CHAOS_ROUNDS,
// --duration / CHAOS_DURATION (seconds, default 300 when no rounds are given), --clients / CHAOS_CLIENTS (6),
// --steps / CHAOS_STEPS (30 a round), --reports / CHAOS_REPORTS (full reports printed, 5; later failing
// rounds get one line). Its own embedded PostgreSQL: CHAOS_PG_PORT (the first free port from 54661), CHAOS_PG_DATA_DIR
// (./.data/chaos);
// or CHAOS_DATABASE_URL, a local server's admin URL. A fresh database each run. Exits 1 when a round failed.
import { execFileSync } from 'node:child_process';
import { createDb } from '@/db/client';
import { createDatabaseIfMissing } from '@/db/database-url';
import { startEmbeddedPostgres } from '@/db/embedded/server';
import { runMigrations } from '@/db/migrate';
import { assertLocalDatabase } from '@/test/assert-local-database';
import { runChaos, summarise, type ChaosOptions } from '@/test/chaos/chaos';
import { createWorld } from '@/test/chaos/world';
import { dropDatabase, withDatabase } from '@/test/global-setup';

function option(name: string, fallback?: number): number | undefined {
  const flag = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  const raw = flag?.slice(name.length + 3) ?? process.env[`CHAOS_${name.toUpperCase()}`];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`--${name} must be a whole number, not "${raw}"`);
  return value;
}

async function adminUrl(): Promise<{ url: string; stop: () => void }> {
  if (process.env.CHAOS_DATABASE_URL) {
    assertLocalDatabase(process.env.CHAOS_DATABASE_URL);
    return { url: process.env.CHAOS_DATABASE_URL, stop: () => {} };
  }
  // Several test servers may run on this machine: the first free port from 54661 unless one is given.
  const port =
    option('pg_port') ??
    Number(execFileSync(process.execPath, ['scripts/bindable-port.mjs', '54661'], { encoding: 'utf8' }).trim());
  const server = await startEmbeddedPostgres({
    dataDir: process.env.CHAOS_PG_DATA_DIR ?? './.data/chaos',
    port,
    password: 'serialstock-chaos',
    log: () => {},
  });
  return { url: server.adminUrl('postgres'), stop: server.stop };
}

async function main(): Promise<boolean> {
  const rounds = option('rounds');
  const options: ChaosOptions = {
    seed: option('seed', Math.floor(Math.random() * 2 ** 31))!,
    clients: option('clients', 6)!,
    steps: option('steps', 30)!,
    rounds,
    durationMs: (option('duration', rounds === undefined ? 300 : undefined) ?? Infinity) * 1000,
    fullReports: option('reports', 5),
    log: (line) => console.log(line),
  };
  const admin = await adminUrl();
  const name = 'serialstock_chaos';
  await dropDatabase(admin.url, name);
  await createDatabaseIfMissing(admin.url, name);
  const url = withDatabase(admin.url, name);
  await runMigrations(url);
  // The records API's route handlers use the process-wide database (getDb), like the app's.
  process.env.DATABASE_URL = url;
  const holder = createDb(url, options.clients * 2 + 2);
  try {
    console.log(
      `[chaos] seed ${options.seed}, ${options.clients} clients, ${options.steps} steps a round, ` +
        `${rounds !== undefined ? `${rounds} rounds` : `${options.durationMs! / 1000} s`}`,
    );
    const figures = await runChaos(await createWorld(holder.db, options.clients), options);
    console.log(summarise(figures, options).join('\n'));
    return figures.failedRounds.length === 0;
  } finally {
    await holder.sql.end();
    admin.stop();
  }
}

process.exit((await main()) ? 0 : 1);
