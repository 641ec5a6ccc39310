'use client';
import { Link } from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { RefusalProblem } from '@/lib/actions/result';
import { correctable, isPinned, type Blocker } from '@/lib/inventory/correction-scope';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import { deleteDocumentAction } from '@/app/(app)/_documents/actions';
import { reach } from '@/lib/actions/reach';
import { PinnedActionsNote, pinnedTooltip } from './pinned-reason';
import { refusalHeadline, RefusalProblems } from './refusal-problems';

const PINNED_NOTE = 'document-pinned-note';

/**
 * Edit, delete (after a confirmation; the core's refusal is shown with every problem) and label printing.
 * They say before a click what is possible: on a document later documents pin (`blockers`), Edit changes
 * only what moves no stock and Delete is off, with the reason and links under them. An invoice without
 * its goods document offers to create it (`stockHref`).
 */
export function DocumentButtons({
  kind,
  id,
  number,
  canWrite,
  labelsHref,
  blockers,
  readable,
  stockHref,
  returnLinks = [],
}: {
  kind: DocumentKind;
  id: string;
  number: string;
  canWrite: boolean;
  labelsHref: string | null;
  blockers: Blocker[];
  readable: DocumentKind[];
  stockHref: string | null;
  /** "Return…" and "Credit note…": new returns of this document's goods, for the kinds this user may write. */
  returnLinks?: { href: string; label: string }[];
}) {
  const info = KINDS[kind];
  const pinned = canWrite && isPinned(blockers);
  const remove = useDelete(kind, id, number);
  return (
    <div className="flex flex-col items-stretch gap-2 sm:items-end">
      <div className="flex flex-wrap gap-2">
        {labelsHref && (
          <Link href={labelsHref} className={buttonClass('secondary')}>
            Print labels
          </Link>
        )}
        {returnLinks.map((link) => (
          <Link key={link.href} href={link.href} className={buttonClass('secondary')}>
            {link.label}
          </Link>
        ))}
        {canWrite && stockHref && (
          <Link href={stockHref} className={buttonClass('secondary')}>
            Create {KINDS[info.generates!].label.toLowerCase()}
          </Link>
        )}
        {canWrite && (
          <Link
            href={`${info.path}/${id}/edit`}
            className={buttonClass('secondary')}
            aria-describedby={pinned ? PINNED_NOTE : undefined}
            title={pinned ? pinnedTooltip(kind, blockers) : undefined}
          >
            {pinned ? `Edit (${correctable(kind, blockers).short})` : 'Edit'}
          </Link>
        )}
        {canWrite &&
          (pinned ? (
            <Button
              variant="dangerOutline"
              disabled
              aria-describedby={PINNED_NOTE}
              title={`Cannot be deleted: ${pinnedTooltip(kind, blockers)}`}
            >
              Delete
            </Button>
          ) : (
            <ConfirmDialog
              title={`Delete ${number}?`}
              confirmLabel="Delete"
              description={
                info.movesStock
                  ? 'Its stock and serial movements are undone. This is refused when later documents depend on them.'
                  : info.generates === null
                    ? 'Its lines and expected serials are removed. This is refused when receipts confirmed it.'
                    : 'Its lines are removed, and the goods document it created is deleted with it.'
              }
              onConfirm={remove.run}
              trigger={
                <Button variant="dangerOutline" disabled={remove.pending}>
                  {remove.pending ? 'Deleting…' : 'Delete'}
                </Button>
              }
            />
          ))}
      </div>
      {pinned && <PinnedActionsNote id={PINNED_NOTE} kind={kind} blockers={blockers} readable={readable} />}
      {remove.error && (
        <div className="max-w-xl">
          <Alert>
            <p>{remove.error.message}</p>
            <RefusalProblems problems={remove.error.problems} readable={readable} />
          </Alert>
        </div>
      )}
    </div>
  );
}

/** Deletes after the confirmation; a refusal keeps every problem the core named. */
function useDelete(kind: DocumentKind, id: string, number: string) {
  const router = useRouter();
  const [error, setError] = useState<{ message: string; problems?: RefusalProblem[] } | null>(null);
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      setError(null);
      const result = await reach(() => deleteDocumentAction(kind, id));
      if (!result.ok) {
        setError({
          message: refusalHeadline(result.error, result.problems, `${number} not deleted`),
          problems: result.problems,
        });
        return;
      }
      router.push(KINDS[kind].path);
      router.refresh();
    });
  return { run, pending, error };
}
