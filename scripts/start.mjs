// npm start: builds once if there is no production build, then serves it. The server itself starts the
// embedded PostgreSQL (when DATABASE_URL is unset), migrates and seeds on start (instrumentation.ts).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const nextBin = 'node_modules/.bin/next';
if (!existsSync('.next/BUILD_ID')) {
  console.log('[start] no production build yet: running next build (once)…');
  const build = spawnSync(nextBin, ['build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const port = process.env.PORT ?? '3000';
const server = spawn(nextBin, ['start', '-p', port], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
