import { parseId } from '@/lib/ids';
import type { RowError } from '@/lib/import/results';
import type { PlannedRow, RecordIndex, RowOverlay } from './catalog-plan';
import type { CatalogContext } from './context';

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

type Keys = { codes: (string | null)[]; eans: (string | null)[]; ids: (bigint | null)[] };

/** The codes, EANs and record ids a row reads or writes (nulls where a value is absent). */
function keysOfRow(ctx: CatalogContext, overlay: RowOverlay, plan: PlannedRow | RowError[]): Keys {
  const planned = Array.isArray(plan) ? null : plan;
  const find = overlay.findKey || null;
  const idKey = ctx.findBy === 'id' ? parseId(find) : null;
  return {
    codes: [
      text(overlay.values.code),
      ctx.findBy !== 'id' && ctx.findBy !== 'EAN' ? find : null,
      planned ? text(planned.data.code) : null,
    ],
    eans: [text(overlay.values.ean), ctx.findBy === 'EAN' ? find : null, planned ? text(planned.data.ean) : null],
    ids: [idKey, planned?.target?.id ?? null],
  };
}

/** How many rows use each key (a row counts once per key, however often it names it). */
class KeyCounts<K> {
  private readonly counts = new Map<K, number>();

  addRow(keys: (K | null)[]) {
    keys.forEach((key, i) => {
      if (key !== null && keys.indexOf(key) === i) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    });
  }

  shared(keys: (K | null)[]): boolean {
    return keys.some((key) => key !== null && this.counts.get(key)! > 1);
  }
}

/**
 * The rows of a chunk whose outcome may depend on another row of it, by row number: rows that share a
 * code, EAN or record with another row (a row refused against the stored records may succeed after an
 * earlier row of the chunk wrote, so refused rows count too), rows that take a code or EAN held by a
 * record another row updates (and those rows). They are written one by one in row order, as if each row
 * were its own import; the others go to the lib's batch writer (writeItems), which itself sends one by one
 * the rows a rule of the lib applies to (item-rules.ts).
 */
export function rowsToWriteInOrder(
  ctx: CatalogContext,
  overlays: RowOverlay[],
  plans: (PlannedRow | RowError[])[],
  index: RecordIndex,
): Set<number> {
  const keysByRow = overlays.map((overlay, i) => keysOfRow(ctx, overlay, plans[i]));
  const codes = new KeyCounts<string>();
  const eans = new KeyCounts<string>();
  const ids = new KeyCounts<bigint>();
  for (const keys of keysByRow) {
    codes.addRow(keys.codes);
    eans.addRow(keys.eans);
    ids.addRow(keys.ids);
  }
  const inOrder = new Set<number>();
  keysByRow.forEach((keys, i) => {
    if (codes.shared(keys.codes) || eans.shared(keys.eans) || ids.shared(keys.ids)) inOrder.add(overlays[i].rowNumber);
  });
  const rowsUpdating = new Map<bigint, number[]>();
  for (const plan of plans) {
    if (!Array.isArray(plan) && plan.target)
      rowsUpdating.set(plan.target.id, [...(rowsUpdating.get(plan.target.id) ?? []), plan.rowNumber]);
  }
  for (const plan of plans) {
    if (Array.isArray(plan)) continue;
    for (const owner of [index.ownerOf('code', text(plan.data.code)), index.ownerOf('ean', text(plan.data.ean))]) {
      if (!owner || owner === plan.target) continue;
      inOrder.add(plan.rowNumber);
      (rowsUpdating.get(owner.id) ?? []).forEach((rowNumber) => inOrder.add(rowNumber));
    }
  }
  return inOrder;
}
