'use client';

import './globals.css';

/**
 * The last resort when the root layout itself failed: it replaces the whole document, so it renders
 * its own <html> and a plain reload link (client navigation may be what broke).
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <main className="mx-auto max-w-lg px-4 py-16 text-center" role="alert">
          <p className="text-sm font-semibold text-red-700">Temporarily unavailable</p>
          <h1 className="mt-2 text-2xl font-semibold">SerialStock could not be loaded</h1>
          <p className="mt-2 text-slate-600">
            The server could not reach its database or hit another error. If the database is restarting this clears in a
            few seconds. Nothing was saved unless you saw it confirmed.
          </p>
          <a href="" className="mt-6 inline-block">
            Try again
          </a>
          {error.digest ? <p className="mt-4 text-xs text-slate-500">Reference for support: {error.digest}</p> : null}
        </main>
      </body>
    </html>
  );
}
