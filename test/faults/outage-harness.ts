import { spawn } from 'node:child_process';
import { afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { startTcpProxy } from './tcp-proxy';

export function withPort(url: string, port: number): string {
  const u = new URL(url);
  u.port = String(port);
  return u.toString();
}

/**
 * The test database behind a TCP relay that can be cut (terminating the relayed backends) and restored,
 * plus `npm run worker` child processes; everything is stopped after the file.
 */
export async function outageHarness(db: Db, url: string) {
  const target = new URL(url);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) }, async (ports) => {
    if (ports.length)
      await db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity where client_port = any(${`{${ports.join(',')}}`}::int[])`,
      );
  });
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await proxy.close();
  });

  /** `npm run worker` as a child process: a driver error it survives or not is its own, as in production. */
  function startWorkerProcess(workerUrl: string, env: Record<string, string> = {}) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        DATABASE_URL: workerUrl,
        NODE_ENV: 'test',
        IMPORT_CHUNK_ROWS: '100',
        IMPORT_POLL_MS: '50',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log: string[] = [];
    const collect = (chunk: Buffer) => log.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    /**
     * The exit code, or 'still running' after `ms`: a worker that cannot stop fails the test at once, not at its
     * timeout.
     */
    const exitedWithin = (ms: number) =>
      Promise.race([exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms))]);
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    return { child, log, exited, exitedWithin };
  }

  return { proxy, startWorkerProcess };
}
