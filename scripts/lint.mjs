// `npm run lint`: ESLint (the layer rules included), Prettier's check and the type-check. Every check runs even
// if an earlier one failed, so one run shows every problem; the exit code says whether all passed.
// `npm run lint -- --fix` lets ESLint and Prettier fix what they can first (then one after the other, since
// both write files).
//
// Without --fix the three run side by side (ESLint and tsc each keep one core busy for about a minute) and
// each one's output is printed whole, in order, once it ends.
import { spawn } from 'node:child_process';
import { root, run } from './setup.mjs';

const fix = process.argv.includes('--fix');
const checks = [
  ['ESLint', 'npx', ['eslint', '--max-warnings', '0', ...(fix ? ['--fix'] : []), '.']],
  ['Prettier', 'npx', ['prettier', fix ? '--write' : '--check', '--log-level', 'warn', '.']],
  ['Type-check', 'npx', ['tsc', '--noEmit', '-p', '.']],
];
const header = (name, command, args) => `\n--- ${name}: ${command} ${args.join(' ')}\n`;

/** Runs one check with its output captured; resolves to its output and exit status. */
function captured(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (error) => resolve({ output: `${error.message}\n`, status: 1 }));
    child.on('close', (status) => resolve({ output: Buffer.concat(chunks).toString(), status: status ?? 1 }));
  });
}

const failed = [];
if (fix) {
  for (const [name, command, args] of checks) {
    process.stdout.write(header(name, command, args));
    if (run(command, args) !== 0) failed.push(name);
  }
} else {
  const started = Date.now();
  const results = await Promise.all(checks.map(([, command, args]) => captured(command, args)));
  checks.forEach(([name, command, args], i) => {
    process.stdout.write(header(name, command, args) + results[i].output);
    if (results[i].status !== 0) failed.push(name);
  });
  process.stdout.write(`\n(${checks.length} checks side by side in ${Math.round((Date.now() - started) / 1000)} s)\n`);
}
process.stdout.write(failed.length ? `\nlint: failed: ${failed.join(', ')}\n` : '\nlint: ESLint, Prettier and the type-check passed\n');
process.exit(failed.length ? 1 : 0);
