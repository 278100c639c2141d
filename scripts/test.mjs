// `npm test`: type-check, unit and integration tests (Vitest), then the Playwright end-to-end suite.
// Every stage runs even if an earlier one failed, so one run shows every problem; the exit code is the first failure.
import { ensureBuild, ensureDependencies, run } from './setup.mjs';

ensureDependencies();
ensureBuild();
const stages = [
  ['Type-check', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['Vitest', 'npx', ['vitest', 'run']],
  ['Playwright', 'npx', ['playwright', 'test']],
];
const failed = [];
for (const [name, command, args] of stages) {
  process.stdout.write(`\n=== ${name}: ${command} ${args.join(' ')}\n`);
  const status = run(command, args);
  if (status !== 0) failed.push(name);
}
process.stdout.write(`\n=== npm test: ${stages.length - failed.length} of ${stages.length} stages passed${failed.length ? ` (failed: ${failed.join(', ')})` : ''}\n`);
process.exit(failed.length ? 1 : 0);
