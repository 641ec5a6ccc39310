// (a) the shared stock invariants (lib/inventory/invariants.ts) and (b) every serial's history: in, out,
// in … (the shared "alternate" invariant) with document dates that never decrease along it. For every
// serial at fault the report shows its history, so a trace can name the operations behind it.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { checkStockInvariants } from '@/lib/inventory/invariants';
import { ITEM_CODES } from '../world';
import type { CheckResult } from './check';

type Move = { serialId: string; item: string; serial: string; direction: string; number: string; date: string };

/** Serials whose document dates go backwards along their movements (an issue dated before its receipt). */
async function serialsOutOfOrder(db: DbOrTx): Promise<string[]> {
  const found = await db.execute<{ serialId: string }>(sql`
    select distinct serial_id::text as "serialId" from (
      select m.serial_id, d.date, lag(d.date) over (partition by m.serial_id order by m.id) as previous
      from serial_movement m join document d on d.id = m.document_id) x
    where date < previous`);
  return found.map((r) => r.serialId);
}

/** Each serial's movements in id order, as "A03 (ACME-1): in GR-2026-00004 2026-03-10, out GI-… 2026-02-20". */
async function histories(db: DbOrTx, serialIds: string[]): Promise<Map<string, { key: string; text: string }>> {
  if (serialIds.length === 0) return new Map();
  const moves = await db.execute<Move>(sql`
    select s.id::text as "serialId", i.code as item, s.serial, m.direction, coalesce(d.number, '(no document)') as number, coalesce(d.date::text, '?') as date
    from serial_number s join item i on i.id = s.item_id
    left join serial_movement m on m.serial_id = s.id left join document d on d.id = m.document_id
    where s.id = any(${`{${serialIds.join(',')}}`}::bigint[]) order by s.id, m.id`);
  const byId = new Map<string, { key: string; text: string }>();
  for (const m of moves) {
    const prefix = byId.get(m.serialId)?.text ?? `${m.serial} (${m.item}):`;
    const move = m.direction ? ` ${m.direction} ${m.number} ${m.date}` : ' no movements';
    byId.set(m.serialId, {
      key: `${ITEM_CODES.indexOf(m.item as never)}:${m.serial}`,
      text: `${prefix}${byId.has(m.serialId) ? ',' : ''}${move}`,
    });
  }
  return byId;
}

export async function stockChecks(db: DbOrTx): Promise<CheckResult[]> {
  const shared = await checkStockInvariants(db, 'within-series');
  const outOfOrder = await serialsOutOfOrder(db);
  const serialIds = [
    ...new Set(
      [...shared.flatMap((r) => r.examples.map((e) => e.serialId)), ...outOfOrder].filter(
        (id): id is string => id !== null,
      ),
    ),
  ];
  const history = await histories(db, serialIds);
  const results: CheckResult[] = shared.map((r) => ({
    name: `(a) ${r.name}`,
    violations:
      r.bad === 0
        ? []
        : [
            {
              detail: `${r.bad} ${r.noun}: ${r.examples.map((e) => (e.serialId ? history.get(e.serialId)?.text : e.key)).join('; ')}`,
              serials: r.examples.flatMap((e) =>
                e.serialId && history.get(e.serialId) ? [history.get(e.serialId)!.key] : [],
              ),
            },
          ],
  }));
  results.push({
    name: "(b) document dates never decrease along a serial's movements",
    violations: outOfOrder.map((id) => ({
      detail: history.get(id)?.text ?? id,
      serials: history.has(id) ? [history.get(id)!.key] : [],
    })),
  });
  return results;
}
