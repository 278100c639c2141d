/** The emulator core must run in a browser later: no Node-only imports outside its adapters. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('.', import.meta.url).pathname;
const ADAPTER_DIRS = ['node', 'test', 'testing'];

function coreFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return ADAPTER_DIRS.includes(relative(ROOT, path)) ? [] : coreFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('emulator core', () => {
  const files = coreFiles(ROOT);
  it('has core modules to check', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.endsWith('emulator.ts'))).toBe(true);
  });
  it.each(files.map((f) => [relative(ROOT, f), f]))('%s imports nothing Node-only', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    const imports = [...source.matchAll(/(?:import|from)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    const nodeOnly = imports.filter(
      (spec) => spec.startsWith('node:') || ['fs', 'path', 'http', 'crypto', 'os', 'child_process', 'url', 'zlib', 'net'].includes(spec),
    );
    expect(nodeOnly).toEqual([]);
    // Code only: comments may mention these words.
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/\bprocess\.|\bBuffer\b|require\(/);
  });
});
