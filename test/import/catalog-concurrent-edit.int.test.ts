import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { item, user } from '@/db/schema';
import { updateItem } from '@/lib/catalog/items';
import { findModule, type CatalogModule } from '@/lib/modules';
import { planCatalogChunk } from '@/lib/import/writers/catalog-chunk-plan';
import { writeCatalogChunk } from '@/lib/import/writers/catalog-writer';
import type { CatalogContext } from '@/lib/import/writers/context';
import { useTestDatabase } from '@/test/db';
import { withCodeKeys } from '@/lib/catalog/code-key';

/*
 * A chunk may be planned a chunk ahead of its transaction (lib/import/writers/catalog-job-writer.ts). An item
 * edited in between (a form, the API) must keep that edit where the import's row does not set the field:
 * the batched update applies only to the version it was planned from, and rows written one by one read
 * their records again.
 */
describe('a catalog chunk planned before a concurrent edit of its items', async () => {
  const { db } = await useTestDatabase();
  const [admin] = await db
    .insert(user)
    .values({ name: 'Edit admin', email: 'edit@example.com', role: 'admin' })
    .returning({ id: user.id });

  it('keeps the edit and applies the row, batched and one by one', async () => {
    const seeded = await db
      .insert(item)
      .values(
        withCodeKeys(['CE-1', 'CE-2', 'CE-3'].map((code) => ({ code, name: `Item ${code}`, description: 'old' }))),
      )
      .returning({ id: item.id, code: item.code });
    const idOf = (code: string) => seeded.find((row) => row.code === code)!.id;
    const ctx: CatalogContext = {
      jobId: 0n,
      module: findModule('Items') as CatalogModule,
      operation: 'update',
      findBy: 'Code',
      ignoreEmpty: false,
      userId: admin.id,
      dryRun: false,
      mappings: [
        { apiName: 'Code', index: 0, defaultValue: null, format: null, findBy: null },
        { apiName: 'Sale_Price', index: 1, defaultValue: null, format: null, findBy: null },
      ],
    };
    // CE-3 twice: those two rows are written one by one, in order; CE-1 and CE-2 by the batch statement.
    const rows = [
      ['CE-1', '10'],
      ['CE-2', '20'],
      ['CE-3', '30'],
      ['CE-3', '31'],
    ].map((cells, i) => ({ rowNumber: i + 2, cells }));
    const plan = await planCatalogChunk(db, ctx, rows);

    for (const code of ['CE-1', 'CE-3']) {
      await updateItem(db, idOf(code), { code, name: `Item ${code}`, description: 'edited meanwhile' });
    }
    const outcomes = await db.transaction((tx) => writeCatalogChunk(tx, ctx, plan));

    expect(outcomes.map((o) => [o.rowNumber, o.status, o.errors])).toEqual([
      [2, 'UPDATED', []],
      [3, 'UPDATED', []],
      [4, 'UPDATED', []],
      [5, 'UPDATED', []],
    ]);
    const stored = await db
      .select({ code: item.code, salePrice: item.salePrice, description: item.description })
      .from(item)
      .where(
        inArray(
          item.id,
          seeded.map((row) => row.id),
        ),
      )
      .orderBy(item.code);
    expect(stored).toEqual([
      { code: 'CE-1', salePrice: '10.0000', description: 'edited meanwhile' },
      { code: 'CE-2', salePrice: '20.0000', description: 'old' },
      { code: 'CE-3', salePrice: '31.0000', description: 'edited meanwhile' },
    ]);
  });
});
