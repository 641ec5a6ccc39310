// npx tsx scripts/bundle/check-budgets.ts [.next] — prints every route's first-load JS (gzip) beside its budget
// and exits 1 on a broken budget (scripts/bundle/budgets.ts says which). scripts/test-e2e.sh runs it after its build.
import path from 'node:path';
import { budgetOf, budgetProblems, cameraChunks } from './budgets';
import { firstLoadSizes, kb } from './first-load';

const nextDir = path.resolve(process.argv[2] ?? '.next');
const loads = firstLoadSizes(nextDir);
const camera = cameraChunks(nextDir);
console.log('First-load JavaScript per route (gzip), beside its budget:');
for (const load of loads)
  console.log(
    `  ${load.route.padEnd(34)} ${kb(load.gzipBytes).toFixed(1).padStart(6)} KB  (budget ${budgetOf(load.route)} KB)`,
  );
console.log(`Camera scanner chunks, loaded only when the camera opens: ${camera.join(', ') || 'none'}`);
const problems = budgetProblems(loads, camera);
for (const problem of problems) console.error(`BUDGET BROKEN: ${problem}`);
process.exit(problems.length > 0 ? 1 : 0);
