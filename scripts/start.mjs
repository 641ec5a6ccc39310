// npm start: builds once if there is no production build, then serves it. The server itself starts the
// embedded PostgreSQL (when DATABASE_URL is unset), migrates and seeds on start (instrumentation.ts).
// npm run start:next (`--no-build`): serves the build there is, without that check.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * V8's young generation at 64 MB a semi-space instead of Node 20's 16 MB: rendering a page allocates a lot that
 * dies young, and with the default the scavenger ran so often that garbage collection took 10.6 % of the app's CPU
 * in a 30 s closed-loop load test (`PERF_CPU_PROF`); with 64 MB, 7.2 %. Its effect on latency is inside the runs'
 * spread (docs/quality.md). It cost 32 MB more peak memory (next's processes: 569 → 601 MB in that test). Set
 * first, so a --max-semi-space-size in NODE_OPTIONS still wins.
 */
const SERVER_NODE_OPTIONS = '--max-semi-space-size=64';

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
