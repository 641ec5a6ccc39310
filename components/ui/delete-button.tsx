'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { Alert } from './alert';
import { Button } from './button';
import { ConfirmDialog } from './confirm-dialog';
import { reach } from '@/lib/actions/reach';

/** Delete with a confirmation; a refusal from the server (e.g. "still used by 3 documents") is shown as is. */
export function DeleteButton({
  label,
  title,
  description,
  run,
  redirectTo,
}: {
  label: string;
  title: string;
  description: string;
  run: () => Promise<ActionResult<unknown>>;
  redirectTo?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <ConfirmDialog
        title={title}
        description={description}
        confirmLabel="Delete"
        trigger={<Button variant="dangerOutline">{label}</Button>}
        onConfirm={async () => {
          const result = await reach(run);
          if (!result.ok) return setError(result.error);
          setError(null);
          if (redirectTo) router.push(redirectTo);
          router.refresh();
        }}
      />
      {error && <Alert>{error}</Alert>}
    </div>
  );
}
