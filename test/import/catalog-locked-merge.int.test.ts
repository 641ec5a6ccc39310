import postgres from 'postgres';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { partner, user } from '@/db/schema';
import { withCodeKey } from '@/lib/catalog/code-key';
import { findModule, type CatalogModule } from '@/lib/modules';
import { planCatalogChunk } from '@/lib/import/writers/catalog-chunk-plan';
import { writeCatalogChunk } from '@/lib/import/writers/catalog-writer';
import type { CatalogContext } from '@/lib/import/writers/context';
import { useTestDatabase } from '@/test/db';
import { waitFor } from './wait';

/*
 * An import row written one by one reads its record inside the chunk's transaction, but without a lock.
 * A form or API edit that commits between that read and the row's update must survive where the row does
 * not set the field: the lib lays the row's values over the record it locked, not over the copy read before.
 */
describe('a catalog import row updating a record another writer holds', async () => {
  const { db, url } = await useTestDatabase();
  const [admin] = await db
    .insert(user)
    .values({ name: 'Merge admin', email: 'merge@example.com', role: 'admin' })
    .returning({ id: user.id });

  it("keeps the other writer's change and applies the row", async () => {
    const [stored] = await db
      .insert(partner)
      .values(withCodeKey({ code: 'LM-1', name: 'Old name', type: 'supplier' as const }))
      .returning({ id: partner.id });
    const ctx: CatalogContext = {
      jobId: 0n,
      module: findModule('Partners') as CatalogModule,
      operation: 'update',
      findBy: 'Code',
      ignoreEmpty: false,
      userId: admin.id,
      dryRun: false,
      mappings: [
        { apiName: 'Code', index: 0, defaultValue: null, format: null, findBy: null },
        { apiName: 'Name', index: 1, defaultValue: null, format: null, findBy: null },
      ],
    };
    const other = postgres(url, { max: 2, onnotice: () => {} });
    const reserved = await other.reserve();
    try {
      await reserved`begin`;
      await reserved`update partner set email = 'kept@example.com' where code = 'LM-1'`;
      const writing = db.transaction(async (tx) =>
        writeCatalogChunk(tx, ctx, await planCatalogChunk(tx, ctx, [{ rowNumber: 2, cells: ['LM-1', 'New name'] }])),
      );
      // The row has read the record (without the email) and now waits for the other writer's lock.
      await waitFor(
        async () =>
          (
            await other`
        select 1 from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%partner%'
          and datname = current_database()`
          ).length > 0,
        10_000,
        20,
      );
      await reserved`commit`;
      const outcomes = await writing;
      expect(outcomes.map((o) => [o.status, o.errors])).toEqual([['UPDATED', []]]);
    } finally {
      await reserved`rollback`.catch(() => undefined);
      reserved.release();
      await other.end({ timeout: 5 });
    }
    const [row] = await db.select().from(partner).where(eq(partner.id, stored.id));
    expect(row).toMatchObject({ name: 'New name', email: 'kept@example.com' });
  });
});
