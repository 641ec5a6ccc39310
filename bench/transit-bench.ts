import type { Db } from '@/db/client';
import { postDocument } from '@/lib/inventory/post';
import type { DocumentInput } from '@/lib/validation/documents';
import { fmt, median, timed } from './bench-db';

export type TransitTimes = { dispatches: number[]; arrivals: number[]; prepares: number[]; confirms: number[] };

/**
 * The two-step moves of issue 17, one line of `line` new serials each run: a transfer sent in transit from
 * warehouse 1 (the dispatch) and its arrival at warehouse 2 taking all of them; an expected receipt prepared
 * from a list (no stock moves) and the goods receipt confirming all of it.
 */
export async function benchTransit(db: Db, tag: string, line: number, runs = 5): Promise<TransitTimes> {
  const times: TransitTimes = { dispatches: [], arrivals: [], prepares: [], confirms: [] };
  const date = '2026-11-22';
  for (let run = 0; run < runs; run++) {
    const serialsOf = (what: string) =>
      Array.from({ length: line }, (_, i) => `${tag}-${what}-${run}-${String(i).padStart(6, '0')}`);
    const lines = (serials: string[]) => [{ itemId: '7', quantity: String(serials.length), serials }];
    const post = (input: DocumentInput) => timed(() => postDocument(db, input, { userId: 1 }));
    const moving = lines(serialsOf('T'));
    await postDocument(db, { kind: 'goods_receipt', date, warehouseId: '1', lines: moving }, { userId: 1 });
    const dispatch = await post({
      kind: 'transfer',
      date,
      warehouseId: '1',
      destinationWarehouseId: '2',
      inTransit: true,
      lines: moving,
    });
    times.dispatches.push(dispatch.ms);
    const transferId = dispatch.result.id.toString();
    times.arrivals.push(
      (await post({ kind: 'transfer_arrival', date, warehouseId: '2', transferId, lines: moving })).ms,
    );
    const listed = lines(serialsOf('E'));
    const prepared = await post({ kind: 'expected_receipt', date, warehouseId: '1', lines: listed });
    times.prepares.push(prepared.ms);
    const expectedReceiptId = prepared.result.id.toString();
    const confirm = { kind: 'goods_receipt' as const, date, warehouseId: '1', expectedReceiptId, lines: listed };
    times.confirms.push((await post(confirm)).ms);
  }
  const runsOf = (t: number[]) => `median ${fmt(median(t))} (runs: ${t.map(fmt).join(', ')})`;
  const n = line.toLocaleString('en');
  console.log(`[bench] transfer in transit, dispatch of ${n} serials: ${runsOf(times.dispatches)} — goal < 1000 ms`);
  console.log(`[bench] transfer arrival receiving ${n} serials: ${runsOf(times.arrivals)} — goal < 1000 ms`);
  console.log(`[bench] expected receipt prepared from ${n} serials: ${runsOf(times.prepares)} — goal < 1000 ms`);
  console.log(`[bench] goods receipt confirming ${n} expected serials: ${runsOf(times.confirms)} — goal < 1000 ms`);
  return times;
}
