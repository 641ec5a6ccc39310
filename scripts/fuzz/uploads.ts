// npm run fuzz: 1,000 generated hostile requests (scripts/fuzz/cases.ts) against the upload and job
// endpoints of a running production server, FUZZ_CONCURRENCY (4) at a time. Pass: no 5xx, no generic
// INTERNAL_ERROR, every malformed input refused with a specific Zoho code, the server still answering
// with the same process afterwards, and its resident memory (VmRSS, sampled every 100 ms) under 512 MB.
// Own ports and a fresh data folder: FUZZ_PORT (3703), FUZZ_PG_PORT (54703), FUZZ_DATA_DIR (./.data/fuzz).
// FUZZ_URL + FUZZ_KEY + FUZZ_PID aim it at a server you started yourself instead.
import path from 'node:path';
import { App, databaseUrl, ensureProductionBuild, freshDataDir, rssMb, sleep } from '@/scripts/faults/lib/app';
import { adminApiKey, Api, openDb } from '@/scripts/faults/lib/clients';
import { fuzzCases, judge, type FuzzCase, type Outcome } from './cases';

const COUNT = Number(process.env.FUZZ_CASES ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 4);
const RSS_LIMIT_MB = 512;

type Result = {
  fuzzCase: FuzzCase;
  status: number;
  outcome: Outcome;
  ok: boolean;
  code: string;
  ms: number;
  detail: string;
};

async function send(api: Api, fuzzCase: FuzzCase): Promise<Result> {
  const headers = { ...fuzzCase.headers };
  const answer = await api.request(
    fuzzCase.method,
    fuzzCase.path,
    fuzzCase.body ? new Uint8Array(fuzzCase.body) : undefined,
    headers,
  );
  const verdict = judge(fuzzCase, answer.status, answer.json as { status?: unknown; code?: unknown } | null);
  const detail = answer.error ?? String(answer.json?.message ?? '').slice(0, 160);
  return { fuzzCase, status: answer.status, ...verdict, ms: answer.ms, detail };
}

/** The server under test: ours (fresh, production build) unless FUZZ_URL names one already running. */
async function target() {
  if (process.env.FUZZ_URL) {
    return {
      url: process.env.FUZZ_URL,
      key: process.env.FUZZ_KEY ?? '',
      pid: Number(process.env.FUZZ_PID ?? 0) || null,
      stop: async () => {},
    };
  }
  ensureProductionBuild();
  const config = {
    name: 'fuzz',
    port: Number(process.env.FUZZ_PORT ?? 3703),
    pgPort: Number(process.env.FUZZ_PG_PORT ?? 54703),
    dataDir: path.resolve(process.env.FUZZ_DATA_DIR ?? './.data/fuzz'),
  };
  await freshDataDir(config.dataDir);
  const app = new App(config);
  console.log(
    `[fuzz] starting the production app on ${app.url} (PostgreSQL ${config.pgPort}, ${config.dataDir}); log: ${app.logFile}`,
  );
  await app.start();
  const { db, sql } = openDb(databaseUrl(config));
  const key = await adminApiKey(db);
  await sql.end();
  return { url: app.url, key, pid: app.serverPid(), stop: () => app.stop() };
}

function summarise(results: Result[]) {
  const byCategory = new Map<string, Result[]>();
  for (const result of results)
    byCategory.set(result.fuzzCase.category, [...(byCategory.get(result.fuzzCase.category) ?? []), result]);
  console.log(
    '\n[fuzz] category          cases  refused (codes)                                              accepted  failed',
  );
  for (const [category, list] of byCategory) {
    const codes = new Map<string, number>();
    for (const r of list.filter((r) => r.outcome === 'refused'))
      codes.set(`${r.status} ${r.code}`, (codes.get(`${r.status} ${r.code}`) ?? 0) + 1);
    const codeText = [...codes]
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${n}× ${code}`)
      .join(', ');
    console.log(
      `  ${category.padEnd(20)} ${String(list.length).padStart(5)}  ${String(list.filter((r) => r.outcome === 'refused').length).padStart(4)} (${codeText})`.padEnd(
        100,
      ) +
        `${String(list.filter((r) => r.outcome === 'accepted').length).padStart(4)}  ${String(list.filter((r) => !r.ok).length).padStart(6)}`,
    );
  }
}

async function main() {
  const server = await target();
  const api = new Api(server.url, server.key, 120_000);
  let maxRss = server.pid ? (rssMb(server.pid) ?? 0) : 0;
  const startRss = maxRss;
  const sampler = setInterval(() => {
    if (server.pid) maxRss = Math.max(maxRss, rssMb(server.pid) ?? 0);
  }, 100);
  const results: Result[] = [];
  // Which cases raised the high-water mark (with 4 in flight, one of the 4 did).
  const steps: { fuzzCase: FuzzCase; mb: number; to: number }[] = [];
  const started = Date.now();
  try {
    // An async generator queues concurrent next() calls, so the senders share it safely.
    const cases = fuzzCases(COUNT, SEED);
    const take = async (): Promise<FuzzCase | null> => {
      const { value, done } = await cases.next();
      return done ? null : value;
    };
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let fuzzCase = await take(); fuzzCase; fuzzCase = await take()) {
          const maxBefore = maxRss;
          results.push(await send(api, fuzzCase));
          if (maxRss - maxBefore >= 20) steps.push({ fuzzCase, mb: maxRss - maxBefore, to: maxRss });
          if (results.length % 100 === 0)
            console.log(`[fuzz] ${results.length}/${COUNT} sent, max RSS so far ${maxRss.toFixed(0)} MB`);
        }
      }),
    );
    await sleep(500);
  } finally {
    clearInterval(sampler);
  }
  const seconds = (Date.now() - started) / 1000;
  const alive = server.pid ? rssMb(server.pid) !== null : true;
  const after = await api.request('GET', '/crm/v8/users?type=CurrentUser');
  summarise(results);
  const failures = results.filter((r) => !r.ok);
  for (const failure of failures.slice(0, 25)) {
    console.log(
      `  FAIL #${failure.fuzzCase.index} ${failure.fuzzCase.category} (${failure.fuzzCase.name}): ${failure.outcome} ${failure.status} ${failure.code} ${failure.detail}`,
    );
  }
  for (const step of steps.sort((a, b) => b.mb - a.mb).slice(0, 5)) {
    console.log(
      `  RSS +${step.mb.toFixed(0)} MB to ${step.to.toFixed(0)} MB while #${step.fuzzCase.index} ${step.fuzzCase.category} (${step.fuzzCase.name}) was in flight`,
    );
  }
  const count = (outcome: Outcome) => results.filter((r) => r.outcome === outcome).length;
  const checks = [
    [
      `${COUNT} cases sent`,
      results.length === COUNT,
      `${results.length} in ${seconds.toFixed(1)} s (seed ${SEED}, ${CONCURRENCY} at a time)`,
    ],
    ['0 responses 5xx', count('server-error') === 0, `${count('server-error')}`],
    ['0 generic INTERNAL_ERROR', count('generic-error') === 0, `${count('generic-error')}`],
    [
      'every malformed input refused with a specific code',
      count('accepted-malformed') === 0 && count('unspecific') === 0,
      `${count('refused')} refused with a Zoho code, ${count('accepted')} odd-but-readable files accepted, ${count('accepted-malformed')} malformed accepted, ${count('unspecific')} without a code`,
    ],
    [
      '0 crashes: same server process, still answering',
      alive && after.status === 200,
      `process ${server.pid ?? '?'} ${alive ? 'alive' : 'gone'}, GET /crm/v8/users → ${after.status}`,
    ],
    [
      `memory under ${RSS_LIMIT_MB} MB`,
      server.pid !== null && maxRss < RSS_LIMIT_MB,
      `VmRSS ${startRss.toFixed(0)} MB before, max ${maxRss.toFixed(0)} MB during the run`,
    ],
  ] as const;
  console.log('\n[fuzz] checks');
  for (const [name, ok, detail] of checks) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name} — ${detail}`);
  await server.stop();
  const passed = checks.every(([, ok]) => ok);
  console.log(`[fuzz] ${passed ? 'PASS' : 'FAIL'}`);
  process.exitCode = passed ? 0 : 1;
}

await main();
