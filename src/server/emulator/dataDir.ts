/**
 * Where the embedded emulator keeps its state between runs (npm start's default --data). Its folder, lock and
 * --fresh are the standalone emulator's (src/emulator/node): one implementation.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

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
