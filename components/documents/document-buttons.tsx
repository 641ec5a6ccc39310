'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import { deleteDocumentAction } from '@/app/(app)/_documents/actions';
import { reach } from '@/lib/actions/reach';

/** Edit, delete (after a confirmation; the core's refusal is shown as it is) and label printing. */
export function DocumentButtons({ kind, id, number, canWrite, labelsHref }: {
  kind: DocumentKind; id: string; number: string; canWrite: boolean; labelsHref: string | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const info = KINDS[kind];
  const remove = () => startTransition(async () => {
    setError(null);
    const result = await reach(() => deleteDocumentAction(kind, id));
    if (!result.ok) {
      setError(result.error);
      return;
    }
    router.push(info.path);
    router.refresh();
  });
  return (
    <div className="flex flex-col items-stretch gap-2 sm:items-end">
      <div className="flex flex-wrap gap-2">
        {labelsHref && <Link href={labelsHref} className={buttonClass('secondary')}>Print labels</Link>}
        {canWrite && <Link href={`${info.path}/${id}/edit`} className={buttonClass('secondary')}>Edit</Link>}
        {canWrite && (
          <ConfirmDialog title={`Delete ${number}?`} confirmLabel="Delete"
            description={info.movesStock
              ? 'Its stock and serial movements are undone. This is refused when later documents depend on them.'
              : 'Its lines are removed, and the goods document it created is deleted with it.'}
            onConfirm={remove}
            trigger={<Button variant="dangerOutline" disabled={pending}>{pending ? 'Deleting…' : 'Delete'}</Button>} />
        )}
      </div>
      {error && <div className="max-w-xl"><Alert>{error}</Alert></div>}
    </div>
  );
}
