// npm run faults: every fault scenario, one after the other, each in a process of its own (they start
// and kill production servers on their own ports and data folders). Exits non-zero if any failed.
import { spawnSync } from 'node:child_process';

const SCENARIOS = ['kill-app', 'restart-postgres', 'two-workers'];

// Each scenario builds first when there is no production build (and warns when it is older than the sources).
const results = SCENARIOS.map((name) => {
  console.log(`\n===== ${name} =====`);
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=react-server', `scripts/faults/${name}.ts`],
    { stdio: 'inherit' },
  );
  return { name, ok: run.status === 0, seconds: (Date.now() - started) / 1000 };
});
console.log('\n===== faults =====');
for (const result of results)
  console.log(`  ${result.ok ? 'PASS' : 'FAIL'}  ${result.name} (${result.seconds.toFixed(0)} s)`);
process.exitCode = results.every((result) => result.ok) ? 0 : 1;
