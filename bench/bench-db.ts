import postgres from 'postgres';
import { createDb } from '@/db/client';
import { createDatabaseIfMissing, ensureDatabaseUrl } from '@/db/database-url';
import { runMigrations } from '@/db/migrate';

/**
 * A fresh, migrated database next to the app's own (never the app's data): benches may fill it with millions of rows.
 */
export async function freshBenchDatabase(name: string) {
  const appUrl = await ensureDatabaseUrl();
  const adminUrl = new URL(appUrl);
  adminUrl.pathname = '/postgres';
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  await admin`drop database if exists ${admin(name)} with (force)`;
  await admin.end();
  await createDatabaseIfMissing(adminUrl.toString(), name);
  const url = new URL(appUrl);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  process.env.DATABASE_URL = url.toString();
  return createDb(url.toString(), 10);
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
