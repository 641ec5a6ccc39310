// Runs after `npm install` (postinstall). Repairs two defects of postgres.js 3.4.10 that no 3.x release fixes.
//
// Why it is still here (checked 2026-12 against the packages from npm):
// - 3.4.10 differs from 3.4.9 only in execute() (a query that fails to build no longer fails the query in
//   flight); none of the code below changed, and without this script test/faults/driver-startup and
//   pool-reconnect fail on it (the client process exits on an unhandled 57P01; the pool does not answer
//   within 4 s of the database's return).
// - 4.x (4.0.0-4.2.0) is a rewrite: a connection per socket whose deferred flush checks `closed`, array
//   types loaded by the pool only when a query needs them, both outcomes handled. Unpatched, 4.2.0 passes
//   pool-reconnect, db-outage and api-outage; driver-startup cannot stage its cut (no type query on a plain
//   `select 1`), and tsc fails on reserve()'s type in scripts/bench-import.ts. Moving to 4.x is a driver
//   upgrade of its own (the whole integration suite and the bench), after which this script goes.
//
// A. porsager/postgres#1208, #1154 (fix proposed in PR #1209): a small write is sent on the next turn of
// the event loop, and when the connection closed in between
//   1. the deferred write ran on the cleared socket and threw from the event loop, where no caller
//      can catch it (a transaction's ROLLBACK after the server went away: Node exits), and
//   2. the close cleared the timer without forgetting it, so that connection never sent anything
//      again: every later query on it hung until connect_timeout (the pool "never came back"), and
//   3. a connection closed mid-query kept that (already rejected) query as its current one, so
//      `sql.end()` without a timeout waited for it forever: a worker told to stop after a database
//      restart never exited (the test/faults pause scenario's 180 s timeout).
// The repair: a write without a socket rejects its queries with CONNECTION_CLOSED, and a close forgets
// the pending write and the current query.
//
// B. porsager/postgres#1192, #1205, #1223: every new connection first reads the array types from the
// catalog, and the driver drops that query's promise. When the server ends the connection right then (a
// restart or failover while the pool reconnects), the rejection is unhandled and a plain Node process
// (`npm run worker`) exits with code 1 (test/faults/driver-startup.int.test.ts). The repair: that
// promise's failure is dropped; the connection's own close handling already fails or retries the
// caller's query.
//
// C. porsager/postgres#1119, #1181: the row counter of a result is reset only when a statement completes. A
// statement that fails after PostgreSQL streamed some of its rows (an overflow in the 51st row) never
// completes, so the next query on that connection fills its result from where the failed one stopped: its
// first rows are holes. In the app a request then read a valid API key as missing (401), an existing record
// as not found, a fresh Idempotency-Key as taken (test/hostile/findings-2026-12.int.test.ts). The repair:
// every query cycle (ReadyForQuery) starts counting from 0.
//
// Each edit matches exact text and is applied once (an edit already present is skipped): a different
// driver version fails loudly here so this script is revisited (delete it once a release carries the fixes).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'node_modules', 'postgres');
const MARK = '/* serialstock: porsager/postgres#1208 */';
const TYPES_MARK = '/* serialstock: porsager/postgres#1223 */';
const ROWS_MARK = '/* serialstock: porsager/postgres#1181 */';
const EDITS = [
  {
    from: '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
    to: `  function nextWrite(fn) {\n    ${MARK}\n    if (!socket) {\n      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      query = null\n      return false\n    }\n    const x = socket.write(chunk, fn)`,
  },
  {
    from: '    clearImmediate(nextWriteTimer)\n    if (socket) {',
    to: '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    if (socket) {',
  },
  {
    from: '    clearImmediate(nextWriteTimer)\n    socket.removeListener',
    to: '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    socket.removeListener',
  },
  {
    from: "    !hadError && (query || sent.length) && error(Errors.connection('CONNECTION_CLOSED', options, socket))\n",
    to: "    !hadError && (query || sent.length) && error(Errors.connection('CONNECTION_CLOSED', options, socket))\n    query = null\n",
  },
  {
    from: '        return fetchArrayTypes()\n',
    to: `        return fetchArrayTypes().catch(() => { ${TYPES_MARK} })\n`,
  },
  {
    from: '    query = results = errorResponse = null\n    result = new Result()\n',
    to: `    query = results = errorResponse = null\n    result = new Result()\n    rows = 0 ${ROWS_MARK}\n`,
  },
];

const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
for (const file of ['src/connection.js', 'cjs/src/connection.js']) {
  const target = path.join(root, file);
  if (!existsSync(target)) continue;
  let text = readFileSync(target, 'utf8');
  const missing = EDITS.filter(({ to }) => !text.includes(to));
  if (missing.length === 0) continue;
  for (const { from, to } of missing) {
    if (text.split(from).length !== 2) {
      console.error(
        `[patch-postgres-driver] postgres ${version}: ${file} does not have the expected code; revisit scripts/patch-postgres-driver.mjs`,
      );
      process.exit(1);
    }
    text = text.replace(from, to);
  }
  writeFileSync(target, text);
  console.log(`[patch-postgres-driver] postgres ${version}: ${file} patched (porsager/postgres#1208, #1223, #1181)`);
}
