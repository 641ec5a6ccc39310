// The production app as the fault and fuzz scripts drive it: `node scripts/start.mjs` on its own port,
// PostgreSQL port and data folder, started in a process group of its own so a crash can be simulated
// by SIGKILL of the whole group (start.mjs and the next-server it spawns, as a host crash would).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { stopEmbeddedPostgres } from '@/db/embedded/server';

export const PG_PASSWORD = 'serialstock-local';

/**
 * Where the app runs from: this checkout, or FAULTS_APP_DIR (a copy with its own production build, for
 * measuring fresh code without rebuilding the .next folder that other people's servers are using).
 */
export const APP_DIR = path.resolve(process.env.FAULTS_APP_DIR ?? '.');

export interface AppConfig {
  name: string;
  port: number;
  pgPort: number;
  /** Absolute (see appConfig): the app and this script must mean the same folder. */
  dataDir: string;
  env?: Record<string, string>;
}

/** A scenario's ports and data folder, overridable by FAULTS_PORT, FAULTS_PG_PORT, FAULTS_DATA_DIR. */
export function appConfig(name: string, port: number, pgPort: number): AppConfig {
  return {
    name,
    port: Number(process.env.FAULTS_PORT ?? port),
    pgPort: Number(process.env.FAULTS_PG_PORT ?? pgPort),
    dataDir: path.resolve(process.env.FAULTS_DATA_DIR ?? `./.data/${name}`),
  };
}

/** `npx next build` once when there is no production build: the scripts measure what users run. */
export function ensureProductionBuild(): void {
  const buildId = path.join(APP_DIR, '.next/BUILD_ID');
  if (existsSync(buildId)) {
    // Not rebuilt here: other people's servers may be running on this .next folder.
    const newer = newestSource(['app', 'lib', 'db', 'components']);
    if (newer && newer.mtimeMs > statSync(buildId).mtimeMs) {
      console.warn(
        `[faults] WARNING: ${newer.file} is newer than the production build; the figures are for the build, not for that change (npx next build).`,
      );
    }
    return;
  }
  console.log(`[faults] no production build in ${APP_DIR}: running next build (once)…`);
  const build = spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit', cwd: APP_DIR });
  if (build.status !== 0) throw new Error('next build failed');
}

function newestSource(dirs: string[]): { file: string; mtimeMs: number } | null {
  let newest: { file: string; mtimeMs: number } | null = null;
  const visit = (dir: string) => {
    for (const entry of safeReaddir(dir)) {
      const file = path.join(dir, entry);
      const stat = statSync(file);
      if (stat.isDirectory()) visit(file);
      else if (
        /\.(ts|tsx|mjs)$/.test(entry) &&
        !/\.test\.tsx?$/.test(entry) &&
        (!newest || stat.mtimeMs > newest.mtimeMs)
      )
        newest = { file, mtimeMs: stat.mtimeMs };
    }
  };
  for (const dir of dirs) visit(path.join(APP_DIR, dir));
  return newest;
}

/** Stops a server left on the folder by an earlier run and deletes the folder: every run starts empty. */
export async function freshDataDir(dataDir: string): Promise<void> {
  if (existsSync(dataDir)) await stopEmbeddedPostgres(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}.owner`, { force: true });
}

export function databaseUrl(config: AppConfig): string {
  return `postgres://postgres:${PG_PASSWORD}@127.0.0.1:${config.pgPort}/serialstock`;
}

/** Child pids of a process, from /proc (Linux). */
export function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const task of safeReaddir(`/proc/${pid}/task`)) {
    const text = safeRead(`/proc/${pid}/task/${task}/children`);
    children.push(...text.split(/\s+/).filter(Boolean).map(Number));
  }
  return children;
}

/** Resident memory of a process in MB (VmRSS), or null when it is gone. */
export function rssMb(pid: number): number | null {
  const match = safeRead(`/proc/${pid}/status`).match(/^VmRSS:\s+(\d+) kB/m);
  return match ? Number(match[1]) / 1024 : null;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export class App {
  private child: ChildProcess | null = null;
  readonly url: string;
  readonly logFile: string;
  private starts = 0;

  constructor(readonly config: AppConfig) {
    this.url = `http://127.0.0.1:${config.port}`;
    this.logFile = path.join(path.dirname(config.dataDir), `${config.name}.log`);
  }

  /** Starts `node scripts/start.mjs` and waits until it answers HTTP (startup migrates and seeds first). */
  async start(timeoutMs = 180_000): Promise<void> {
    this.starts++;
    const log = createWriteStream(this.logFile, { flags: this.starts === 1 ? 'w' : 'a' });
    log.write(`\n----- start #${this.starts} at ${new Date().toISOString()} -----\n`);
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: APP_DIR,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: '',
        PORT: String(this.config.port),
        PG_PORT: String(this.config.pgPort),
        PG_DATA_DIR: this.config.dataDir,
        ...this.config.env,
      },
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.child = child;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}; see ${this.logFile}`);
      if (this.log().includes('[app] open http')) {
        const ok = await fetch(`${this.url}/api/openapi.json`, { signal: AbortSignal.timeout(5_000) }).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) return;
      }
      await sleep(250);
    }
    throw new Error(`the app did not start within ${timeoutMs / 1000} s; see ${this.logFile}`);
  }

  /** The next-server process that serves requests and runs the in-process import worker. */
  serverPid(): number | null {
    if (!this.child?.pid) return null;
    return childPids(this.child.pid)[0] ?? null;
  }

  /** kill -9 of start.mjs and next-server together; PostgreSQL (a daemon in its own session) survives. */
  async crash(): Promise<{ killedPids: number[] }> {
    const child = this.child;
    if (!child?.pid) throw new Error('the app is not running');
    const killedPids = [child.pid, ...childPids(child.pid)];
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGKILL');
    await exited;
    this.child = null;
    return { killedPids };
  }

  /** A normal stop (SIGTERM): the app finishes, stops its worker and its embedded PostgreSQL. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 30_000);
    await exited;
    clearTimeout(timer);
    this.child = null;
  }

  log(): string {
    return safeRead(this.logFile);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
