import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, stopEmbeddedPostgres } from '@/db/embedded/server';

const dataDir = path.resolve('.data/test-recovery-postgres');
const port = 54359;

/** Starts the embedded server in a child process that then waits to be killed, like a running app. */
function startInChild(): Promise<number> {
  const script = `import { startEmbeddedPostgres } from './db/embedded/server.ts';
    await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, password: 'pw', log: () => {} });
    console.log('READY'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('READY')) resolve(child.pid!);
    });
    child.on('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
}

describe('embedded PostgreSQL', () => {
  afterAll(async () => {
    await stopEmbeddedPostgres(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('recovers after the app was killed with kill -9: the next start adopts the running server', async () => {
    rmSync(dataDir, { recursive: true, force: true });
    const pid = await startInChild();
    process.kill(pid, 'SIGKILL');
    const logs: string[] = [];
    const server = await startEmbeddedPostgres({ dataDir, port, password: 'pw', log: (m) => logs.push(m) });
    expect(logs.join('\n')).toContain(`reusing the PostgreSQL server already running on port ${port}`);
    const sql = postgres(server.adminUrl('postgres'), { max: 1 });
    const [{ ok }] = await sql`select 1 as ok`;
    await sql.end();
    expect(ok).toBe(1);
    server.stop();
    // Stopped for real now: a fresh start initialises nothing new but starts the server again.
    const again = await startEmbeddedPostgres({ dataDir, port, password: 'pw', log: (m) => logs.push(m) });
    expect(logs.at(-1)).toContain(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
    again.stop();
  });
});
