'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { revokeApiKeyAction } from './actions';
import { reach } from '@/lib/actions/reach';

export function RevokeButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <ConfirmDialog
        title={`Revoke ${name}?`}
        description="Every system using this key loses access at once. This cannot be undone."
        confirmLabel="Revoke key"
        trigger={<Button variant="dangerOutline">Revoke {name}</Button>}
        onConfirm={async () => {
          const result = await reach(() => revokeApiKeyAction({ id }));
          setError(result.ok ? null : result.error);
          router.refresh();
        }}
      />
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </>
  );
}
