import type { RowError } from '@/lib/import/results';
import type { CatalogAdapter } from './catalog-adapters';
import type { PlannedRow, RecordIndex, RowOverlay } from './catalog-plan';
import type { CatalogContext } from './context';

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** The keys a row reads or writes: codes, EANs and record ids, each in its own namespace. */
function keysOfRow(ctx: CatalogContext, overlay: RowOverlay, plan: PlannedRow | RowError[]): Set<string> {
  const keys = new Set<string>();
  const add = (prefix: string, value: unknown) => {
    const key = typeof value === 'bigint' ? String(value) : text(value);
    if (key !== null) keys.add(prefix + key);
  };
  add('code:', overlay.values.code);
  add('ean:', overlay.values.ean);
  if (overlay.findKey) add(ctx.findBy === 'id' ? 'id:' : ctx.findBy === 'EAN' ? 'ean:' : 'code:', overlay.findKey);
  if (!Array.isArray(plan)) {
    add('code:', plan.data.code);
    add('ean:', plan.data.ean);
    if (plan.target) add('id:', plan.target.id);
  }
  return keys;
}

/**
 * The rows of a chunk whose outcome may depend on another row of it, by row number: rows that share a
 * code, EAN or record with another row (a row refused against the stored records may succeed after an
 * earlier row of the chunk wrote, so refused rows count too), rows that take a code or EAN held by a
 * record another row updates (and those rows), and rows a rule of the lib function applies to. They are
 * written one by one in row order, as if each row were its own import; the others are batched.
 */
export function rowsToWriteInOrder(
  ctx: CatalogContext, overlays: RowOverlay[], plans: (PlannedRow | RowError[])[], index: RecordIndex, adapter: CatalogAdapter,
): Set<number> {
  const rowsByKey = new Map<string, number[]>();
  const keysByRow = overlays.map((overlay, i) => keysOfRow(ctx, overlay, plans[i]));
  keysByRow.forEach((keys, i) => keys.forEach((key) => rowsByKey.set(key, [...(rowsByKey.get(key) ?? []), overlays[i].rowNumber])));
  const inOrder = new Set<number>();
  keysByRow.forEach((keys, i) => {
    if ([...keys].some((key) => rowsByKey.get(key)!.length > 1)) inOrder.add(overlays[i].rowNumber);
  });
  plans.forEach((plan) => {
    if (Array.isArray(plan)) return;
    const owners = [index.ownerOf('code', text(plan.data.code)), index.ownerOf('ean', text(plan.data.ean))];
    for (const owner of owners) {
      if (!owner || owner === plan.target) continue;
      inOrder.add(plan.rowNumber);
      (rowsByKey.get(`id:${owner.id}`) ?? []).forEach((rowNumber) => inOrder.add(rowNumber));
    }
    if (plan.target && adapter.batch?.needsOneByOne(plan.target, plan.data)) inOrder.add(plan.rowNumber);
  });
  return inOrder;
}
