import { correctable, fixedFacts, type Blocker } from '@/lib/inventory/correction-scope';
import type { DocumentKind } from '@/lib/inventory/kinds';
import { DocumentLink } from './document-link';

/**
 * Why part of a document is read-only: the later documents that moved its serial numbers (documentBlockers),
 * each linked with one serial it took, the document to change first, and what can still change.
 * `subject` names what is fixed ("The date, the warehouse, …"); controls point here with aria-describedby.
 */
export function PinnedReason({
  id,
  kind,
  subject,
  blockers,
  readable,
  brief,
  className,
}: {
  id: string;
  kind: DocumentKind;
  subject: string;
  blockers: Blocker[];
  readable: readonly DocumentKind[];
  /** Only what is fixed and by which documents, for a second place on the same page. */
  brief?: boolean;
  className?: string;
}) {
  const them = blockers.length === 1 ? 'it' : 'them';
  return (
    <p id={id} className={className ?? 'text-sm text-amber-900'}>
      {brief
        ? `${subject} are fixed by later documents: `
        : `${subject} are fixed: later documents moved this document’s serial numbers — `}
      <BlockerLinks blockers={blockers} readable={readable} />
      {brief
        ? '.'
        : `. Change or delete ${them} first to change these; ${correctable(kind, blockers).long} can still be changed.`}
    </p>
  );
}

/** "GI-2026-00011 (serial UIW-00010) and SI-2026-00002 (serial UIW-00012)", each linked where the user may open it. */
export function BlockerLinks({ blockers, readable }: { blockers: Blocker[]; readable: readonly DocumentKind[] }) {
  return blockers.map((blocker, index) => (
    <span key={blocker.id}>
      {index > 0 && (index === blockers.length - 1 ? ' and ' : ', ')}
      <DocumentLink doc={blocker} readable={readable} />
      {blocker.serial && <> (serial {blocker.serial})</>}
    </span>
  ));
}

/** On the detail page, under the Edit and Delete buttons (which point here): what they can do and why. */
export function PinnedActionsNote({
  id,
  kind,
  blockers,
  readable,
}: {
  id: string;
  kind: DocumentKind;
  blockers: Blocker[];
  readable: readonly DocumentKind[];
}) {
  return (
    <p id={id} className="max-w-xl text-sm text-amber-900">
      Later documents moved this document’s serial numbers: <BlockerLinks blockers={blockers} readable={readable} />.
      Until they are changed or deleted, it cannot be deleted and an edit can change only{' '}
      {correctable(kind, blockers).long}.
    </p>
  );
}

/** The same in a tooltip (plain text). */
export function pinnedTooltip(kind: DocumentKind, blockers: Blocker[]): string {
  return `${fixedFacts(kind, blockers)} are fixed by ${blockers.map((b) => b.number).join(', ')}; ${correctable(kind, blockers).long} can still be changed.`;
}
