import { isInvoice, isReturn, isTransfer, KINDS, type DocumentKind } from './kinds';

/*
 * What an edit of a pinned document (one whose stock effects later documents took, documentBlockers) may
 * still change, in the words the form and the buttons say it. The rule itself is correction.ts
 * (changesStock decides, correctInPlace and change.ts correctHeader write); correction-scope.test.ts
 * holds this list to it, so the form never offers a field the core would refuse or fixes one it takes.
 * Browser-safe: no database here.
 */

/** A later document that pins a document's stock effects; `serial` is one of the serials it moved. */
export type Blocker = { serial: string | null; id: string; number: string; kind: DocumentKind };

/** Form values a correction writes in place; everything else about a pinned document is fixed. */
export const CORRECTABLE_HEADER = ['partnerId', 'note', 'externalNumber'] as const;
export const CORRECTABLE_LINE = ['unitPrice', 'vatRate'] as const;

/** A return pins the partner too: it was entered for the original's partner (returns.ts, refusePartnerChange). */
export const partnerFixed = (blockers: Blocker[]) => blockers.some((b) => isReturn(b.kind));

/** The fixed facts of a pinned document, for the reason beside them. */
export function fixedFacts(kind: DocumentKind, blockers: Blocker[] = []): string {
  const warehouses = isTransfer(kind) ? 'both warehouses' : 'the warehouse';
  const partner = partnerFixed(blockers) ? ', the partner' : '';
  return `The date${partner}, ${warehouses}, the lines' items, quantities and serial numbers${isInvoice(kind) ? ' and whether it has its goods document' : ''}`;
}

/**
 * What stays editable, in a few words (the Edit button) and in full (the form). A transfer has neither partner
 * nor prices: its note and external number are what a correction leaves open.
 */
export function correctable(kind: DocumentKind, blockers: Blocker[] = []): { short: string; long: string } {
  if (!KINDS[kind].priced) return { short: 'note only', long: 'the note and the external number' };
  return partnerFixed(blockers)
    ? { short: 'note, prices only', long: 'the note, prices, VAT and the external number' }
    : { short: 'note, partner, prices only', long: 'the note, the partner, prices, VAT and the external number' };
}

export const isPinned = (blockers: Blocker[]) => blockers.length > 0;
