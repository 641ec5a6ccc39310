import type { TestProject } from 'vitest/node';
import { createDatabaseIfMissing } from '@/db/database-url';
import { runMigrations } from '@/db/migrate';
import { startEmbeddedPostgres } from '@/db/embedded/server';
import { assertLocalDatabase } from './assert-local-database';
import postgres from 'postgres';

export const TEMPLATE_DB = 'serialstock_test_template';

/**
 * One real PostgreSQL for the whole run (TEST_DATABASE_URL's server, or an embedded one), with a migrated
 * template database; each test file clones it into a fresh database of its own.
 */
export default async function setup(project: TestProject) {
  let adminUrl: string;
  let stop = () => {};
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
    assertLocalDatabase(adminUrl);
  } else {
    const server = await startEmbeddedPostgres({
      dataDir: process.env.TEST_PG_DATA_DIR ?? './.data/test-postgres',
      port: Number(process.env.TEST_PG_PORT ?? 54339),
      password: 'serialstock-test',
      log: () => {},
    });
    adminUrl = server.adminUrl('postgres');
    stop = server.stop;
  }
  await dropDatabase(adminUrl, TEMPLATE_DB);
  await createDatabaseIfMissing(adminUrl, TEMPLATE_DB);
  await runMigrations(withDatabase(adminUrl, TEMPLATE_DB));
  project.provide('adminDatabaseUrl', adminUrl);
  return () => stop();
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabase(adminUrl: string, name: string) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await sql`drop database if exists ${sql(name)} with (force)`;
  await sql.end();
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}
