/**
 * Where the embedded emulator keeps its state between runs, and how --fresh starts over without losing it.
 * Its folder and lock are the standalone emulator's (emulator/node/dataFileLock.ts): one implementation.
 */
import { existsSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';

export const APP_FOLDER = 'cloudhsm-dashboard';
export const DATA_FILE_NAME = 'emulator.jsonl';

/** The platform's per-user data directory (XDG on Linux and other Unixes). */
export function userDataDirectory(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return env['LOCALAPPDATA'] || join(home, 'AppData', 'Local');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  const xdg = env['XDG_DATA_HOME'];
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  return xdg && xdg.startsWith('/') ? xdg : join(home, '.local', 'share');
}

export function defaultDataFile(platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv, home?: string): string {
  return join(userDataDirectory(platform, env, home), APP_FOLDER, DATA_FILE_NAME);
}

/**
 * --fresh: moves an existing data file aside (never deletes it: a mistyped flag must not cost a user their
 * state) to `<name>.<timestamp>.bak` beside it. Returns the new name, or null when there was no file.
 */
export function moveAsideForFresh(file: string, now: Date = new Date()): string | null {
  if (!existsSync(file)) return null;
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = join(dirname(file), `${basename(file)}.${stamp}.bak`);
  for (let n = 2; existsSync(target); n++) target = join(dirname(file), `${basename(file)}.${stamp}-${n}.bak`);
  renameSync(file, target);
  return target;
}
