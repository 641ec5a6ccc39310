import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { importFile, item, user } from '@/db/schema';
import { loadUpload, storeUpload } from '@/lib/import/upload/store';
import { forgetRecentTable } from '@/lib/import/upload/kept-table';
import { useTestDatabase } from '@/test/db';
import { csv, drainJobs } from './drain';
import { createJob, itemRows, principalOf } from './jobs';
import { jobState } from './wait';

describe('uploads as stored in the database', async () => {
  const { db } = await useTestDatabase();
  let admin: { userId: number; name: string };

  beforeAll(async () => {
    const [row] = await db
      .insert(user)
      .values({ name: 'Stored file admin', email: 'stored-file@example.com', role: 'admin' })
      .returning({ id: user.id });
    admin = { userId: row.id, name: 'Stored file admin' };
  });

  const storedRow = async (fileId: bigint) =>
    (
      await db
        .select({ content: importFile.content, encoding: importFile.contentEncoding, size: importFile.sizeBytes })
        .from(importFile)
        .where(eq(importFile.id, fileId))
    )[0];

  it('keeps a CSV gzipped and a ZIP as sent, and gives back the bytes that were uploaded', async () => {
    const text = csv(itemRows('GZ', 500));
    const plain = await storeUpload(db, { bytes: text, fileName: 'items.csv', userId: admin.userId });
    const row = await storedRow(plain.fileId);
    expect(row).toMatchObject({ encoding: 'gzip', size: text.length });
    expect(row.content.length).toBeLessThan(text.length / 2);
    expect(gunzipSync(row.content).equals(text)).toBe(true);
    expect((await loadUpload(db, plain.fileId)).content.equals(text)).toBe(true);

    const zipBytes = await new JSZip()
      .file('items.csv', text)
      .generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const zipped = await storeUpload(db, { bytes: zipBytes, fileName: 'items.zip', userId: admin.userId });
    expect(await storedRow(zipped.fileId)).toMatchObject({ encoding: 'identity', content: zipBytes });
    expect((await loadUpload(db, zipped.fileId)).content.equals(zipBytes)).toBe(true);
  });

  it('stores the upload content without PostgreSQL compression (it is gzipped or a ZIP already)', async () => {
    const rows = await db.execute<{ attname: string; attstorage: string }>(sql`
      select attname, attstorage from pg_attribute
      where (attrelid, attname) in (('import_file'::regclass, 'content'), ('import_job'::regclass, 'result_file'))`);
    expect(rows.map((r) => r.attstorage)).toEqual(['e', 'e']);
  });

  it('runs the job on the table read at upload, and reads the stored copy when this process no longer has it', async () => {
    const principal = principalOf(admin);
    const kept = await createJob(db, principal, itemRows('KEPT', 3), { operation: 'insert' }, { module: 'Items' });
    // The stored copy is damaged behind the app's back: the job still has the table it read at upload.
    await db
      .update(importFile)
      .set({ content: Buffer.from('not gzip') })
      .where(eq(importFile.id, (await jobState(db, kept)).fileId));
    await drainJobs(db);
    expect(await jobState(db, kept)).toMatchObject({ status: 'COMPLETED', addedCount: 3 });

    const reread = await createJob(db, principal, itemRows('REREAD', 2), { operation: 'insert' }, { module: 'Items' });
    forgetRecentTable();
    await drainJobs(db);
    expect(await jobState(db, reread)).toMatchObject({ status: 'COMPLETED', addedCount: 2 });
    expect(
      (
        await db
          .select({ code: item.code })
          .from(item)
          .where(sql`${item.code} like 'REREAD-%'`)
      ).length,
    ).toBe(2);
  });

  it('fails a job whose stored copy no longer unpacks, saying so', async () => {
    const id = await createJob(
      db,
      principalOf(admin),
      itemRows('DAMAGED', 2),
      { operation: 'insert' },
      { module: 'Items' },
    );
    await db
      .update(importFile)
      .set({ content: Buffer.from('not gzip') })
      .where(eq(importFile.id, (await jobState(db, id)).fileId));
    forgetRecentTable();
    await drainJobs(db);
    expect(await jobState(db, id)).toMatchObject({
      status: 'FAILED',
      failureReason:
        'The file can no longer be read: The stored copy of the upload is damaged and cannot be unpacked; upload the file again.',
    });
  });
});
