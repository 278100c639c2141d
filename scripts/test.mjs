// `npm test`: lint (ESLint, Prettier, type-check), unit and integration tests (Vitest), then the Playwright end-to-end suite.
// Every stage runs even if an earlier one failed, so one run shows every problem; the exit code says
// whether all passed. The last line adds up both runners' counts ("N passed, N failed, N skipped").
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild, ensureDependencies, root, run } from './setup.mjs';

ensureDependencies();
ensureBuild();
const reports = join(root, '.cache', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const vitestJson = join(reports, 'vitest.json');
const playwrightJson = join(reports, 'playwright.json');

const stages = [
  // ESLint (the layers of ARCHITECTURE.md), Prettier's check and the type-check (scripts/lint.mjs).
  ['Lint', 'node', ['scripts/lint.mjs'], {}],
  ['Vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], {}],
  [
    'Playwright',
    'npx',
    ['playwright', 'test', '--reporter=list,json'],
    { env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson } },
  ],
];
const failed = [];
for (const [name, command, args, options] of stages) {
  process.stdout.write(`\n=== ${name}: ${command} ${args.join(' ')}\n`);
  const status = run(command, args, options);
  if (status !== 0) failed.push(name);
}

const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
const vitest = readJson(vitestJson);
const playwright = readJson(playwrightJson);
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0) + (playwright?.stats?.flaky ?? 0);
const failedTests = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats?.skipped ?? 0);
process.stdout.write(
  `\nnpm test: ${stages.length - failed.length} of ${stages.length} stages passed${failed.length ? ` (failed: ${failed.join(', ')})` : ''}\n`,
);
process.stdout.write(`${passed} passed, ${failedTests} failed, ${skipped} skipped\n`);
process.exit(failed.length || failedTests ? 1 : 0);
