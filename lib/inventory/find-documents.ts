import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { document, partner } from '@/db/schema';
import { trimIdentifier } from '@/lib/text/identifier-text';
import { externalNumberKey } from './external-number';
import type { DocumentKind } from './kinds';

/** A document a bulk update names: enough to choose among several and to say which in a message. */
export type FoundDocument = {
  id: bigint;
  number: string;
  partnerId: bigint | null;
  partnerCode: string | null;
  externalNumberKey: string | null;
};

/** How a document is named from outside: its own number, or its external number (unique per partner, as it reads). */
export type DocumentKey = 'number' | 'externalNumber';

/** A document number as it is matched: the prefixes are upper case, so `gr-2026-00042` names GR-2026-00042. */
export const numberKey = (text: string) => text.trim().toUpperCase();

/**
 * An external number as it is matched: trimmed as the document schema trims it, then as it reads (its canonical key).
 */
export const externalKeyOf = (text: string) => externalNumberKey(trimIdentifier(text))!;

/**
 * The documents of a kind that these texts name, locked FOR UPDATE in id order for the rest of the caller's
 * transaction: what a bulk update found by a key is what it changes, and no edit can move the key in between.
 * By external number every partner's document with it is returned; the caller chooses by partner.
 */
export async function lockDocumentsByKey(
  tx: DbOrTx,
  kind: DocumentKind,
  by: DocumentKey,
  texts: string[],
): Promise<FoundDocument[]> {
  if (texts.length === 0) return [];
  const match =
    by === 'number'
      ? or(
          inArray(document.number, [...new Set(texts.map((text) => text.trim()))]),
          inArray(document.number, [...new Set(texts.map(numberKey))]),
        )
      : inArray(document.externalNumberKey, [...new Set(texts.map(externalKeyOf))]);
  return tx
    .select({
      id: document.id,
      number: document.number,
      partnerId: document.partnerId,
      partnerCode: partner.code,
      externalNumberKey: document.externalNumberKey,
    })
    .from(document)
    .leftJoin(partner, eq(partner.id, document.partnerId))
    .where(and(eq(document.kind, kind), match))
    .orderBy(asc(document.id))
    .for('update', { of: document });
}
