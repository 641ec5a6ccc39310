'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { reach } from '@/lib/actions/reach';
import { cancelStocktakeAction } from '@/app/(app)/stocktakes/actions';

export function CancelStocktakeButton({ id, number }: { id: string; number: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const cancel = async () => {
    const result = await reach(() => cancelStocktakeAction({ id }));
    if (!result.ok) return setError(result.error);
    router.refresh();
  };
  return (
    <>
      <ConfirmDialog
        trigger={<Button variant="dangerOutline">Cancel count</Button>}
        title={`Cancel stocktake ${number}?`}
        description="Nothing is posted; the scans stay readable and the count can no longer change."
        confirmLabel="Cancel the count"
        onConfirm={() => void cancel()}
      />
      {error && <Alert>{error}</Alert>}
    </>
  );
}
