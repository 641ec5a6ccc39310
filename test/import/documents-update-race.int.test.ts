import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { isDomainError } from '@/lib/errors';
import { updateDocument } from '@/lib/inventory/change';
import { checkStockInvariants } from '@/lib/inventory/invariants';
import { postDocument } from '@/lib/inventory/post';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { apiCaller, keyFor, type Caller } from './api';
import { createDocumentJob, documentState } from './document-files';
import { drainJobs } from './drain';
import { resultRows } from './result-file';

type World = Awaited<ReturnType<typeof seedWorld>>;
const day = '2026-04-01';
const ROUNDS = 16;
const HEADERS = ['Number', 'Note', 'Item', 'Quantity', 'Unit_Price', 'Serial_Numbers'];

/*
 * An update job and another door change the same receipt at the same moment, on separate connections: the web
 * form's edit (with the version it was loaded from), or an issue of one of the receipt's serials. The job
 * starts first and the other side a little later each round, so the two meet at every step of the job. The
 * loser gets a clear refusal, and the receipt is never half-written: it is either as one side left it or as
 * both did, one after the other.
 */
describe('an update job racing the web form and an issue', async () => {
  const { db, url } = await useTestDatabase();
  const pool = createDb(url, 6);
  let w: World;
  let api: Caller;
  beforeAll(async () => {
    w = await seedWorld(db);
    api = apiCaller((await keyFor(db, 'admin')).key);
  });

  const receiptInput = (serials: string[], note = '') => ({
    kind: 'goods_receipt' as const,
    date: day,
    warehouseId: w.main,
    note,
    lines: [
      { itemId: w.tracked, quantity: String(serials.length), unitPrice: '10', serials },
      { itemId: w.plain, quantity: '2', unitPrice: '1' },
    ],
  });

  /** Runs the job while `other` starts after `delay` ms; returns the job's result rows and how the other side ended. */
  async function race(jobId: string, delay: number, other: () => Promise<unknown>) {
    const [ran, otherSide] = await Promise.allSettled([drainJobs(db), sleep(delay).then(other)]);
    if (ran.status === 'rejected') throw ran.reason;
    if (otherSide.status === 'rejected' && !isDomainError(otherSide.reason)) throw otherSide.reason;
    const broken = (await checkStockInvariants(db, 'within-series')).filter((c) => c.bad > 0);
    expect(broken).toEqual([]);
    return { rows: await resultRows(api, jobId), other: otherSide };
  }

  it('the job and a form edit: the form saved over the job\u2019s change is refused as stale, nothing is lost', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const serials = [`RF-${round}-1`, `RF-${round}-2`];
      const gr = await postDocument(db, receiptInput(serials), w.actor);
      // The job changes the note only; the form, loaded at version 1, swaps the second serial.
      const jobId = await createDocumentJob(
        api,
        [
          ['Number', 'Note'],
          [gr.number, `job ${round}`],
        ],
        { operation: 'update', findBy: 'Number' },
      );
      const formSerials = [serials[0], `RF-${round}-3`];
      const { rows, other } = await race(jobId, (round % 8) * 12, () =>
        updateDocument(pool.db, gr.id, receiptInput(formSerials, 'form'), w.actor, 1),
      );
      expect(
        rows.map((row) => row.STATUS),
        `round ${round}`,
      ).toEqual(['UPDATED']);
      const state = await documentState(db, gr.id);
      expect(state.note).toBe(`job ${round}`);
      if (other.status === 'fulfilled') {
        // The form saved first; the job's note was laid over it under the row lock, the form's serials kept.
        expect(state.lines[0].serials).toEqual(formSerials.toSorted());
      } else {
        expect(other.reason.message).toMatch(
          /^Changed by Importer \d+ .* after you opened it; reload to see the changes\.$/,
        );
        expect(state.lines[0].serials).toEqual(serials);
      }
    }
  });

  it('the job swapping a serial and an issue of it: exactly one wins, the other is told why', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const serials = [`RI-${round}-1`, `RI-${round}-2`];
      const gr = await postDocument(db, receiptInput(serials), w.actor);
      const jobId = await createDocumentJob(
        api,
        [
          HEADERS,
          [gr.number, '', 'ACME-1', '2', '10', `${serials[0]}-new;${serials[1]}`],
          [gr.number, '', 'CABLE', '2', '1', ''],
        ],
        { operation: 'update', findBy: 'Number' },
      );
      const before = await documentState(db, gr.id);
      const issue = {
        kind: 'goods_issue' as const,
        date: day,
        warehouseId: w.main,
        lines: [{ itemId: w.tracked, quantity: '1', serials: [serials[0]] }],
      };
      const { rows, other } = await race(jobId, (round % 8) * 12, () => postDocument(pool.db, issue, w.actor));
      const swapped = rows[0].STATUS === 'UPDATED';
      const issued = other.status === 'fulfilled';
      expect(swapped !== issued, `round ${round}: swapped ${swapped}, issued ${issued}`).toBe(true);
      if (issued) {
        expect(rows.map((row) => row.ERRORS)).toEqual(['CANNOT_PROCESS-Serial_Numbers', 'CANNOT_PROCESS']);
        expect(rows[0].ERROR_MESSAGE).toContain(`serial ${serials[0]} was issued later by GI-`);
        expect(await documentState(db, gr.id)).toEqual(before);
      } else {
        expect(other.reason.message).toContain(serials[0]);
      }
    }
  });

  it('closes its pool', async () => {
    await pool.sql.end();
  });
});
