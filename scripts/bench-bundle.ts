/**
 * `npm run bench:bundle`: what the browser downloads. Builds the SPA (vite build), then reports the gzip size
 * of the JS and CSS the first view needs (the entry chunk and everything it imports statically, following
 * Vite's manifest) and of each lazily loaded chunk. Target for the first view: at most 150 KB of JS gzipped.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = new URL('..', import.meta.url).pathname;
// DASHBOARD_DIST: build elsewhere (e.g. while another build's dist/ is in use).
const DIST = process.env['DASHBOARD_DIST'] ?? join(ROOT, 'dist');
const FIRST_VIEW_TARGET_KB = 150;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

execFileSync('npx', ['vite', 'build', '--manifest', '--logLevel', 'warn', '--outDir', DIST, '--emptyOutDir'], {
  cwd: ROOT,
  stdio: 'inherit',
});
const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
const gzipKb = (file: string): number => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / 1024;
const rawKb = (file: string): number => readFileSync(join(DIST, file)).length / 1024;

/** A chunk and the chunks it imports statically (what loads with it). */
function closure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key]?.imports ?? []) closure(next, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
if (!entryKey) throw new Error('No entry chunk in the Vite manifest.');
const firstView = closure(entryKey);
const firstJs = [...firstView].map((key) => manifest[key]!.file);
const firstCss = [...new Set([...firstView].flatMap((key) => manifest[key]!.css ?? []))];
const jsGzip = firstJs.reduce((sum, file) => sum + gzipKb(file), 0);
const cssGzip = firstCss.reduce((sum, file) => sum + gzipKb(file), 0);

process.stdout.write(`\nBundle (vite build, gzip -9):\n`);
process.stdout.write(
  `first view: JS ${jsGzip.toFixed(1)} KB gzip (${firstJs.reduce((s, f) => s + rawKb(f), 0).toFixed(0)} KB raw, ${firstJs.length} file(s)), CSS ${cssGzip.toFixed(1)} KB gzip\n`,
);
const lazy = Object.entries(manifest).filter(([key, chunk]) => chunk.isDynamicEntry && !firstView.has(key));
if (lazy.length === 0) process.stdout.write('lazy chunks: none yet\n');
for (const [key] of lazy) {
  const files = [...closure(key)].filter((k) => !firstView.has(k)).map((k) => manifest[k]!.file);
  const kb = files.reduce((sum, file) => sum + gzipKb(file), 0);
  process.stdout.write(`lazy ${key}: ${kb.toFixed(1)} KB gzip (${files.length} file(s) beyond the first view)\n`);
}
process.stdout.write(`first-view JS target <= ${FIRST_VIEW_TARGET_KB} KB gzip: ${jsGzip <= FIRST_VIEW_TARGET_KB ? 'met' : 'NOT met'}\n`);
