// Shared set-up for `npm start` and `npm test`: install dependencies when missing or out of date, build the
// SPA when dist/ is missing or older than its sources. Only Node built-ins here: this runs before any install.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function newestIn(dir, skip = () => false) {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (skip(path)) continue;
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path, skip) : mtime(path));
  }
  return newest;
}

export function ensureDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && mtime(marker) >= mtime(join(root, 'package-lock.json'))) return;
  process.stderr.write('Installing dependencies (npm ci)...\n');
  const status = run('npm', ['ci', '--no-audit', '--no-fund']);
  if (status !== 0) process.exit(status);
}

export function ensureBuild() {
  const built = mtime(join(root, 'dist', 'index.html'));
  const sources = Math.max(
    newestIn(
      join(root, 'src'),
      (p) => p.includes(`${join('src', 'emulator', 'node')}`) || p.includes(join('src', 'server')) || /\.test\.tsx?$/.test(p),
    ),
    newestIn(join(root, 'public')),
    mtime(join(root, 'index.html')),
    mtime(join(root, 'vite.config.ts')),
    mtime(join(root, 'package-lock.json')),
  );
  if (built >= sources && built > 0) return;
  process.stderr.write('Building the dashboard (vite build)...\n');
  const status = run('npx', ['vite', 'build', '--logLevel', 'warn']);
  if (status !== 0) process.exit(status);
}
