import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import postgres from 'postgres';
import { LARGE_DEFAULTS } from './large-env';

export type PerfEnv = { appPort: number; baseUrl: string; databaseUrl: string; pgDataDir: string; pgPort: number };

/**
 * Our own ports and data folder (never the app's or the test servers' defaults), overridable by the usual variables.
 */
export function perfEnv(): PerfEnv {
  const appPort = Number(process.env.PORT ?? LARGE_DEFAULTS.appPort);
  const pgPort = Number(process.env.PG_PORT ?? LARGE_DEFAULTS.pgPort);
  const pgDataDir = process.env.PG_DATA_DIR ?? LARGE_DEFAULTS.dataDir;
  const password = encodeURIComponent(process.env.PG_PASSWORD ?? 'serialstock-local');
  const databaseUrl = process.env.DATABASE_URL ?? `postgres://postgres:${password}@127.0.0.1:${pgPort}/serialstock`;
  return { appPort, pgPort, pgDataDir, databaseUrl, baseUrl: `http://127.0.0.1:${appPort}` };
}

/** The production build: reused when present (PERF_REBUILD=true forces a fresh one). */
export function ensureProductionBuild(): void {
  if (existsSync('.next/BUILD_ID') && process.env.PERF_REBUILD !== 'true') return;
  console.log('[perf] building the production build (next build)…');
  const build = spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('next build failed');
}

export type RunningApp = { stop: () => Promise<void> };

/**
 * Starts `node scripts/start.mjs` (the production server, which starts the embedded PostgreSQL on our
 * data folder) and waits until it answers. Its output goes to a log file, not to our table.
 */
export async function startApp(env: PerfEnv, extra: Record<string, string> = {}, name = 'app'): Promise<RunningApp> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(env.appPort),
    PG_PORT: String(env.pgPort),
    PG_DATA_DIR: env.pgDataDir,
    ...extra,
  };
  // PERF_CPU_PROF=<folder>: run `next start` directly under node --cpu-prof (not allowed in NODE_OPTIONS);
  // the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profileDir = process.env.PERF_CPU_PROF ? path.resolve(process.env.PERF_CPU_PROF) : null;
  const args = profileDir
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${profileDir}`,
        'node_modules/next/dist/bin/next',
        'start',
        '-p',
        String(env.appPort),
      ]
    : ['scripts/start.mjs'];
  const logFile = `${env.pgDataDir}-${name}.log`;
  mkdirSync(path.dirname(logFile), { recursive: true });
  const out = openSync(logFile, 'a');
  const child = spawn('node', args, { env: childEnv, stdio: ['ignore', out, out] });
  console.log(`[perf] started the ${name} (pid ${child.pid}) on ${env.baseUrl}; its log: ${logFile}`);
  await waitUntilUp(env.baseUrl, child);
  return { stop: () => stopChild(child) };
}

/**
 * A bulk write worker in its own process (`npm run worker`, as the deployment guide runs them), on the
 * app's database; its output goes to a log file. For runs whose app has IMPORT_WORKER=false.
 */
export async function startWorker(
  env: PerfEnv,
  extra: Record<string, string> = {},
  name = 'worker',
): Promise<RunningApp & { logFile: string }> {
  const logFile = `${env.pgDataDir}-${name}.log`;
  const out = openSync(logFile, 'a');
  const child = spawn('node', ['--import', 'tsx', 'scripts/worker.ts'], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: env.databaseUrl, ...extra },
    stdio: ['ignore', out, out],
  });
  console.log(`[perf] started a separate import worker (pid ${child.pid}); its log: ${logFile}`);
  return { logFile, stop: () => stopChild(child) };
}

/** What the app is serving: the figures mean little on the few rows of the demo data, so say which data set it is. */
export async function describeData(db: postgres.Sql): Promise<string> {
  const [row] =
    await db`select (select count(*) from item)::int as items, (select count(*) from serial_number)::int as serials,
    (select count(*) from document)::int as documents`;
  const large = row.serials >= 100_000;
  return (
    `${large ? 'large data set' : 'SMALL data set (run npm run seed:large for the real figures)'}: ` +
    `${row.items.toLocaleString('en')} items, ${row.serials.toLocaleString('en')} serials, ${row.documents.toLocaleString('en')} documents`
  );
}

async function waitUntilUp(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the app exited with code ${child.exitCode} before answering (see its log)`);
    const ok = await fetch(`${baseUrl}/sign-in`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the app did not answer within 180 s');
}

/** SIGTERM to start.mjs, which passes it on to next start; that process stops the embedded PostgreSQL it started. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export function openDb(env: PerfEnv) {
  return postgres(env.databaseUrl, { max: 2, onnotice: () => {} });
}

/**
 * A signed-in browser without the sign-in form: a session row plus the cookie better-auth would set,
 * `better-auth.session_token=<token>.<base64 HMAC-SHA256 of the token>` signed with the app's secret
 * (BETTER_AUTH_SECRET, else app_setting 'auth_secret', created here exactly as the app would if missing).
 */
export async function sessionCookie(db: postgres.Sql, email: string): Promise<string> {
  const secret = process.env.BETTER_AUTH_SECRET ?? (await appSecret(db));
  const [user] = await db`select id from "user" where email = ${email} and active`;
  if (!user) throw new Error(`no active user ${email}`);
  const token = randomBytes(24).toString('base64url');
  await db`insert into session (token, user_id, expires_at, ip_address, user_agent)
    values (${token}, ${user.id}, now() + interval '1 day', '127.0.0.1', 'serialstock-perf')`;
  const signature = createHmac('sha256', secret).update(token).digest('base64');
  return `better-auth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}

async function appSecret(db: postgres.Sql): Promise<string> {
  await db`insert into app_setting (key, value) values ('auth_secret', ${randomBytes(32).toString('hex')}) on conflict do nothing`;
  const [row] = await db`select value from app_setting where key = 'auth_secret'`;
  return row.value as string;
}

/**
 * An API key as lib/auth/api-keys.ts createApiKey makes one (that module is server-only): only its SHA-256 is stored.
 */
export async function apiKey(
  db: postgres.Sql,
  name: string,
  role: 'admin' | 'warehouse' | 'accountant',
  createdByEmail = 'admin@example.com',
): Promise<string> {
  const key = `ssk_${randomBytes(24).toString('base64url')}`;
  await db`insert into api_key (name, role, key_hash, key_prefix, signing_secret, created_by)
    select ${name}, ${role}, ${createHash('sha256').update(key).digest('hex')}, ${key.slice(0, 10)}, ${randomBytes(32).toString('hex')}, id
    from "user" where email = ${createdByEmail}`;
  return key;
}

/** Fails loudly when the cookie would not sign in: a protected page must answer 200, not a redirect to /sign-in. */
export async function assertSignedIn(baseUrl: string, cookie: string): Promise<void> {
  const response = await fetch(`${baseUrl}/`, { headers: { cookie }, redirect: 'manual' });
  if (response.status !== 200)
    throw new Error(
      `the session cookie does not sign in: GET / answered ${response.status} ${response.headers.get('location') ?? ''}`,
    );
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((sorted.length * p) / 100) - 1))];
}

/** Other work on the machine skews every figure here: the load average is printed beside them. */
export function machineLoad(): string {
  const [one, five] = os.loadavg();
  return `machine load average ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min) on ${os.cpus().length} cores`;
}
