import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { document, partner } from '@/db/schema';
import { violatedUnique } from '@/lib/db-errors';
import { DomainError } from '@/lib/errors';
import { canonicalKey } from '@/lib/text/canonical-key';
import { KINDS, type DocumentKind } from './kinds';

/*
 * A document's external number (the supplier's delivery-note number, the number an imported file gave it) is
 * unique per kind and partner as it reads (its canonical key): the same paper entered twice, or the same file
 * imported twice, is refused naming the document already there. The unique index document_external_number
 * holds it under concurrency; the lookup before the write only gives the message its document.
 */
export const externalNumberKey = (text: string | null) => (text === null ? null : canonicalKey(text));

type Wanted = { kind: DocumentKind; partnerId: bigint | null; externalNumber: string | null; exceptId?: bigint };

async function heldBy(db: DbOrTx, w: Wanted) {
  const [held] = await db
    .select({ id: document.id, number: document.number, partnerCode: partner.code })
    .from(document)
    .leftJoin(partner, eq(partner.id, document.partnerId))
    .where(
      and(
        eq(document.kind, w.kind),
        sql`coalesce(${document.partnerId}, 0) = coalesce(${w.partnerId}::bigint, 0)`,
        eq(document.externalNumberKey, externalNumberKey(w.externalNumber)!),
        w.exceptId ? ne(document.id, w.exceptId) : undefined,
      ),
    )
    .limit(1);
  return held;
}

function duplicate(w: Wanted, held: { id: bigint; number: string; partnerCode: string | null }): DomainError {
  const from = held.partnerCode ? ` from ${held.partnerCode}` : '';
  const message = `${KINDS[w.kind].label} ${w.externalNumber}${from} is already entered as ${held.number}.`;
  return new DomainError(
    'DUPLICATE_DATA',
    message,
    { externalNumber: message },
    { existing: { id: String(held.id), number: held.number, kind: w.kind } },
  );
}

/** Refuses the external number when another document of the kind and partner holds it. */
export async function assertExternalNumberFree(db: DbOrTx, w: Wanted): Promise<void> {
  if (w.externalNumber === null) return;
  const held = await heldBy(db, w);
  if (held) throw duplicate(w, held);
}

/** After a write the unique index refused (a concurrent save of the same number): the same refusal. */
export async function externalNumberRefusal(db: DbOrTx, error: unknown, w: Wanted): Promise<DomainError | null> {
  if (violatedUnique(error) !== 'document_external_number' || w.externalNumber === null) return null;
  const held = await heldBy(db, w);
  return held ? duplicate(w, held) : null;
}
