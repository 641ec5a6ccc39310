// npm start: builds once if there is no production build, then serves it. The server itself starts the
// embedded PostgreSQL (when DATABASE_URL is unset), migrates and seeds on start (instrumentation.ts).
// npm run start:next (`--no-build`): serves the build there is, without that check.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * V8's young generation at 32 MB a semi-space instead of Node 20's 16 MB: rendering a page allocates a lot that dies
 * young. Measured on 2026-12-07 (closed-loop `npm run load`, `npm run fuzz`):
 * - 16 MB (Node's default): reads p95 423-444 ms, postings 815-834 ms; GC 12.2 % of the app's CPU; fuzz max 414-492 MB.
 * - 32 MB: reads p95 358-361 ms, postings 705-729 ms; GC 9.2 %; fuzz max 454-504 MB.
 * - 64 MB: reads p95 341-363 ms, postings 664-714 ms; GC 7.3 %; fuzz max 553-580 MB, over its 512 MB budget for a
 *   process under hostile uploads, so not 64.
 * Set first, so a --max-semi-space-size in NODE_OPTIONS still wins.
 */
const SERVER_NODE_OPTIONS = '--max-semi-space-size=32';

const nextBin = 'node_modules/.bin/next';
if (!process.argv.includes('--no-build') && !existsSync('.next/BUILD_ID')) {
  console.log('[start] no production build yet: running next build (once)…');
  const build = spawnSync(nextBin, ['build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const port = process.env.PORT ?? '3000';
const nodeOptions = [SERVER_NODE_OPTIONS, process.env.NODE_OPTIONS].filter(Boolean).join(' ');
const server = spawn(nextBin, ['start', '-p', port], {
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: nodeOptions },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
