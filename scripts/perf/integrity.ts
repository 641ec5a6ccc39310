import { createDb } from '@/db/client';
import { checkStockInvariants } from '@/lib/inventory/invariants';

export type IntegrityCheck = { label: string; bad: number };

/**
 * The stock invariants (lib/inventory/invariants.ts), checked over the whole database after seed:large
 * and after the load run. Nothing is deleted there, so every document series must be gapless.
 */
export async function checkIntegrity(url: string): Promise<IntegrityCheck[]> {
  const { db, sql } = createDb(url, 1);
  try {
    return (await checkStockInvariants(db, 'gapless')).map((r) => ({ label: `${r.name} (${r.noun})`, bad: r.bad }));
  } finally {
    await sql.end();
  }
}

export function printIntegrity(results: IntegrityCheck[], log = console.log): boolean {
  for (const r of results) log(`  ${r.bad === 0 ? 'PASS' : 'FAIL'}  ${r.label}: ${r.bad}`);
  return results.every((r) => r.bad === 0);
}
