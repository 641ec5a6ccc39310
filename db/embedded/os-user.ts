import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type OsUser = { uid: number; gid: number };

/** The `postgres` system user PostgreSQL runs as when we are root; created if it is missing. */
export async function postgresOsUser(): Promise<OsUser> {
  const found = await lookup();
  if (found) return found;
  await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  const created = await lookup();
  if (!created) throw new Error('Could not create the `postgres` user needed to run PostgreSQL as root.');
  return created;
}

async function lookup(): Promise<OsUser | null> {
  try {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    return { uid, gid };
  } catch {
    return null;
  }
}
