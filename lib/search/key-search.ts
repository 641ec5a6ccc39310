import { canonicalKey } from '@/lib/text/canonical-key';

/*
 * How a person's search text finds serial numbers (and anything else searched by canonical key): by what
 * it reads as (lib/text/canonical-key.ts), anywhere in the key, because people read the last digits off a
 * label. A trigram index serves "anywhere"; it needs three letters or digits in a row to look anything up,
 * so a shorter text finds the keys that START with it (the key's btree serves that). Either way, exact
 * matches rank first, then those that start with the text, then the rest.
 */
const TRIGRAM = /[\p{L}\p{N}]{3}/u;

export type KeySearch = { key: string; contains: boolean };

/** The search for a text, or null when it reads as nothing (blank, or only invisible marks). */
export function keySearch(text: string): KeySearch | null {
  const key = canonicalKey(text.trim());
  return key ? { key, contains: TRIGRAM.test(key) } : null;
}
