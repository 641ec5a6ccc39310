'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';

/**
 * A page whose server part failed. In production Next.js hides the cause from the browser, and the
 * usual one is a database that is restarting or unreachable, which clears by itself in seconds: say so,
 * and offer to load the page again (refresh re-runs the server part; reset re-renders this boundary).
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [retrying, startRetry] = useTransition();
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center" role="alert">
      <p className="text-sm font-semibold text-red-700">Temporarily unavailable</p>
      <h1 className="mt-2 text-2xl font-semibold">This page could not be loaded</h1>
      <p className="mt-2 text-slate-600">
        The server could not reach its database or hit another error. If the database is restarting this clears in a few
        seconds: try again. Nothing was saved unless you saw it confirmed.
      </p>
      <Button
        className="mt-6"
        disabled={retrying}
        onClick={() =>
          startRetry(() => {
            router.refresh();
            reset();
          })
        }
      >
        {retrying ? 'Trying again…' : 'Try again'}
      </Button>
      {error.digest ? <p className="mt-4 text-xs text-slate-500">Reference for support: {error.digest}</p> : null}
    </main>
  );
}
