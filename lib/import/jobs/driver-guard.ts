/**
 * postgres.js 3.4.9 has a known defect (porsager/postgres#1154, #1208; fix proposed in PR #1209): when a
 * connection closes while a transaction still sends on it (the ROLLBACK after the server went away),
 * a write scheduled with setImmediate runs against the already cleared socket and throws
 * "Cannot read properties of null (reading 'write')" from the event loop, where nothing can catch it.
 * Next.js logs uncaught exceptions and goes on; a plain Node process (`npm run worker`) would die in the
 * middle of every database restart. The statement that write belonged to has already failed for its
 * caller (the transaction was rejected with CONNECTION_CLOSED), so that one error is safe to drop.
 * `npm install` now repairs the driver (scripts/patch-postgres-driver.mjs, postinstall); this guard stays
 * for a checkout whose install ran with --ignore-scripts. Remove both once a released driver is fixed.
 */

let installed = false;

export function isDriverWriteAfterClose(error: unknown): boolean {
  if (!(error instanceof TypeError) || !/^Cannot read properties of null \(reading 'write'\)$/.test(error.message))
    return false;
  const stack = error.stack ?? '';
  return /\bnextWrite\b/.test(stack) && /[\\/]postgres[\\/](cjs[\\/])?src[\\/]connection\.js/.test(stack);
}

/**
 * Drops the driver's write-after-close error; any other uncaught exception keeps Node's default (print,
 * exit 1) when no one else listens, and is left to the other listener (Next.js, a test runner) otherwise.
 */
export function installDriverCrashGuard(log: (message: string) => void): void {
  if (installed) return;
  installed = true;
  process.on('uncaughtException', (error) => {
    if (isDriverWriteAfterClose(error)) {
      log('ignored a postgres.js write on a closed connection (porsager/postgres#1208); its query had already failed');
      return;
    }
    if (process.listenerCount('uncaughtException') > 1) return;
    console.error(error);
    process.exit(1);
  });
}
