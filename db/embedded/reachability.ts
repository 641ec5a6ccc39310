import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * True when a user other than the owner can traverse every folder down to `target` (o+x on each).
 * Used as root to decide whether the `postgres` user can reach a path.
 */
export async function isReachableByOthers(target: string): Promise<boolean> {
  let current = path.resolve(target);
  for (;;) {
    const stat = await fs.stat(current).catch(() => null);
    if (stat && (stat.mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}
