// `npm run lint`: ESLint (the layer rules included), Prettier's check and the type-check. Every check runs even
// if an earlier one failed, so one run shows every problem; the exit code says whether all passed.
// `npm run lint -- --fix` lets ESLint and Prettier fix what they can first.
import { run } from './setup.mjs';

const fix = process.argv.includes('--fix');
const checks = [
  ['ESLint', 'npx', ['eslint', '--max-warnings', '0', ...(fix ? ['--fix'] : []), '.']],
  ['Prettier', 'npx', ['prettier', fix ? '--write' : '--check', '--log-level', 'warn', '.']],
  ['Type-check', 'npx', ['tsc', '--noEmit', '-p', '.']],
];
const failed = [];
for (const [name, command, args] of checks) {
  process.stdout.write(`\n--- ${name}: ${command} ${args.join(' ')}\n`);
  if (run(command, args) !== 0) failed.push(name);
}
process.stdout.write(failed.length ? `\nlint: failed: ${failed.join(', ')}\n` : '\nlint: ESLint, Prettier and the type-check passed\n');
process.exit(failed.length ? 1 : 0);
