import { keySearch } from '@/lib/search/key-search';
import { canonicalKey } from '@/lib/text/canonical-key';

/*
 * The serial form of a return's line offers and checks against what can go back on the document it names
 * (lib/inventory/queries/returnable.ts, read with the page): its "Pick from …" list and its live check, instead of the
 * stock of the warehouse. Loaded with the serial form (line-serials.tsx), not with the document form: the
 * canonical-key table stays out of the first load. The core checks again when the return is saved.
 */

/** What a return form knows about the serials that can go back, read with the page. */
export type ReturnableSerials = {
  /** The number of the document the return names: "SI-2026-00012". */
  origin: string;
  side: 'customer' | 'supplier';
  /** Per item id, the serials that can go back, in serial order. */
  byItem: Record<string, string[]>;
};

/** A page of the list matching `query` as a serial search does: any part of the key, exact and starting ones first. */
export function pickReturnable(serials: string[], query: string, offset: number, limit: number) {
  const search = keySearch(query);
  let matching = serials;
  if (search) {
    const ranked = serials
      .map((serial) => ({ serial, key: canonicalKey(serial) }))
      .map(({ serial, key }) => ({ serial, rank: key === search.key ? 0 : key.startsWith(search.key) ? 1 : 2, key }))
      .filter(({ rank, key }) => rank < 2 || (search.contains && key.includes(search.key)));
    matching = ranked.sort((a, b) => a.rank - b.rank).map(({ serial }) => serial);
  }
  return { serials: matching.slice(offset, offset + limit), total: matching.length };
}

/** The entered serials that cannot go back on the return's document, each with the core's reason in short. */
export function notReturnable(
  entered: string[],
  returnable: string[],
  { origin, side, itemCode }: { origin: string; side: ReturnableSerials['side']; itemCode: string },
) {
  const keys = new Set(returnable.map(canonicalKey));
  const rule =
    side === 'customer'
      ? `did not leave with ${origin} or is back already`
      : `did not come with ${origin} or is not in stock where it came in`;
  return entered
    .filter((serial) => !keys.has(canonicalKey(serial)))
    .map((serial) => ({ serial, message: `Serial ${serial} of item ${itemCode} ${rule}.` }));
}
