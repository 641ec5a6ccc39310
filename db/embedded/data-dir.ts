import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isReachableByOthers } from './reachability';
import type { OsUser } from './os-user';

/**
 * Where the cluster's files live. As root, the server runs as `postgres`, which cannot enter a checkout
 * under a root-only folder (such as /root); then the data moves to /var/lib/serialstock/<hash of path>.
 */
export async function prepareDataDir(requested: string, owner: OsUser | null): Promise<string> {
  let dataDir = path.resolve(requested);
  if (owner && !(await isReachableByOthers(path.dirname(dataDir)))) {
    const tag = createHash('sha1').update(dataDir).digest('hex').slice(0, 12);
    const base = process.env.PG_FALLBACK_DIR ?? '/var/lib/serialstock';
    dataDir = path.join(base, tag, 'postgres');
    console.warn(`[db] ${requested} is not reachable by the postgres user; keeping PostgreSQL data in ${dataDir}`);
    await mkdirReachable(path.dirname(dataDir));
  }
  // Parents stay traversable for the server's user; the cluster folder itself is private to it.
  await fs.mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (owner) await fs.chown(dataDir, owner.uid, owner.gid);
  return dataDir;
}

async function mkdirReachable(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o755 });
  for (let d = dir; d !== path.dirname(d) && d.startsWith('/var/lib/'); d = path.dirname(d)) {
    await fs.chmod(d, 0o755);
  }
}
