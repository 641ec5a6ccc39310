// `npm audit --omit=dev` for npm test: fails on a high or critical advisory in what the app ships.
// When the advisory service cannot be asked (offline, or a registry mirror without the audit endpoint) the
// check is skipped with a warning rather than failing every offline run; AUDIT_REQUIRED=true (CI) fails instead.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
let report = null;
try {
  report = JSON.parse(run.stdout);
} catch {
  // no JSON at all: npm itself failed; handled below as "could not ask"
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const why = report?.message || run.error?.message || run.stderr.trim().split('\n').pop() || 'no answer';
  if (process.env.AUDIT_REQUIRED === 'true') {
    console.error(`[audit] FAILED: the advisory service could not be asked (${why}) and AUDIT_REQUIRED=true`);
    process.exit(1);
  }
  console.warn(
    `[audit] SKIPPED: the advisory service could not be asked (${why}); set AUDIT_REQUIRED=true to fail instead`,
  );
  process.exit(0);
}
const summary = ['critical', 'high', 'moderate', 'low'].map((level) => `${counts[level] ?? 0} ${level}`).join(', ');
if ((counts.high ?? 0) + (counts.critical ?? 0) > 0) {
  spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high'], { stdio: 'inherit' });
  console.error(`[audit] FAILED: ${summary} in production dependencies`);
  process.exit(1);
}
console.log(`[audit] ok: ${summary} in production dependencies (high and critical fail the run)`);
